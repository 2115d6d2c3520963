// Package docx reads Word documents (.docx, .docm, .dotx) into a
// document.Tree: headings with levels and numbers, paragraphs, tables on
// their resolved grid, content controls, comments, headers and footers,
// and package properties.
//
// word/document.xml is decoded as a token stream through ooxml.Decoder
// (no DTDs, bounded depth, Strict namespaces folded onto Transitional), so
// memory follows the size of what is kept, not of the XML.
package docx

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/extract/ooxml"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

const defaultMainPart = "word/document.xml"

// Read extracts the tree of the Word document in r (size bytes, shown as
// filePath in locations). When the file cannot be read at all the error is
// a *document.Fault (TG-READ-001, TG-LIMIT-001); parts that are lost while
// the body is read are Tree.Faults.
func Read(ctx context.Context, r io.ReaderAt, size int64, filePath string, lim limits.Limits) (*document.Tree, error) {
	loc := document.Loc{Path: filePath}
	pkg, err := ooxml.Open(r, size, filePath, lim)
	if err != nil {
		return nil, err
	}
	main, err := mainPart(pkg, loc)
	if err != nil {
		return nil, err
	}
	tree := &document.Tree{Path: filePath, Format: document.FormatDocx}
	tree.Properties = ooxml.Properties(pkg)

	rd := &reader{ctx: ctx, path: filePath, lim: lim, tree: tree,
		styles: readStyles(ctx, pkg, main, tree), anchors: map[string]*document.Loc{}}
	rd.num = newNumbering(rd.styles)
	if name := relatedPart(pkg, main, ooxml.RelNumbering, ""); name != "" {
		optionalPart(ctx, pkg, name, tree, func(dec *ooxml.Decoder) error { return parseNumbering(dec, rd.num) })
	}

	data, err := pkg.Part(main)
	if err != nil {
		return nil, partFault(err, loc, main)
	}
	rd.dec = ooxml.NewDecoder(data, filePath, main, lim)
	if err := rd.document(); err != nil {
		return nil, readError(ctx, err, loc, main)
	}
	tree.TrackedChanges = rd.trackedChanges
	for _, c := range rd.controls {
		c.ctl.Text = strings.TrimSpace(c.text.String())
		if c.loc != nil {
			c.ctl.Loc = *c.loc
		}
		tree.ContentControls = append(tree.ContentControls, c.ctl)
	}

	readComments(ctx, pkg, main, rd, tree)
	readHeadersFooters(ctx, pkg, main, rd.styles, tree)
	noteTrackRevisions(ctx, pkg, main, tree)
	tree.Notes = append(pkg.Notes(), tree.Notes...)
	return tree, nil
}

// mainPart finds the main document part through _rels/.rels (Transitional
// or Strict), falling back to word/document.xml for packages whose rels are
// missing, and checks that it is a Word document.
func mainPart(pkg *ooxml.Package, loc document.Loc) (string, error) {
	main, err := pkg.MainPart(ooxml.RelOfficeDocument)
	if err != nil {
		var fault *document.Fault
		if errors.As(err, &fault) {
			return "", fault
		}
		if !pkg.Has(defaultMainPart) {
			return "", document.Faultf(document.ReadCorrupt, loc, err,
				"missing word/document.xml: not a Word document, or the package is damaged")
		}
		main = defaultMainPart
	}
	ct := strings.ToLower(pkg.ContentType(main))
	if ct != "" && !strings.Contains(ct, "wordprocessingml") && !strings.Contains(ct, "ms-word") {
		return "", document.Faultf(document.ReadCorrupt, loc, nil,
			"not a Word document: the main part %s has content type %s", main, ct)
	}
	return main, nil
}

// relatedPart returns the first target of main's relationships of relType,
// or fallback (a sibling of main) when main has no such relationship and
// the fallback exists.
func relatedPart(pkg *ooxml.Package, main, relType, fallback string) string {
	targets, _ := pkg.RelTargets(main, relType)
	for _, t := range targets {
		if pkg.Has(t) {
			return t
		}
	}
	if fallback != "" {
		name := path.Join(path.Dir(main), fallback)
		if pkg.Has(name) {
			return name
		}
	}
	return ""
}

// optionalPart decodes a part the body does not depend on. Problems become
// tree faults or notes instead of failing the read: a limit is a
// TG-LIMIT-001 fault, a DTD is a note (refused, as everywhere), anything
// else a TG-READ-005 partial-loss fault.
func optionalPart(ctx context.Context, pkg *ooxml.Package, name string, tree *document.Tree, parse func(*ooxml.Decoder) error) bool {
	if err := ctx.Err(); err != nil {
		return false
	}
	data, err := pkg.Part(name)
	if err == nil {
		err = parse(ooxml.NewDecoder(data, pkg.Path(), name, pkg.Limits()))
	}
	if err == nil || errors.Is(err, ooxml.ErrNoPart) {
		return err == nil
	}
	var fault *document.Fault
	switch {
	case errors.As(err, &fault) && fault.Rule == document.LimitHit:
		tree.Faults = append(tree.Faults, fault)
	case errors.As(err, &fault) && strings.Contains(fault.Message, "declares a DTD"):
		tree.Notes = append(tree.Notes, fault.Message+"; the part was skipped")
	default:
		tree.Faults = append(tree.Faults, document.Faultf(document.ReadPartialLoss,
			document.Loc{Path: pkg.Path()}, err, "part %s could not be read and was skipped", name))
	}
	return false
}

func readStyles(ctx context.Context, pkg *ooxml.Package, main string, tree *document.Tree) *styleSheet {
	ss := newStyleSheet()
	if name := relatedPart(pkg, main, ooxml.RelStyles, "styles.xml"); name != "" {
		optionalPart(ctx, pkg, name, tree, func(dec *ooxml.Decoder) error {
			parsed, err := parseStyles(dec)
			ss = parsed
			return err
		})
	}
	return ss
}

// partFault turns a Part error for the main document into the read error.
func partFault(err error, loc document.Loc, part string) error {
	var fault *document.Fault
	if errors.As(err, &fault) {
		return fault
	}
	return document.Faultf(document.ReadCorrupt, loc, err, "missing %s", part)
}

// readError turns a body-decoding error into the read error: faults as
// they are, a deadline as the read_timeout limit.
func readError(ctx context.Context, err error, loc document.Loc, part string) error {
	var fault *document.Fault
	if errors.As(err, &fault) {
		return fault
	}
	if ctxErr := ctx.Err(); ctxErr != nil {
		if errors.Is(ctxErr, context.DeadlineExceeded) {
			return document.LimitFault(limits.KeyReadTimeout, loc, ctxErr,
				"reading %s did not finish in time (limits.read_timeout)", part)
		}
		return fmt.Errorf("reading %s: %w", loc.Path, ctxErr)
	}
	return document.Faultf(document.ReadCorrupt, loc, err, "XML part %s is malformed", part)
}

// subReader is a reader for a part other than the body: same styles, no
// numbering counters, no tree (so no blocks, controls or tracked changes
// are recorded from it).
func subReader(ctx context.Context, dec *ooxml.Decoder, pkg *ooxml.Package, styles *styleSheet) *reader {
	return &reader{ctx: ctx, dec: dec, path: pkg.Path(), lim: pkg.Limits(), styles: styles}
}

// textLines reads the element just started as plain lines of text: one per
// non-empty paragraph, nested tables flattened.
func (r *reader) textLines(out *[]string) error {
	return r.children(func(se xml.StartElement) error {
		if se.Name.Space == ooxml.NSMarkupCompat {
			return r.alternate(se, func() error { return r.textLines(out) })
		}
		if se.Name.Space != ooxml.NSWord {
			return r.dec.Skip()
		}
		switch se.Name.Local {
		case "p":
			p := newPara()
			if err := r.paragraph(p); err != nil {
				return err
			}
			if s := strings.TrimSpace(p.text.String()); s != "" {
				*out = append(*out, s)
			}
			return nil
		case "tbl":
			return r.flatTable(out)
		case "sdt":
			return r.sdt(func() error { return r.textLines(out) })
		case "customXml", "ins", "moveTo":
			return r.textLines(out)
		}
		return r.dec.Skip()
	})
}

// flatTable reads the table just started as one line of text (rows on
// lines, cells separated by tabs): a table inside a cell, comment or header
// is content of its container, not a table of the document.
func (r *reader) flatTable(out *[]string) error {
	spec, err := r.table(0)
	if err != nil {
		return err
	}
	if s := flatten(r.resolve(spec, 0)); s != "" {
		*out = append(*out, s)
	}
	return nil
}

// readComments reads word/comments.xml into Tree.Comments, each located at
// its anchor in the body.
func readComments(ctx context.Context, pkg *ooxml.Package, main string, rd *reader, tree *document.Tree) {
	name := relatedPart(pkg, main, ooxml.RelComments, "")
	if name == "" {
		return
	}
	var comments []document.Comment
	ok := optionalPart(ctx, pkg, name, tree, func(dec *ooxml.Decoder) error {
		sub := subReader(ctx, dec, pkg, rd.styles)
		for {
			tok, err := sub.token()
			if errors.Is(err, io.EOF) {
				return nil
			}
			if err != nil {
				return err
			}
			se, isStart := tok.(xml.StartElement)
			if !isStart || !isW(se, "comment") {
				continue
			}
			c := document.Comment{Loc: document.Loc{Path: pkg.Path()}}
			c.Author, _ = ooxml.Attr(se, ooxml.NSWord, "author")
			c.Date, _ = ooxml.Attr(se, ooxml.NSWord, "date")
			id, _ := ooxml.Attr(se, ooxml.NSWord, "id")
			if at := rd.anchors[id]; at != nil {
				c.Loc = *at
			}
			var lines []string
			if err := sub.textLines(&lines); err != nil {
				return err
			}
			c.Text = strings.Join(lines, "\n")
			comments = append(comments, c)
		}
	})
	if ok {
		tree.Comments = comments
	}
}

// readHeadersFooters reads every header and footer part the main document
// references, headers first (as a page reads top to bottom), each in
// relationship order, one text per part.
func readHeadersFooters(ctx context.Context, pkg *ooxml.Package, main string, styles *styleSheet, tree *document.Tree) {
	headers, _ := pkg.RelTargets(main, ooxml.RelHeader)
	footers, _ := pkg.RelTargets(main, ooxml.RelFooter)
	seen := map[string]bool{}
	for _, target := range append(headers, footers...) {
		if seen[target] {
			continue
		}
		seen[target] = true
		var lines []string
		optionalPart(ctx, pkg, target, tree, func(dec *ooxml.Decoder) error {
			sub := subReader(ctx, dec, pkg, styles)
			for {
				tok, err := sub.token()
				if errors.Is(err, io.EOF) {
					return nil
				}
				if err != nil {
					return err
				}
				if se, ok := tok.(xml.StartElement); ok && (isW(se, "hdr") || isW(se, "ftr")) {
					return sub.textLines(&lines)
				}
			}
		})
		if text := strings.Join(lines, "\n"); text != "" {
			tree.HeaderFooter = append(tree.HeaderFooter, text)
		}
	}
}

// noteTrackRevisions records that change tracking is switched on: the
// document may hold no revisions yet, but every edit will be tracked.
func noteTrackRevisions(ctx context.Context, pkg *ooxml.Package, main string, tree *document.Tree) {
	name := relatedPart(pkg, main, ooxml.RelSettings, "")
	if name == "" {
		return
	}
	on := false
	optionalPart(ctx, pkg, name, tree, func(dec *ooxml.Decoder) error {
		for {
			tok, err := dec.Token()
			if errors.Is(err, io.EOF) {
				return nil
			}
			if err != nil {
				return err
			}
			if se, ok := tok.(xml.StartElement); ok && isW(se, "trackRevisions") && dec.Depth() == 2 {
				v, _ := ooxml.Attr(se, ooxml.NSWord, "val")
				on = isOn(v)
			}
		}
	})
	if on {
		tree.Notes = append(tree.Notes, "change tracking is on (w:trackRevisions in settings)")
	}
}
