package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/extract/xmltext"
)

// tokens lists what a tokenizer yields, one token a line, and how it
// ended ("EOF", "unusual" or "error").
func tokens(tok tokenizer) (string, string) {
	var b strings.Builder
	for n := 0; n < 1_000_000; n++ {
		t, err := tok.next()
		switch {
		case errors.Is(err, io.EOF):
			return b.String(), "EOF"
		case errors.Is(err, xmltext.ErrUnusual):
			return b.String(), "unusual"
		case err != nil:
			return b.String(), "error"
		}
		switch t.Kind {
		case xmltext.Start:
			fmt.Fprintf(&b, "<%s", t.Name)
			for _, a := range t.Attrs {
				fmt.Fprintf(&b, " %s=%q", a.Name, a.Value)
			}
			b.WriteString(">\n")
		case xmltext.End:
			fmt.Fprintf(&b, "</%s>\n", t.Name)
		case xmltext.CharData:
			fmt.Fprintf(&b, "%q\n", t.Text)
		}
	}
	return b.String(), "too many tokens"
}

// corpusSheets are the sheet and shared-strings parts of the corpus
// workbooks.
func corpusSheets(t testing.TB) [][]byte {
	t.Helper()
	var out [][]byte
	paths, _ := filepath.Glob(filepath.Join(corpus, "*", "*.xlsx"))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			continue // the robustness corpus has non-zips
		}
		for _, f := range zr.File {
			if !strings.HasPrefix(f.Name, "xl/worksheets/") && f.Name != "xl/sharedStrings.xml" || !strings.HasSuffix(f.Name, ".xml") {
				continue
			}
			rc, err := f.Open()
			if err != nil {
				continue
			}
			b, err := io.ReadAll(io.LimitReader(rc, 1<<20))
			rc.Close()
			if err == nil {
				out = append(out, b)
			}
		}
	}
	return out
}

// Every corpus sheet is plain enough for the fast scanner, which gives the
// tokens encoding/xml gives.
func TestFastScannerReadsCorpusSheetsLikeEncodingXML(t *testing.T) {
	sheets := corpusSheets(t)
	if len(sheets) < 20 {
		t.Fatalf("only %d corpus sheets", len(sheets))
	}
	for i, data := range sheets {
		fast, fend := tokens(newFastTokenizer(data))
		std, send := tokens(newStdTokenizer(data))
		if send == "EOF" && fend != "EOF" {
			t.Errorf("sheet %d: fast scanner stopped (%s) on a part encoding/xml reads", i, fend)
			continue
		}
		if fast != std[:min(len(fast), len(std))] {
			t.Errorf("sheet %d: tokens differ", i)
		}
	}
}

// FuzzScanner: wherever the fast scanner goes, it yields the tokens
// encoding/xml yields; when it reads a part to its end, so does
// encoding/xml; it never claims a part encoding/xml refuses.
func FuzzScanner(f *testing.F) {
	for _, s := range corpusSheets(f) {
		// A sheet's first kilobytes: small inputs keep the fuzzer fast,
		// and a cut part is a case of its own.
		if len(s) > 4<<10 {
			s = s[:4<<10]
		}
		f.Add(s)
	}
	for _, s := range []string{
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><x:a b="1" c:d='2'>t&amp;&#38;&#x26;&lt;u&gt;</x:a>`,
		"<a>\r\n\rb</a>", "<a>]]></a>", "<a b=\"&quot;\"/>", "<a><!-- c --></a>", "<a><![CDATA[x]]></a>",
		"\xef\xbb\xbf<?xml version=\"1.0\"?><a/>", "<a:>x</a:>", "<a b='x\ny'/>", "<a>&#0;</a>", "<a>\x00</a>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fast, fend := tokens(newFastTokenizer(data))
		std, send := tokens(newStdTokenizer(data))
		if len(fast) > len(std) || fast != std[:len(fast)] {
			t.Fatalf("tokens differ\nfast (%s):\n%s\nstd (%s):\n%s", fend, fast, send, std)
		}
		if fend == "EOF" && (send != "EOF" || fast != std) {
			t.Fatalf("fast scanner read to the end, encoding/xml: %s\nfast:\n%s\nstd:\n%s", send, fast, std)
		}
	})
}
