package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// SourceDirs are the folders of a site that a build reads, which no
// output folder may be inside.
var SourceDirs = []string{"content", "static", "layouts", "themes", "i18n"}

// Refuse returns an error when out may not hold the build of the site in
// the folder site: it is the site folder, holds it, or is inside one of
// the folders the build reads. Links are followed on both sides, so
// "public -> ." is refused too.
func Refuse(out, site string) error {
	realOut, err := resolve(out)
	if err != nil {
		return err
	}
	realSite, err := resolve(site)
	if err != nil {
		return err
	}
	switch {
	case realOut == realSite:
		return fmt.Errorf("--out %s is the site folder itself; a build there would mix the pages with the site's own files (choose a folder such as %s)", out, filepath.Join(site, "public"))
	case Within(realSite, realOut):
		return fmt.Errorf("--out %s holds the site folder %s; a build there would mix the pages with the site's own files (choose a folder such as %s)", out, site, filepath.Join(site, "public"))
	}
	for _, d := range SourceDirs {
		real, err := resolve(filepath.Join(site, d))
		if err != nil {
			return err
		}
		if realOut == real || Within(realOut, real) {
			return fmt.Errorf("--out %s is inside the site's %s/ folder, which the build reads; choose a folder outside it, such as %s", out, d, filepath.Join(site, "public"))
		}
	}
	return nil
}

// Within reports whether the clean absolute path p lies inside the folder
// dir (and is not dir itself).
func Within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != "." && filepath.IsLocal(rel)
}

// resolve returns p as an absolute path with every link resolved, for a
// path that does not exist yet as far as it does.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for {
		real, err := filepath.EvalSymlinks(abs)
		if err == nil {
			return filepath.Join(append([]string{real}, rest...)...), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return filepath.Join(append([]string{abs}, rest...)...), nil
		}
		// A dangling link resolves to its target.
		if target, lerr := os.Readlink(abs); lerr == nil {
			if !filepath.IsAbs(target) {
				target = filepath.Join(parent, target)
			}
			if r, err := resolve(target); err == nil && !strings.HasPrefix(r, abs+string(filepath.Separator)) {
				return filepath.Join(append([]string{r}, rest...)...), nil
			}
		}
		rest = append([]string{filepath.Base(abs)}, rest...)
		abs = parent
	}
}
