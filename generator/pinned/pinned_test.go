package pinned

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"nianbao"
)

// TestEChartsBuildIsReproducible bundles tools/echarts twice and compares
// both with the copy npm ci made: the same lock file and entry give the
// same bytes, and the installed copy is not stale.
func TestEChartsBuildIsReproducible(t *testing.T) {
	root := filepath.Join("..", "..")
	installed, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(EChartsFile)))
	if err != nil {
		t.Skipf("no ECharts build: run npm ci (make test does): %v", err)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("no node")
	}
	var builds [2][]byte
	for i := range builds {
		out := filepath.Join(t.TempDir(), "echarts.min.js")
		cmd := exec.Command(node, filepath.Join("tools", "echarts", "build.mjs"), out)
		cmd.Dir = root
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("build.mjs: %v\n%s", err, msg)
		}
		if builds[i], err = os.ReadFile(out); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(builds[0], builds[1]) {
		t.Errorf("two builds differ: %d and %d bytes", len(builds[0]), len(builds[1]))
	}
	if !bytes.Equal(builds[0], installed) {
		t.Errorf("%s (%d bytes) is not what tools/echarts builds (%d bytes): run npm run echarts", EChartsFile, len(installed), len(builds[0]))
	}
}

func TestEChartsFromACheckout(t *testing.T) {
	if data, _ := nianbao.ECharts(); data != nil {
		t.Skip("this program carries ECharts (-tags echarts)")
	}
	dir := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(EChartsFile, "window.echarts = {};\n")
	write("node_modules/echarts/package.json", `{"name": "echarts", "version": "5.6.0"}`)
	t.Chdir(filepath.Join(dir, "node_modules", "echarts")) // found in a parent
	data, v, err := ECharts()
	if err != nil || string(data) != "window.echarts = {};\n" || v != "5.6.0" {
		t.Errorf("ECharts() = %q, %q, %v", data, v, err)
	}
}

func TestNoEChartsSaysHow(t *testing.T) {
	if data, _ := nianbao.ECharts(); data != nil {
		t.Skip("this program carries ECharts (-tags echarts)")
	}
	dir := t.TempDir()
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "node_modules")); err == nil {
			t.Skipf("%s has node_modules above it", dir)
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	t.Chdir(dir)
	noted := false
	data, err := EChartsOrInstall(func(string) { noted = true }, filepath.Join(dir, "site"))
	if !errors.Is(err, ErrNoECharts) || data != nil || noted {
		t.Errorf("outside a checkout: %d bytes, %v, noted %v; want ErrNoECharts and no npm ci", len(data), err, noted)
	}
}
