package discover

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// SkippedFile is a file that looks like a document but is in a format
// tollgate does not read, so the run did not check it.
type SkippedFile struct {
	Path   string // named as Walk would name it
	Format string // the extension
	Reason string
}

// unsupportedExt are document formats Walk passes over (they are not
// candidates), with what to do instead. Listing them keeps a run from
// looking complete when a whole document was never read.
var unsupportedExt = map[string]string{
	"odt":     "OpenDocument text is not read: save as .docx",
	"ott":     "OpenDocument template is not read: save as .docx",
	"ods":     "OpenDocument spreadsheet is not read: save as .xlsx",
	"odp":     "presentations are not read",
	"rtf":     "RTF is not read: save as .docx",
	"txt":     "plain text is not read: save as .md (Markdown) to have it checked",
	"pages":   "Apple Pages is not read: export as .docx",
	"numbers": "Apple Numbers is not read: export as .xlsx",
	"key":     "presentations are not read",
	"vsd":     "Visio is not read",
	"vsdx":    "Visio is not read",
	"mpx":     "MPX is not read: export the project as MS Project XML",
	"wpd":     "WordPerfect is not read: save as .docx",
	"html":    "HTML is not read: save as .docx or .md",
	"htm":     "HTML is not read: save as .docx or .md",
}

// Skipped lists the files under paths (directories walked as Walk walks
// them: same excludes, ignore files and hidden names) whose format
// tollgate does not read, sorted by path.
func Skipped(paths []string, opts Options) ([]SkippedFile, error) {
	exclude, err := compileGlobs(opts.Exclude)
	if err != nil {
		return nil, err
	}
	var out []SkippedFile
	for _, arg := range paths {
		abs, err := filepath.Abs(arg)
		if err != nil {
			return nil, err
		}
		st, err := os.Stat(abs)
		if err != nil {
			return nil, err
		}
		given := filepath.ToSlash(filepath.Clean(arg))
		if !st.IsDir() {
			if reason, ok := unsupportedExt[ext(abs)]; ok {
				out = append(out, SkippedFile{Path: given, Format: ext(abs), Reason: reason})
			}
			continue
		}
		prefix := ""
		if len(paths) > 1 {
			prefix = given
		}
		realRoot, err := filepath.EvalSymlinks(abs)
		if err != nil {
			return nil, err
		}
		err = walkTree(abs, realRoot, exclude, opts.IgnoreFile, func(_, rel string, d fs.DirEntry) error {
			if reason, ok := unsupportedExt[ext(d.Name())]; ok {
				out = append(out, SkippedFile{Path: path.Join(prefix, rel), Format: ext(d.Name()), Reason: reason})
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	slices.SortFunc(out, func(a, b SkippedFile) int { return strings.Compare(a.Path, b.Path) })
	return slices.CompactFunc(out, func(a, b SkippedFile) bool { return a.Path == b.Path }), nil
}
