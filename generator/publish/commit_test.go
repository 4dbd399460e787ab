package publish

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// publishFiles builds files into out and commits them.
func publishFiles(t *testing.T, out string, fs map[string]string) {
	t.Helper()
	w, err := New(out)
	if err != nil {
		t.Fatal(err)
	}
	write(t, w, fs)
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
}

// foreign puts the files other people and tools keep in an output folder.
func foreign(t *testing.T, out string) []string {
	put(t, filepath.Join(out, ".git", "HEAD"), "ref: refs/heads/gh-pages")
	put(t, filepath.Join(out, "CNAME"), "reports.example.org")
	put(t, filepath.Join(out, ".nojekyll"), "")
	put(t, filepath.Join(out, ".well-known", "security.txt"), "Contact: x")
	put(t, filepath.Join(out, "uploads", "photo.jpg"), "jpeg")
	return []string{".git/HEAD=ref: refs/heads/gh-pages", ".nojekyll=", ".well-known/security.txt=Contact: x", "CNAME=reports.example.org", "uploads/photo.jpg=jpeg"}
}

// withoutManifest drops the manifest from a listing of files.
func withoutManifest(list []string) []string {
	return slices.DeleteFunc(list, func(s string) bool { return strings.HasPrefix(s, Manifest+"=") })
}

func TestRebuildsReplaceTheirOwnFilesAndKeepEveryOtherFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	kept := foreign(t, out)
	publishFiles(t, out, map[string]string{"index.html": "one", "2024/index.html": "2024", "2024/old/index.html": "old", "assets/a.css": "a"})
	publishFiles(t, out, map[string]string{"index.html": "two", "2025/index.html": "2025", "assets/a.css": "a2"})
	want := slices.Concat(kept, []string{"2025/index.html=2025", "assets/a.css=a2", "index.html=two"})
	slices.Sort(want)
	if got := withoutManifest(files(t, out)); !slices.Equal(got, want) {
		t.Errorf("after two builds the output holds\n%q\nwant\n%q", got, want)
	}
	if _, err := os.Stat(filepath.Join(out, "2024")); err == nil {
		t.Error("the folder of the removed page is still there")
	}
	data, err := os.ReadFile(filepath.Join(out, Manifest))
	if err != nil {
		t.Fatal(err)
	}
	if got := ParseManifest(data); !slices.Equal(got, []string{"2025/index.html", "assets/a.css", "index.html"}) {
		t.Errorf("manifest lists %q", got)
	}
	if got := entries(t, out); slices.Contains(got, ScratchDir) {
		t.Errorf("the scratch folder outlived the build: %q", got)
	}
}

func TestAGitWorktreeFileAndAFileAtABuiltPath(t *testing.T) {
	out := t.TempDir()
	put(t, filepath.Join(out, ".git"), "gitdir: ../.git/worktrees/public")
	put(t, filepath.Join(out, "index.html"), "someone else's page")
	publishFiles(t, out, map[string]string{"index.html": "built"})
	publishFiles(t, out, map[string]string{"about/index.html": "about"})
	// A file at a path the build writes is the build's: replaced, then
	// removed when the build no longer writes it.
	if got := withoutManifest(files(t, out)); !slices.Equal(got, []string{".git=gitdir: ../.git/worktrees/public", "about/index.html=about"}) {
		t.Errorf("output holds %q", got)
	}
}

func TestCommitCreatesAMissingOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "deep", "public")
	publishFiles(t, out, map[string]string{"index.html": "new"})
	if got := withoutManifest(files(t, out)); !slices.Equal(got, []string{"index.html=new"}) {
		t.Errorf("output = %q", got)
	}
}

func TestAbortLeavesTheOutputAsItWas(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	kept := foreign(t, out)
	publishFiles(t, out, map[string]string{"index.html": "old"})
	before := files(t, out)
	w, err := New(out)
	if err != nil {
		t.Fatal(err)
	}
	write(t, w, map[string]string{"index.html": "new", "2025/index.html": "new 2025"})
	if got := files(t, w.Dir()); !slices.Equal(got, []string{"2025/index.html=new 2025", "index.html=new"}) {
		t.Errorf("while building the scratch folder holds %q", got)
	}
	w.Abort()
	if got := files(t, out); !slices.Equal(got, before) {
		t.Errorf("after Abort the output is %q; want %q", got, before)
	}
	if len(kept) == 0 || slices.Contains(entries(t, out), ScratchDir) {
		t.Error("Abort left the scratch folder")
	}

	// A build that creates the output folder and fails leaves no folder.
	fresh := filepath.Join(parent, "fresh")
	w, err = New(fresh)
	if err != nil {
		t.Fatal(err)
	}
	write(t, w, map[string]string{"index.html": "new"})
	w.Abort()
	if got := entries(t, parent); !slices.Equal(got, []string{"public"}) {
		t.Errorf("after Abort the parent holds %q, want only public", got)
	}
}

// TestAKilledBuildIsFinishedByTheNext stands for kill -9 at two moments:
// while the files were being written (a scratch folder is left) and half
// way through the renames (the manifest lists the old and the new files,
// some in place).
func TestAKilledBuildIsFinishedByTheNext(t *testing.T) {
	out := t.TempDir()
	kept := foreign(t, out)
	publishFiles(t, out, map[string]string{"index.html": "one", "a/index.html": "a", "b/index.html": "b"})
	// Killed while writing.
	put(t, filepath.Join(out, ScratchDir, "index.html"), "half")
	// Killed while renaming: c is in place, d was not yet, b is stale.
	put(t, filepath.Join(out, "c", "index.html"), "c")
	put(t, filepath.Join(out, Manifest), string(FormatManifest([]string{"index.html", "a/index.html", "b/index.html", "c/index.html", "d/index.html"})))
	publishFiles(t, out, map[string]string{"index.html": "three", "a/index.html": "a3"})
	want := slices.Concat(kept, []string{"a/index.html=a3", "index.html=three"})
	slices.Sort(want)
	if got := withoutManifest(files(t, out)); !slices.Equal(got, want) {
		t.Errorf("output holds\n%q\nwant\n%q", got, want)
	}
}

func TestASymlinkedOutputIsWrittenThrough(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "www", "site")
	put(t, filepath.Join(target, "CNAME"), "x")
	link := filepath.Join(dir, "public")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	publishFiles(t, link, map[string]string{"index.html": "one"})
	publishFiles(t, link, map[string]string{"index.html": "two"})
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the output link is no longer a link: %v", err)
	}
	if got := withoutManifest(files(t, target)); !slices.Equal(got, []string{"CNAME=x", "index.html=two"}) {
		t.Errorf("the link's target holds %q", got)
	}

	dangling := filepath.Join(dir, "dangling")
	os.Symlink(filepath.Join(dir, "nowhere"), dangling)
	_, err := New(dangling)
	want := "output " + dangling + " is a symbolic link to " + filepath.Join(dir, "nowhere") + ", which does not exist; create that folder or choose another --out"
	if err == nil || err.Error() != want {
		t.Errorf("New(dangling link) = %v, want %q", err, want)
	}
}

func TestWhatStandsInTheWayFailsTheBuildBeforeAnyChange(t *testing.T) {
	out := t.TempDir()
	outside := t.TempDir()
	publishFiles(t, out, map[string]string{"index.html": "one", "feed": "owned file"})
	put(t, filepath.Join(out, "robots.txt", "keep"), "a folder where a file goes")
	put(t, filepath.Join(out, "2025"), "a file where a folder goes")
	os.Symlink(outside, filepath.Join(out, "en"))
	before := files(t, out)
	w, err := New(out)
	if err != nil {
		t.Fatal(err)
	}
	write(t, w, map[string]string{"index.html": "two", "robots.txt": "r", "2025/index.html": "x", "en/index.html": "en"})
	err = w.Commit()
	want := strings.Join([]string{
		filepath.Join(out, "robots.txt") + " is a folder, but the build writes the file /robots.txt there; move the folder away or choose another --out",
		filepath.Join(out, "2025") + " is a file, but the build writes files into the folder /2025/; move it away or choose another --out",
		filepath.Join(out, "en") + " is a symbolic link, but the build writes files into the folder /en/; move it away or choose another --out",
	}, "\n")
	if err == nil || err.Error() != want {
		t.Errorf("Commit() = %v\nwant %s", err, want)
	}
	if got := files(t, out); !slices.Equal(got, before) {
		t.Errorf("a refused build changed the output:\n%q\nwant\n%q", got, before)
	}
	if got := files(t, outside); len(got) != 0 {
		t.Errorf("the build wrote through a link: %q", got)
	}
	// A file of the last build's may become a folder.
	publishFiles(t, out, map[string]string{"feed/index.xml": "feed"})
}

func TestStaleRemovalNeverLeavesTheOutputFolder(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	outside := filepath.Join(dir, "secret")
	put(t, filepath.Join(outside, "x"), "keep")
	put(t, filepath.Join(dir, "passwd"), "keep")
	put(t, filepath.Join(out, "sub", "y"), "keep")
	os.Symlink(outside, filepath.Join(out, "link"))
	put(t, filepath.Join(out, Manifest), manifestHead+`"link/x"
"../passwd"
"/passwd"
"sub/../../passwd"
"sub"
not quoted
`)
	publishFiles(t, out, map[string]string{"index.html": "new"})
	for _, f := range []string{filepath.Join(outside, "x"), filepath.Join(dir, "passwd"), filepath.Join(out, "sub", "y")} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s was removed: %v", f, err)
		}
	}
}

func TestTwoBuildsIntoOneFolderAtOnceAreRefused(t *testing.T) {
	out := t.TempDir()
	w, err := New(out)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	_, err = New(out)
	if want := "another nianbao build is writing to " + out + "; wait for it to finish"; err == nil || err.Error() != want {
		t.Errorf("second New() = %v, want %q", err, want)
	}
}

func TestManifestRoundTrips(t *testing.T) {
	paths := []string{"b/index.html", "a b/名.html", "a\"q\".txt", "new\nline.txt", "a/index.html"}
	got := ParseManifest(FormatManifest(paths))
	want := slices.Clone(paths)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("round trip = %q, want %q", got, want)
	}
}
