package publish

import (
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// FuzzCleanPath checks that every path CleanPath accepts stays inside the
// output folder, is already clean, and takes none of the build's names.
func FuzzCleanPath(f *testing.F) {
	for _, s := range []string{"index.html", "/2025/index.html", "//a//b/", "../x", "a/../../x", ".", "", "/", ".nianbao-manifest/x", "a/.nianbao-building", "名/页.html", "a\x00b", `a\..\b`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, rel string) {
		clean, err := CleanPath(rel)
		if err != nil {
			return
		}
		if !filepath.IsLocal(filepath.FromSlash(clean)) || path.Clean(clean) != clean || strings.HasPrefix(clean, "/") {
			t.Fatalf("CleanPath(%q) = %q, which is not a clean path inside the site", rel, clean)
		}
		if first, _, _ := strings.Cut(clean, "/"); first == Manifest || first == ScratchDir {
			t.Fatalf("CleanPath(%q) = %q takes a name of the build's", rel, clean)
		}
		if again, err := CleanPath(clean); err != nil || again != clean {
			t.Fatalf("CleanPath(%q) = %q, %v; want it unchanged", clean, again, err)
		}
		full := filepath.Join("/out", filepath.FromSlash(clean))
		if !Within(full, "/out") {
			t.Fatalf("%q joins to %s, outside /out", rel, full)
		}
	})
}

// FuzzParseManifest checks that a manifest, whatever it holds, yields
// only paths inside the output folder, sorted, and that writing them and
// reading them back gives the same list.
func FuzzParseManifest(f *testing.F) {
	f.Add([]byte(manifestHead + "\"index.html\"\n\"a/b.css\"\n"))
	f.Add([]byte("\"../../etc/passwd\"\n\"/etc/passwd\"\n\"a/../../b\"\nplain\n\"\\x00\"\n"))
	f.Add([]byte("\"a\"\r\n\"a\"\n\"\\u540d.html\"\n# comment\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		paths := ParseManifest(data)
		if !slices.IsSorted(paths) || len(slices.Compact(slices.Clone(paths))) != len(paths) {
			t.Fatalf("paths not sorted and unique: %q", paths)
		}
		for _, p := range paths {
			if c, err := CleanPath(p); err != nil || c != p {
				t.Fatalf("manifest yields %q (CleanPath: %q, %v)", p, c, err)
			}
		}
		if again := ParseManifest(FormatManifest(paths)); !slices.Equal(again, paths) {
			t.Fatalf("round trip: %q, want %q", again, paths)
		}
	})
}

// FuzzWithin checks Within against the plain reading of clean paths:
// inside means "dir/" is a prefix.
func FuzzWithin(f *testing.F) {
	f.Add("/a/b", "/a")
	f.Add("/a", "/a")
	f.Add("/ab", "/a")
	f.Add("/a/../b", "/a")
	f.Add("/", "/")
	f.Add("/x", "/")
	f.Fuzz(func(t *testing.T, p, dir string) {
		if !filepath.IsAbs(p) || !filepath.IsAbs(dir) {
			return
		}
		p, dir = filepath.Clean(p), filepath.Clean(dir)
		prefix := strings.TrimSuffix(dir, "/") + "/"
		want := p != dir && strings.HasPrefix(p, prefix)
		if got := Within(p, dir); got != want {
			t.Fatalf("Within(%q, %q) = %v, want %v", p, dir, got, want)
		}
	})
}
