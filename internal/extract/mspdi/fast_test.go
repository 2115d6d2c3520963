package mspdi

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/limits"
)

// sameAsDecoder reads b with Read (fast scanner, falling back to
// encoding/xml) and with encoding/xml alone, fails unless both give the
// same tree or the same error, and reports whether the fast scanner read
// the file itself.
func sameAsDecoder(t testing.TB, b []byte, lim limits.Limits) (fast bool) {
	t.Helper()
	if len(b) == 0 {
		return false // Read refuses an empty file before any XML is read
	}
	ctx := context.Background()
	got, gotErr := Read(ctx, bytes.NewReader(b), int64(len(b)), "ims.xml", lim)
	want, wantErr := readDecoder(ctx, bytes.NewReader(b), int64(len(b)), "ims.xml", lim)
	if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || !reflect.DeepEqual(gotErr, wantErr) {
		t.Fatalf("error %v, decoder %v", gotErr, wantErr)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("tree differs from the decoder's:\n%+v\n%+v", got, want)
	}
	p, err := readFast(ctx, bytes.NewReader(b), int64(len(b)), "ims.xml", lim)
	return p != nil && err == nil
}

func TestFastScannerMatchesDecoder(t *testing.T) {
	lim := limits.Default()
	for _, name := range []string{"mspdirelations.xml", "task-dates-project2013-mspdi.xml", "task-links-project2019-mspdi.xml"} {
		b := corpus(t, name)
		if !sameAsDecoder(t, b, lim) {
			t.Errorf("%s: the fast scanner left this exported file to the decoder", name)
		}
		// Windows line ends, a byte-order mark and escaped names are what
		// real exports carry; they stay on the fast path.
		crlf := bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n"))
		if !sameAsDecoder(t, crlf, lim) {
			t.Errorf("%s with CRLF: left to the decoder", name)
		}
		if !sameAsDecoder(t, append([]byte("\xef\xbb\xbf"), b...), lim) {
			t.Errorf("%s with a BOM: left to the decoder", name)
		}
	}
	tasks := "<Task><UID>1</UID><Name>R&amp;D &lt;phase&gt; &quot;A&apos;s&quot; caf\u00e9\r\nline\rtwo</Name><Duration>PT8H0M0S</Duration></Task>" +
		"<Task><UID>2</UID><Name/><PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type></PredecessorLink></Task>"
	b := synthetic("", tasks)
	if !sameAsDecoder(t, b, lim) {
		t.Error("entities, CRLF and an empty element: left to the decoder")
	}
	tr, err := read(t, b, lim)
	if err != nil || tr.Schedule.Tasks[0].Name != "R&D <phase> \"A's\" caf\u00e9\nline\ntwo" {
		t.Errorf("name %q, %v", tr.Schedule.Tasks[0].Name, err)
	}

	// What the scanner leaves to the decoder still reads the same.
	for name, doc := range map[string]string{
		"comment":      string(synthetic("<!-- exported -->", tasks)),
		"cdata":        string(synthetic("", "<Task><UID>1</UID><Name><![CDATA[a<b]]></Name></Task>")),
		"char ref":     string(synthetic("", "<Task><UID>1</UID><Name>&#233;&#x41;</Name></Task>")),
		"prefixed":     `<p:Project xmlns:p="x"><p:Tasks><p:Task><p:UID>1</p:UID></p:Task></p:Tasks></p:Project>`,
		"latin-1":      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><Project><Tasks><Task><UID>1</UID><Name>Caf\xe9</Name></Task></Tasks></Project>",
		"pi":           "<?xml-stylesheet href=\"a.xsl\"?><Project><Tasks><Task><UID>1</UID></Task></Tasks></Project>",
		"dtd":          "<?xml version=\"1.0\"?>\n<!DOCTYPE Project>\n<Project/>",
		"truncated":    string(synthetic("", tasks))[:300],
		"mismatched":   "<Project>\n<Name>x</Title></Project>",
		"bad utf8":     "<Project><Name>\xff</Name></Project>",
		"control":      "<Project><Name>\x01</Name></Project>",
		"cdata end":    "<Project><Name>a]]>b</Name></Project>",
		"two roots":    "<Project/>\n<Project/>",
		"not project":  "<Workbook/>",
		"version 1.1":  `<?xml version="1.1"?><Project/>`,
		"deep":         "<Project>" + strings.Repeat("<a>", 300) + strings.Repeat("</a>", 300) + "</Project>",
		"attr entity":  `<Project a="x&amp;y"><Name>n</Name></Project>`,
		"spaced tags":  "<Project\n  xmlns = 'x' >\n<Name >n</Name\n>\n<Title/></Project >\n",
		"trailing":     "<Project/>\n  text after",
		"bad entity":   "<Project><Name>&amp</Name></Project>",
		"unclosed":     "<Project><Tasks>",
		"lone lt":      "<Project><Name>a < b</Name></Project>",
		"no decl body": "<?xml?><Project/>",
	} {
		t.Run(name, func(t *testing.T) { sameAsDecoder(t, []byte(doc), lim) })
	}

	// Faults the parser raises come out the same, with the same lines.
	capped := lim
	capped.Rows = 1
	if !sameAsDecoder(t, b, capped) {
		t.Error("task cap: left to the decoder")
	}
	long := synthetic("", "<Task><UID>1</UID><Name>"+strings.Repeat("x", maxText+10)+"</Name></Task>")
	if !sameAsDecoder(t, long, lim) {
		t.Error("long text: left to the decoder")
	}
}

func TestFastScannerCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	b := generated(10)
	if _, err := Read(ctx, bytes.NewReader(b), int64(len(b)), "x", limits.Default()); err != context.Canceled {
		t.Errorf("err %v", err)
	}
}

// FuzzFastScanner checks that any input reads the same with and without
// the fast scanner.
func FuzzFastScanner(f *testing.F) {
	for _, name := range []string{"mspdirelations.xml", "task-links-project2019-mspdi.xml"} {
		f.Add(corpus(f, name))
	}
	f.Add(synthetic("", "<Task><UID>1</UID><Name>a&amp;b\r\n</Name><PredecessorLink><PredecessorUID>1</PredecessorUID></PredecessorLink></Task>"))
	f.Add([]byte("<Project a='1'\n/>"))
	lim := limits.Default()
	lim.XMLDepth = 64
	lim.Rows = 1000
	f.Fuzz(func(t *testing.T, b []byte) {
		sameAsDecoder(t, b, lim)
	})
}
