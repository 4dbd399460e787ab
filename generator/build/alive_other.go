//go:build !unix

package build

// alive cannot tell here, so every process may be alive.
func alive(int) bool { return true }
