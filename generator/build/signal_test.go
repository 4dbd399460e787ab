//go:build unix

package build

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"nianbao/generator/publish"
)

// TestMain removes the program nianbaoBinary built.
func TestMain(m *testing.M) {
	code := m.Run()
	if binaryPath != "" {
		os.RemoveAll(filepath.Dir(binaryPath))
	}
	os.Exit(code)
}

var (
	binaryOnce sync.Once
	binaryPath string
	binaryErr  error
)

// nianbaoBinary builds the program once for the tests that start it as a
// process of its own (without -race, as users run it).
func nianbaoBinary(t *testing.T) string {
	t.Helper()
	binaryOnce.Do(func() {
		dir, err := os.MkdirTemp("", "nianbao-bin-")
		if err != nil {
			binaryErr = err
			return
		}
		binaryPath = filepath.Join(dir, "nianbao")
		out, err := exec.Command("go", "build", "-o", binaryPath, "nianbao/generator").CombinedOutput()
		if err != nil {
			binaryErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binaryErr != nil {
		t.Fatal(binaryErr)
	}
	return binaryPath
}

// twoSites writes a synthetic site and a changed copy of it: a new title
// on every page, one section fewer, one more.
func twoSites(t *testing.T) (a, b string) {
	a, b = t.TempDir(), t.TempDir()
	writeCorpus(t, a, 2, 20, 20)
	writeCorpus(t, b, 2, 20, 20)
	cfg, _ := os.ReadFile(filepath.Join(b, "site.toml"))
	os.WriteFile(filepath.Join(b, "site.toml"), bytes.Replace(cfg, []byte("基准联合体年度报告"), []byte("改名后的年度报告"), 1), 0o644)
	os.Remove(filepath.Join(b, "content/2025/01-s01.md"))
	sec, _ := os.ReadFile(filepath.Join(b, "content/2025/02-s02.md"))
	os.WriteFile(filepath.Join(b, "content/2025/99-added.md"), sec, 0o644)
	return a, b
}

// tree reads every file under dir, links as "-> target".
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// runBuild runs the program to its end.
func runBuild(t *testing.T, bin, site, out string) {
	t.Helper()
	if b, err := exec.Command(bin, "build", "--site", site, "--out", out).CombinedOutput(); err != nil {
		t.Fatalf("build %s: %v\n%s", site, err, b)
	}
}

var foreignFiles = map[string]string{
	".git/HEAD":                "ref: refs/heads/gh-pages\n",
	"CNAME":                    "reports.example.org\n",
	".nojekyll":                "",
	".well-known/security.txt": "Contact: it@example.org\n",
}

// signalled is one output folder that builds are stopped in, with the
// two sites' reference builds.
type signalled struct {
	t            *testing.T
	bin, out     string
	sites        [2]string
	refs         [2]map[string]string
	state        int           // which site's build the folder holds
	buildTime    time.Duration // how long a build takes here
	killsInPlace int           // stops that came after the new site was in place
}

func newSignalled(t *testing.T) *signalled {
	bin := nianbaoBinary(t)
	a, b := twoSites(t)
	s := &signalled{t: t, bin: bin, sites: [2]string{a, b}, out: filepath.Join(t.TempDir(), "public")}
	for i, site := range s.sites {
		ref := filepath.Join(t.TempDir(), "ref")
		start := time.Now()
		runBuild(t, bin, site, ref)
		s.buildTime = max(s.buildTime, time.Since(start))
		s.refs[i] = tree(t, ref)
	}
	putFiles(t, s.out, foreignFiles)
	runBuild(t, bin, a, s.out)
	s.expect(0)
	return s
}

// expect checks that the folder holds exactly site i's build, the foreign
// files and nothing else.
func (s *signalled) expect(i int) {
	s.t.Helper()
	want := maps.Clone(s.refs[i])
	maps.Copy(want, foreignFiles)
	got := tree(s.t, s.out)
	if !maps.Equal(got, want) {
		var diff []string
		for _, k := range slices.Sorted(maps.Keys(want)) {
			if got[k] != want[k] {
				diff = append(diff, "differs or missing: "+k)
			}
		}
		for _, k := range slices.Sorted(maps.Keys(got)) {
			if _, ok := want[k]; !ok {
				diff = append(diff, "left over: "+k)
			}
		}
		s.t.Fatalf("the output folder is not site %d's build:\n%s", i, strings.Join(diff[:min(len(diff), 20)], "\n"))
	}
	s.state = i
}

// start starts a build of the other site.
func (s *signalled) start() (*exec.Cmd, *bytes.Buffer) {
	var stderr bytes.Buffer
	cmd := exec.Command(s.bin, "build", "--site", s.sites[1-s.state], "--out", s.out)
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		s.t.Fatal(err)
	}
	return cmd, &stderr
}

// whole checks the folder after a kill: every file is one site's version
// of it, the foreign files are there, and either every file of the
// previous build is there or the whole new build is in place.
func (s *signalled) whole(what string) {
	s.t.Helper()
	old, next := s.refs[s.state], s.refs[1-s.state]
	got := tree(s.t, s.out)
	for name, data := range got {
		switch {
		case name == publish.Manifest || strings.HasPrefix(name, publish.ScratchDir+"/"):
		case foreignFiles[name] == data:
		case data != old[name] && data != next[name]:
			s.t.Errorf("%s: %s is neither its old nor its new version (%d bytes)", what, name, len(data))
		}
	}
	for name, data := range foreignFiles {
		if got[name] != data {
			s.t.Errorf("%s: %s was changed", what, name)
		}
	}
	var missing []string
	for name := range old {
		if _, ok := got[name]; !ok {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		for name, data := range next {
			// Between removing the old files and recording only the new
			// ones, the manifest still lists both builds' files.
			if name == publish.Manifest && listsAll(got[name], next) {
				continue
			}
			if got[name] != data {
				s.t.Errorf("%s: %d files of the previous build are gone (%s), but %s is not new", what, len(missing), missing[0], name)
				return
			}
		}
		s.killsInPlace++
	}
}

// listsAll reports whether the manifest text lists every file of a build.
func listsAll(manifest string, build map[string]string) bool {
	for name := range build {
		if name != publish.Manifest && !strings.Contains(manifest, "\n"+strconv.Quote(name)+"\n") {
			return false
		}
	}
	return true
}

// kill starts a build and kills it with SIGKILL after d, or, when d is
// negative, as soon as the build starts putting files in place.
func (s *signalled) kill(d time.Duration) {
	manifest := filepath.Join(s.out, publish.Manifest)
	before, _ := os.ReadFile(manifest)
	cmd, _ := s.start()
	if d >= 0 {
		time.Sleep(d)
	} else {
		for deadline := time.Now().Add(s.buildTime * 10); time.Now().Before(deadline); time.Sleep(200 * time.Microsecond) {
			if now, _ := os.ReadFile(manifest); !bytes.Equal(now, before) {
				break
			}
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	s.whole(fmt.Sprintf("kill -9 after %v", d))
	// The next build finishes the job and leaves no scratch files.
	next := 1 - s.state
	runBuild(s.t, s.bin, s.sites[next], s.out)
	s.expect(next)
}

func TestAKilledBuildLeavesEveryFileWholeAndTheNextFinishesIt(t *testing.T) {
	if testing.Short() {
		t.Skip("starts many builds of a 40-section site")
	}
	s := newSignalled(t)
	for _, f := range []float64{0, 0.1, 0.3, 0.6, 0.9, -1, -1} {
		s.kill(time.Duration(f * float64(s.buildTime)))
	}
	t.Logf("a build takes %v; %d kills came after the new site was in place", s.buildTime, s.killsInPlace)
}

// TestCtrlCAndSIGTERMRemoveTheScratchFiles stops builds at several
// moments after they start writing: each ends either with status 0 and
// the new site in place, or with 128 plus the signal's number (130 for
// Ctrl+C, 143 for SIGTERM, as shells report them), the output folder
// exactly as it was, and no scratch files.
func TestCtrlCAndSIGTERMRemoveTheScratchFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("starts many builds of a 40-section site")
	}
	s := newSignalled(t)
	stopped := 0
	scratch := filepath.Join(s.out, publish.ScratchDir)
	for i, f := range []float64{0, 0, 0.2, 0.5, 0.9, 1.5} {
		sig := []syscall.Signal{syscall.SIGINT, syscall.SIGTERM}[i%2]
		before := tree(t, s.out)
		cmd, stderr := s.start()
		// Wait until the build writes, so that it listens for signals.
		for deadline := time.Now().Add(10 * s.buildTime); time.Now().Before(deadline); time.Sleep(100 * time.Microsecond) {
			if _, err := os.Stat(scratch); err == nil {
				break
			}
		}
		time.Sleep(time.Duration(f * float64(s.buildTime)))
		cmd.Process.Signal(sig)
		err := cmd.Wait()
		if err == nil {
			s.expect(1 - s.state)
			continue
		}
		ee, ok := err.(*exec.ExitError)
		switch {
		case ok && ee.ExitCode() == 128+int(sig):
			stopped++
			if !strings.Contains(stderr.String(), "build interrupted; the output folder was not changed") {
				t.Errorf("%v: stderr %q", sig, stderr)
			}
		case ok && ee.Sys().(syscall.WaitStatus).Signaled():
			// The signal came before the program listened for it, so
			// before it wrote anything.
		default:
			t.Fatalf("%v after %.2f of a build: %v\n%s", sig, f, err, stderr)
		}
		if got := tree(t, s.out); !maps.Equal(got, before) {
			t.Fatalf("%v after %.2f of a build changed the output folder", sig, f)
		}
	}
	t.Logf("a build takes %v; %d of 6 were stopped by the signal", s.buildTime, stopped)
	if stopped == 0 {
		t.Error("no build was stopped by a signal")
	}
}

// TestAKilledServeLeavesNoFolderBehind kills a session's process with
// SIGKILL: the next session removes the folder it built in.
func TestAKilledServeLeavesNoFolderBehind(t *testing.T) {
	bin := nianbaoBinary(t)
	dir := writeSite(t, readArchive(t, "sites/basic.txtar"), nil)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	cmd := exec.Command(bin, "serve", "--site", dir, "--port", "0")
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 4096)
	for n := 0; !bytes.Contains(buf[:n], []byte("serving ")); {
		k, err := out.Read(buf[n:])
		if err != nil {
			t.Fatalf("serve: %v, %q", err, buf[:n])
		}
		n += k
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	left, _ := filepath.Glob(filepath.Join(tmp, sessionPrefix+"*"))
	if len(left) != 1 {
		t.Fatalf("a killed serve left %q", left)
	}
	s, err := NewSession(Options{Site: dir}, "")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := os.Stat(left[0]); err == nil {
		t.Errorf("%s outlived a new session", left[0])
	}
}
