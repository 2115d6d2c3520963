package discover

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/tollgate-dev/tollgate/internal/fsguard"
	"github.com/tollgate-dev/tollgate/internal/glob"
)

// compileGlobs parses documents.exclude (see package glob for the
// dialect, shared with .tollgateignore, documents.kinds and waivers).
func compileGlobs(globs []string) (glob.List, error) {
	l, err := glob.ParseList(globs)
	if err != nil {
		return nil, fmt.Errorf("exclude: %w", err)
	}
	return l, nil
}

// maxIgnoreBytes bounds the .tollgateignore file: it is a short list of
// globs, and reading an arbitrarily large file here would be a cheap way to
// stall discovery.
const maxIgnoreBytes = 1 << 20

// readIgnoreFile loads the .tollgateignore of a walked root; a missing file
// is no rules. It must be a regular file (a FIFO would hang the walk) and
// may not link out of the walked root (its lines reach error messages).
func readIgnoreFile(file, realRoot string) (glob.List, error) {
	if _, err := os.Lstat(file); os.IsNotExist(err) {
		return nil, nil
	}
	if target, err := filepath.EvalSymlinks(file); err != nil || !fsguard.Contains(realRoot, target) {
		return nil, fmt.Errorf("read ignore file %s: %w", file, cmpErr(err, fsguard.ErrOutside))
	}
	fh, _, err := fsguard.OpenRegular(file)
	if err != nil {
		return nil, fmt.Errorf("read ignore file: %w", err)
	}
	defer fh.Close()
	var rs glob.List
	sc := bufio.NewScanner(io.LimitReader(fh, maxIgnoreBytes))
	for n := 1; sc.Scan(); n++ {
		p, ok, err := glob.Parse(sc.Text())
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", file, n, err)
		}
		if ok {
			rs = append(rs, p)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", file, err)
	}
	return rs, nil
}

// cmpErr is err, or def when err is nil.
func cmpErr(err, def error) error {
	if err != nil {
		return err
	}
	return def
}
