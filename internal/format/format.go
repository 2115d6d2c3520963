// Package format is the registry of the input formats tollgate reads: for
// each, its name, the file extensions looked at, how its bytes are
// recognised, its reader and how fast that reader goes. discover sniffs
// with it, extract reads with it and the run sizes its compile scheduling
// with it (ReadRate). Adding a format is a reader package under
// internal/extract/<format> and one entry in formats below.
//
// It sits between discover and the readers: discover needs the
// recognisers, and extract (which imports discover for its File) the
// readers, so the one list lives in neither.
package format

import (
	"context"
	"encoding/xml"
	"io"
	"path"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/extract/csv"
	"github.com/tollgate-dev/tollgate/internal/extract/docx"
	"github.com/tollgate-dev/tollgate/internal/extract/markdown"
	"github.com/tollgate-dev/tollgate/internal/extract/mspdi"
	"github.com/tollgate-dev/tollgate/internal/extract/p6"
	"github.com/tollgate-dev/tollgate/internal/extract/structured"
	"github.com/tollgate-dev/tollgate/internal/extract/xlsx"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

// Reader is the signature every format reader has: the bytes of one file
// (size of them) into its tree. A file it cannot read is a
// *document.Fault error.
type Reader func(ctx context.Context, r io.ReaderAt, size int64, path string, lim limits.Limits) (*document.Tree, error)

// Container is what the first bytes of a file say it is, before the
// format is known: a zip package, or text.
type Container int

const (
	// Zip: an Office Open XML package, told apart by Spec.Package.
	Zip Container = iota + 1
	// Text: a text file whose extension names the format.
	Text
	// XML: an XML text file whose root element names the format
	// (Spec.Root); its extension only says to look.
	XML
)

// Package is what discover reads of a zip package to tell its format.
type Package struct {
	// ContentType is the content type [Content_Types].xml gives the main
	// part, "" when it says nothing specific.
	ContentType string
	// Main is the main part: the officeDocument relationship's target or
	// a well-known name ("word/document.xml").
	Main string
	// Names holds every entry name of the package.
	Names map[string]bool
}

// Spec is one readable format.
type Spec struct {
	Name document.Format
	// Label names the format for people ("MS Project XML"): classify's
	// reason for a schedule decided by its format.
	Label string
	// Extensions are the file extensions (lower case, no dot) a directory
	// walk looks at for this format. For Text formats they decide the
	// format; for Zip and XML ones the content decides.
	Extensions []string
	Container  Container
	// What a file named with one of Extensions claims to be ("a Word
	// package"), for faults about files whose bytes disagree (Zip only).
	What string
	// Package recognises the format's zip packages (Zip only).
	Package func(p Package) bool
	// Root recognises the format's root element (XML only).
	Root func(root xml.StartElement) bool
	// Listed, when set, is asked about files found in a directory walk
	// (not named on the command line): a file is listed only when it says
	// the content is a document (JSON and YAML there are more often
	// configuration; a non-artifact is left out). It reads at most max
	// bytes.
	Listed func(r io.Reader, max int64) bool
	Read   Reader
	// MillisPerKB is about how long reading and normalizing a kilobyte of
	// the format takes, measured on 2 cores (a 10,000-task schedule: MS
	// Project XML 9.8 MB in 0.42 s, CSV 0.84 MB in 0.73 s, an Excel export
	// 0.57 MB in 0.56 s; zipped Word documents are as dense as workbooks).
	// The run estimates its reading from it (ReadRate).
	MillisPerKB float64
}

// formats is the registry, in the order packages and roots are tried.
var formats = []Spec{
	{
		Name: document.FormatDocx, Label: "Word", Container: Zip, What: "a Word package",
		Extensions: []string{"docx", "docm", "dotx"},
		Package: func(p Package) bool {
			return strings.Contains(p.ContentType, "wordprocessingml") || strings.Contains(p.ContentType, "ms-word.") ||
				p.ContentType == "" && strings.HasPrefix(p.Main, "word/") && strings.HasSuffix(p.Main, ".xml")
		},
		Read: docx.Read, MillisPerKB: 1.0,
	},
	{
		Name: document.FormatXlsx, Label: "Excel", Container: Zip, What: "an Excel package",
		Extensions: []string{"xlsx", "xltx"},
		Package:    func(p Package) bool { return spreadsheet(p) && !macroEnabled(p) },
		Read:       xlsx.Read, MillisPerKB: 1.0,
	},
	{
		Name: document.FormatXlsm, Label: "Excel (macro-enabled)", Container: Zip, What: "an Excel package",
		Extensions: []string{"xlsm"},
		Package:    func(p Package) bool { return spreadsheet(p) && macroEnabled(p) },
		Read:       xlsx.Read, MillisPerKB: 1.0,
	},
	{
		Name: document.FormatMD, Label: "Markdown", Container: Text,
		Extensions: []string{"md", "markdown"},
		Read:       markdown.Read, MillisPerKB: 0.5,
	},
	{
		Name: document.FormatCSV, Label: "CSV", Container: Text,
		Extensions: []string{"csv"},
		Read:       csv.Read, MillisPerKB: 0.9,
	},
	{
		Name: document.FormatJSON, Label: "JSON artifact", Container: Text,
		Extensions: []string{"json"},
		Listed:     holdsArtifact(document.FormatJSON),
		Read:       structured.Read, MillisPerKB: 0.05,
	},
	{
		Name: document.FormatYAML, Label: "YAML artifact", Container: Text,
		Extensions: []string{"yaml", "yml"},
		Listed:     holdsArtifact(document.FormatYAML),
		Read:       structured.Read, MillisPerKB: 0.1,
	},
	{
		Name: document.FormatMSPDI, Label: "MS Project XML", Container: XML,
		Extensions: []string{"xml"},
		Root:       isMSPDI,
		Read:       mspdi.Read, MillisPerKB: 0.045,
	},
	{
		Name: document.FormatP6, Label: "Primavera P6 XML", Container: XML,
		Extensions: []string{"xml"},
		Root:       isP6,
		Read:       p6.Read, MillisPerKB: 0.045,
	},
}

// spreadsheet: the main part is a SpreadsheetML workbook.
func spreadsheet(p Package) bool {
	return strings.Contains(p.ContentType, "spreadsheetml") || strings.Contains(p.ContentType, "ms-excel.") ||
		p.ContentType == "" && strings.HasPrefix(p.Main, "xl/") && strings.HasSuffix(p.Main, ".xml")
}

// macroEnabled: the workbook says it is macro-enabled, or carries a VBA
// project beside its main part.
func macroEnabled(p Package) bool {
	return strings.Contains(strings.ToLower(p.ContentType), "macroenabled") || p.Names[path.Join(path.Dir(p.Main), "vbaProject.bin")]
}

// All returns the registered formats, in the order they are tried.
func All() []Spec { return formats }

// Lookup returns the format named f.
func Lookup(f document.Format) (Spec, bool) {
	for _, s := range formats {
		if s.Name == f {
			return s, true
		}
	}
	return Spec{}, false
}

// defaultRate is the read rate of a format the registry does not know:
// as slow as the slowest readers.
const defaultRate = 1.0

// ReadRate is about how many milliseconds reading and normalizing one
// kilobyte of format f takes (Spec.MillisPerKB).
func ReadRate(f document.Format) float64 {
	if s, ok := Lookup(f); ok && s.MillisPerKB > 0 {
		return s.MillisPerKB
	}
	return defaultRate
}

// Label names format f for people ("MS Project XML"); the format's name
// when the registry does not know it.
func Label(f document.Format) string {
	if s, ok := Lookup(f); ok {
		return s.Label
	}
	return string(f)
}

// ByExtension returns the formats that look at files with extension ext
// (lower case, no dot), in registry order.
func ByExtension(ext string) []Spec {
	var out []Spec
	for _, s := range formats {
		for _, e := range s.Extensions {
			if e == ext {
				out = append(out, s)
				break
			}
		}
	}
	return out
}
