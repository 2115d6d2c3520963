// Package xlsx reads Excel workbooks (.xlsx, .xlsm) into a document.Tree.
//
// The package is verified with archive/zip first (every part read through
// size caps so CRCs are checked, DTDs refused). Each worksheet is then read
// in one streaming pass over its XML (xmlscan.go: a fast scanner with
// encoding/xml as the fallback), which gives each cell's value, type,
// style and formula presence, each row's outline level and visibility,
// and whether the part is well-formed to its end: a sheet cut short is a
// TG-READ-005 fault, never silently missing rows. The shared strings are
// read once into one string that cells slice; styles, properties,
// comments, tables and defined names are small parts read with
// encoding/xml. The whole read runs under a deadline.
package xlsx

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

// Read reads the workbook in r (size bytes, file name path for locations).
// The error, when the file cannot be read at all, is a *document.Fault;
// partial losses are Faults in the returned tree.
//
// The whole read runs in its own goroutine under lim.ReadTimeout and ctx.
// The reader checks the context every few thousand XML tokens, so a read
// stops promptly; should a step still overrun (decoding one small part
// with encoding/xml cannot be interrupted), Read returns a TG-LIMIT-001
// fault at once when the deadline passes and leaves that goroutine behind
// rather than hang the run on one hostile file.
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
					fmt.Errorf("panic: %v", p), "the workbook is malformed: the reader failed on it")}
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
// limits.shared_strings: the table is held in memory for the whole read,
// and without it every text cell is lost, so the file is refused rather
// than read without its text.
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
	for _, name := range p.names {
		if !filepath.IsLocal(name) {
			p.notes = append(p.notes, fmt.Sprintf("zip entry %q has an unsafe path and was ignored", name))
		}
	}
	tree.Notes = append(tree.Notes, p.notes...)

	wr := &workbookReader{ctx: ctx, p: p, info: info, lim: lim, path: path, tree: tree, date1904: info.date1904}
	if data, ok := p.parts[info.styles]; ok {
		// inspectWorkbook checked it is well-formed.
		if wr.styles, err = parseStyles(data); err != nil {
			return nil, cannotOpen(err)
		}
	}
	if err := wr.readSharedStrings(); err != nil {
		return nil, err
	}
	tree.Properties = readProperties(p)
	for _, si := range info.sheets {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		sheet, err := wr.readSheet(si)
		if err != nil {
			return nil, err
		}
		tree.Sheets = append(tree.Sheets, sheet)
		// The sheet's XML is not needed again: let it go before the next
		// sheet is read.
		delete(p.parts, si.part)
	}
	wr.resolveLists()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return tree, nil
}

// readSharedStrings reads the shared-strings part named by the workbook
// (or the conventional one). A part that is not well-formed loses the text
// of every cell using it, which is a fault, not a silent loss.
func (wr *workbookReader) readSharedStrings() error {
	name := wr.info.sharedStrings
	if _, ok := wr.p.parts[name]; !ok || name == "" {
		name = "xl/sharedStrings.xml"
	}
	data, ok := wr.p.parts[name]
	if !ok {
		return nil
	}
	sst, err := parseSharedStrings(data)
	if err != nil {
		wr.fault(document.ReadPartialLoss, document.Loc{Path: wr.path}, err,
			"the shared-strings part %s is malformed; the text of cells using it is lost", name)
		return nil
	}
	wr.sst = sst
	delete(wr.p.parts, name)
	return nil
}
