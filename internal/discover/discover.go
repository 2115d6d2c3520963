// Package discover turns the paths given on the command line into the list
// of files to check, in a deterministic order, and decides each file's
// format from its bytes. A file tollgate cannot read (legacy binary,
// encrypted, PDF, empty, corrupt zip…) is still listed, with a Fault that
// becomes its one TG-READ-* finding.
package discover

import (
	"cmp"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/format"
	"github.com/tollgate-dev/tollgate/internal/fsguard"
	"github.com/tollgate-dev/tollgate/internal/glob"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

// File is one input file.
type File struct {
	// Path names the file in reports, in slash form: the argument as given
	// for a file named on the command line; for a file found in a directory,
	// its path relative to that directory when it is the only argument,
	// else the directory argument joined with that relative path (so two
	// roots holding the same name stay apart).
	Path string
	// Abs is the absolute path used to open the file.
	Abs  string
	Size int64
	// Format is what the bytes say the file is; empty when Fault is set and
	// the content is nothing tollgate reads.
	Format document.Format
	// Fault is set when the file cannot be read at all; extract returns it.
	Fault *document.Fault
}

// Options tunes the walk.
type Options struct {
	// Exclude holds globs relative to each walked directory, with
	// .gitignore semantics (see package glob): "archive/**", "*.tmp.docx".
	Exclude []string
	// IgnoreFile honours a .tollgateignore in each walked directory.
	IgnoreFile bool
	// Shard (1-based) of Shards keeps the files whose index in the sorted,
	// de-duplicated list is congruent to Shard-1 modulo Shards. Index, not a
	// hash of the path, so shards are balanced; the list is a pure function
	// of the files' paths, so every machine computes the same split of the
	// same checkout. Shards 0 means no sharding.
	Shard, Shards int
	// Limits bounds sniffing (file size, zip entries, artifact probe size);
	// the zero value means limits.Default().
	Limits limits.Limits
	// FollowSymlinks reads files that symbolic links in a walked directory
	// point to outside that directory. Off by default: the checked tree may
	// come from a stranger's pull request, and a link to /etc/passwd or a
	// CI secret would put its text into the rules' input and the report.
	// Such a link is listed with a TG-READ-007 fault instead.
	FollowSymlinks bool
}

// IgnoreFileName is the ignore file looked for in each walked directory.
const IgnoreFileName = ".tollgateignore"

// skipDirs are never walked: tooling and dependency trees, not documents.
// Hidden directories (.git among them) are skipped by name too.
var skipDirs = map[string]bool{"node_modules": true, "vendor": true}

// candidate reports whether files named with extension e are looked at
// inside directories: the extensions of every registered format, and
// those of documents tollgate does not read (so a legacy .doc is
// reported, not ignored).
func candidate(e string) bool {
	_, unread := unreadExt[e]
	return unread || len(format.ByExtension(e)) > 0
}

// Walk lists the files under paths. A path that does not exist, a bad
// exclude glob or an unreadable directory is an error (the run cannot
// say what it checked); a file that cannot be read as a document is listed
// with its Fault.
func Walk(paths []string, opts Options) ([]File, error) {
	lim := opts.Limits
	if lim.FileBytes == 0 {
		lim = limits.Default()
	}
	if opts.Shards < 0 || opts.Shards > 0 && (opts.Shard < 1 || opts.Shard > opts.Shards) {
		return nil, fmt.Errorf("shard %d/%d: want 1 ≤ shard ≤ shards", opts.Shard, opts.Shards)
	}
	exclude, err := compileGlobs(opts.Exclude)
	if err != nil {
		return nil, err
	}
	var files []File
	seen := map[string]bool{}
	add := func(f File) {
		if !seen[f.Abs] {
			seen[f.Abs] = true
			files = append(files, f)
		}
	}
	for _, arg := range paths {
		abs, err := filepath.Abs(arg)
		if err != nil {
			return nil, fmt.Errorf("discover %s: %w", arg, err)
		}
		st, err := os.Stat(abs)
		if err != nil {
			return nil, fmt.Errorf("discover: %w", err)
		}
		given := filepath.ToSlash(filepath.Clean(arg))
		if !st.IsDir() {
			if !st.Mode().IsRegular() {
				return nil, fmt.Errorf("discover %s: not a regular file", arg)
			}
			add(inspect(given, abs, st.Size(), lim, false))
			continue
		}
		prefix := ""
		if len(paths) > 1 {
			prefix = given
		}
		found, err := walkDir(abs, prefix, exclude, opts.IgnoreFile, opts.FollowSymlinks, lim)
		if err != nil {
			return nil, err
		}
		for _, f := range found {
			add(f)
		}
	}
	slices.SortFunc(files, func(a, b File) int { return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Abs, b.Abs)) })
	if opts.Shards > 0 {
		kept := files[:0]
		for i, f := range files {
			if i%opts.Shards == opts.Shard-1 {
				kept = append(kept, f)
			}
		}
		files = kept
	}
	return files, nil
}

// walkDir lists the candidate files under root.
func walkDir(root, prefix string, exclude glob.List, useIgnore, follow bool, lim limits.Limits) ([]File, error) {
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil, fmt.Errorf("discover: %w", err)
	}
	var out []File
	err = walkTree(root, realRoot, exclude, useIgnore, func(p, rel string, d fs.DirEntry) error {
		if !candidate(ext(d.Name())) {
			return nil
		}
		// Symbolic links to files inside the walked directory are followed
		// (a docs folder may link a shared template); a link out of it is
		// listed unread unless follow is set. Links to directories are not
		// walked, which also rules out link cycles.
		if d.Type()&fs.ModeSymlink != 0 && !follow {
			target, err := filepath.EvalSymlinks(p)
			if err != nil {
				return nil // a dangling link: nothing to read
			}
			if !fsguard.Contains(realRoot, target) {
				out = append(out, File{Path: path.Join(prefix, rel), Abs: p, Fault: document.Faultf(document.ReadOutside, document.Loc{}, nil,
					"a symbolic link to a file outside the checked directory: not read (use --follow-symlinks to read it)")})
				return nil
			}
		}
		info, err := os.Stat(p)
		if err != nil || !info.Mode().IsRegular() {
			return nil
		}
		f := inspect(path.Join(prefix, rel), p, info.Size(), lim, true)
		if f.Path != "" {
			out = append(out, f)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// inspect sniffs one file. In a directory walk (found=true) a JSON, YAML or
// XML file that is not an artifact or an MS Project schedule is dropped:
// the returned File then has an empty Path.
func inspect(rel, abs string, size int64, lim limits.Limits, found bool) File {
	f := File{Path: rel, Abs: abs, Size: size}
	fh, _, err := fsguard.OpenRegular(abs) // a FIFO must not hang the walk
	if err != nil {
		f.Fault = document.Faultf(document.ReadCorrupt, document.Loc{}, err, "cannot open the file")
		return f
	}
	defer fh.Close()
	f.Format, f.Fault = Sniff(fh, size, abs, lim)
	if !found {
		return f
	}
	// Extensions that usually name configuration or data (json, yaml,
	// xml) are listed only when their content is a document: an XML file
	// with no schedule root has a fault, a JSON file no artifact.
	listed := true
	for _, s := range format.ByExtension(ext(abs)) {
		if s.Container == format.XML || s.Listed != nil {
			listed = false
		}
	}
	if listed {
		return f
	}
	if f.Fault != nil {
		return File{}
	}
	s, _ := format.Lookup(f.Format)
	switch {
	case s.Container == format.XML: // its root said it is a document
		return f
	case s.Listed != nil:
		if _, err := fh.Seek(0, 0); err == nil && s.Listed(fh, lim.MarkdownBytes) {
			return f
		}
	}
	return File{}
}

// walkTree walks root the one way Walk and Skipped both walk a directory:
// hidden names, skipped directories (.git, node_modules, ...), excludes and
// the ignore file are passed over; visit sees every other file, with its
// slash-separated path relative to root.
func walkTree(root, realRoot string, exclude glob.List, useIgnore bool, visit func(p, rel string, d fs.DirEntry) error) error {
	rules := slices.Clone(exclude)
	if useIgnore {
		ign, err := readIgnoreFile(filepath.Join(root, IgnoreFileName), realRoot)
		if err != nil {
			return err
		}
		rules = append(rules, ign...)
	}
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("discover: %w", err)
		}
		if p == root {
			return nil
		}
		relOS, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(relOS)
		name := d.Name()
		if d.IsDir() {
			if strings.HasPrefix(name, ".") || skipDirs[name] || rules.Excluded(rel, true) {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(name, ".") || rules.Excluded(rel, false) {
			return nil
		}
		return visit(p, rel, d)
	})
}
