//go:build !unix

package publish

// lock does nothing where folders cannot be locked.
func lock(string) (func(), error) { return func() {}, nil }
