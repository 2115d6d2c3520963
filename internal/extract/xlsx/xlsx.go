// Package xlsx reads Excel workbooks (.xlsx, .xlsm) into a document.Tree.
//
// The package is verified with archive/zip before excelize sees it (every
// part read through size caps so CRCs are checked, DTDs refused), excelize
// then runs under a deadline, and each sheet's rows are cross-checked
// against a raw pass over the sheet XML so that rows excelize silently
// drops become a TG-READ-005 fault instead of missing data.
package xlsx

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

// Read reads the workbook in r (size bytes, file name path for locations).
// The error, when the file cannot be read at all, is a *document.Fault;
// partial losses are Faults in the returned tree.
//
// The whole read runs in its own goroutine under lim.ReadTimeout and ctx.
// The reader checks the context between rows, so an ordinary slow read
// stops promptly; but a call inside excelize cannot be interrupted (it has
// no context parameter and has been seen to loop on damaged input). When
// the deadline passes Read returns a TG-LIMIT-001 fault at once and leaves
// that goroutine behind: leaking one goroutine and its buffers is the
// price of never hanging the run on one hostile file.
func Read(ctx context.Context, r io.ReaderAt, size int64, path string, lim limits.Limits) (*document.Tree, error) {
	parent := ctx
	cancel := func() {}
	if lim.ReadTimeout > 0 {
		ctx, cancel = context.WithTimeout(ctx, lim.ReadTimeout)
	}
	defer cancel()

	type result struct {
		tree *document.Tree
		err  error
	}
	done := make(chan result, 1) // buffered: a late goroutine must not block
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- result{err: document.Faultf(document.ReadCorrupt, document.Loc{Path: path},
					fmt.Errorf("panic: %v", p), "the workbook is malformed: the spreadsheet library failed on it")}
			}
		}()
		t, err := read(ctx, r, size, path, lim)
		done <- result{t, err}
	}()

	select {
	case res := <-done:
		if errors.Is(res.err, context.DeadlineExceeded) && parent.Err() == nil {
			return nil, timeoutFault(path, lim)
		}
		if f, ok := errors.AsType[*document.Fault](res.err); ok && f.Loc.Path == "" {
			f.Loc.Path = path
		}
		return res.tree, res.err
	case <-ctx.Done():
		if parent.Err() != nil {
			return nil, fmt.Errorf("read %s: %w", path, parent.Err())
		}
		return nil, timeoutFault(path, lim)
	}
}

func timeoutFault(path string, lim limits.Limits) *document.Fault {
	return document.LimitFault(limits.KeyReadTimeout, document.Loc{Path: path}, context.DeadlineExceeded,
		"reading took longer than %s (limits.read_timeout)", lim.ReadTimeout)
}

// checkSharedStrings refuses a workbook whose shared-strings part is over
// limits.shared_strings: excelize decodes that part whole into memory (and
// several times its size as Go strings), and without it every text cell is
// lost, so the file is refused rather than read without its text.
func checkSharedStrings(p *pkg, info *workbookInfo, lim limits.Limits) error {
	if lim.SharedStrings <= 0 {
		return nil
	}
	for _, name := range []string{info.sharedStrings, "xl/sharedStrings.xml"} {
		if n := int64(len(p.parts[name])); name != "" && n > lim.SharedStrings {
			return document.LimitFault(limits.KeySharedStrings, document.Loc{}, nil,
				"the shared-strings part %s is %s, over the limit of %s", name,
				limits.FormatBytes(n), limits.FormatBytes(lim.SharedStrings))
		}
	}
	return nil
}

// read does the work of Read on the calling goroutine.
func read(ctx context.Context, r io.ReaderAt, size int64, path string, lim limits.Limits) (*document.Tree, error) {
	p, err := verifyPackage(ctx, r, size, lim)
	if err != nil {
		return nil, err
	}
	info, err := inspectWorkbook(p)
	if err != nil {
		return nil, err
	}
	if err := checkSharedStrings(p, info, lim); err != nil {
		return nil, err
	}
	tree := &document.Tree{Path: path, Format: document.FormatXlsx}
	if info.macro {
		tree.Format = document.FormatXlsm
	}
	if info.strict {
		tree.Notes = append(tree.Notes, "ISO/IEC 29500 Strict workbook (read with its namespaces mapped to Transitional)")
	}

	zipBytes, err := p.rebuild()
	if err != nil {
		return nil, document.Faultf(document.ReadCorrupt, document.Loc{Path: path}, err, "cannot repackage the workbook")
	}
	tree.Notes = append(tree.Notes, p.notes...)
	// Parts stay in memory: UnzipXMLSizeLimit at the part cap means excelize
	// never spills a worksheet to a temporary file (every part is already
	// known to be within it).
	f, err := excelize.OpenReader(bytes.NewReader(zipBytes), excelize.Options{
		UnzipSizeLimit:    max(lim.PackageBytes, lim.PartBytes, 1),
		UnzipXMLSizeLimit: max(lim.PartBytes, 1),
	})
	zipBytes = nil
	if err != nil {
		return nil, document.Faultf(document.ReadCorrupt, document.Loc{Path: path}, err, "the workbook cannot be opened")
	}
	defer f.Close()

	wr := &workbookReader{
		ctx: ctx, f: f, p: p, info: info, lim: lim, path: path, tree: tree,
		styles: map[int]styleInfo{},
	}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		wr.date1904 = *props.Date1904
	}
	wr.readProperties()
	for _, name := range f.GetSheetList() {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		sheet, err := wr.readSheet(name)
		if err != nil {
			return nil, err
		}
		tree.Sheets = append(tree.Sheets, sheet)
	}
	wr.resolveLists()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return tree, nil
}

// readProperties copies the core and custom document properties.
func (wr *workbookReader) readProperties() {
	props := &wr.tree.Properties
	if dp, err := wr.f.GetDocProps(); err == nil && dp != nil {
		props.Title = dp.Title
		props.Subject = dp.Subject
		props.Creator = dp.Creator
		props.LastModifiedBy = dp.LastModifiedBy
		props.Created = dp.Created
		props.Modified = dp.Modified
		props.ContentStatus = dp.ContentStatus
		props.Version = dp.Version
		props.Revision = dp.Revision
		props.Keywords = dp.Keywords
		props.Category = dp.Category
	}
	if custom, err := wr.f.GetCustomProps(); err == nil && len(custom) > 0 {
		props.Custom = make(map[string]string, len(custom))
		for _, c := range custom {
			if c.Value == nil {
				props.Custom[c.Name] = ""
				continue
			}
			props.Custom[c.Name] = fmt.Sprint(c.Value)
		}
	}
}
