// Package fsguard opens the files of a checked tree as an untrusted pull
// request may have left them: a name that was a regular file when the
// tree was walked may be a FIFO (an open that never returns), a device
// (/dev/zero: a read that never ends) or a symbolic link out of the tree
// (~/.docker/config.json) by the time it is opened.
package fsguard

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// ErrNotRegular is returned (wrapped) for a path that is not a regular file.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is returned (wrapped) by ReadRegular for a file over its bound.
var ErrTooLarge = errors.New("larger than allowed")

// ErrOutside is returned (wrapped) for a path that resolves outside its root.
var ErrOutside = errors.New("resolves outside the directory it must stay in")

// OpenRegular opens path for reading without blocking (a FIFO opens at
// once instead of waiting for a writer) and checks, on the opened file,
// that it is a regular file: a check before opening could be raced.
func OpenRegular(path string) (*os.File, os.FileInfo, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, nil, fmt.Errorf("%s: %w", path, ErrNotRegular)
	}
	return f, st, nil
}

// ReadRegular reads the regular file at path, refusing one larger than
// max bytes (checked on the opened file and again while reading, as the
// file may grow).
func ReadRegular(path string, max int64) ([]byte, error) {
	f, st, err := OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if max > 0 && st.Size() > max {
		return nil, fmt.Errorf("%s: %d bytes: %w (%d)", path, st.Size(), ErrTooLarge, max)
	}
	r := io.Reader(f)
	if max > 0 {
		r = io.LimitReader(f, max+1)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if max > 0 && int64(len(b)) > max {
		return nil, fmt.Errorf("%s: %w (%d bytes)", path, ErrTooLarge, max)
	}
	return b, nil
}

// Within resolves path (following every symbolic link) and reports
// whether it lies inside root (resolved the same way). An error means
// path or root does not exist or cannot be resolved.
func Within(root, path string) (bool, error) {
	r, err := resolve(root)
	if err != nil {
		return false, err
	}
	p, err := resolve(path)
	if err != nil {
		return false, err
	}
	return Contains(r, p), nil
}

// Contains: the clean absolute path p is root or inside it (no symbolic
// links are looked at).
func Contains(root, p string) bool {
	rel, err := filepath.Rel(root, p)
	if err != nil {
		return false
	}
	return rel == "." || rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

// Resolve is path with every symbolic link followed, made absolute.
func Resolve(path string) (string, error) { return resolve(path) }
