package discover

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

func write(t testing.TB, p string, b []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func utf16le(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), 0)
	}
	return b
}

// legacyDoc makes a Word 97-2003 file from the corpus's real BIFF8
// workbook: the "Workbook" entry of its CFB directory is renamed
// "WordDocument" (UTF-16LE name, NUL-terminated, and the byte length in the
// name-length field). Header, FAT and directory chain stay real, so the
// sniffer's CFB parsing is exercised on genuine structures.
func legacyDoc(t testing.TB) []byte {
	t.Helper()
	b := bytes.Clone(testdocs.Corpus(t, "robust/legacy-biff8-SampleSS.xls.renamed.xlsx"))
	i := bytes.Index(b, utf16le("Workbook"))
	if i < 0 || i%128 != 0 {
		t.Fatalf("Workbook directory entry not at an entry boundary (%d)", i)
	}
	name := append(utf16le("WordDocument"), 0, 0)
	copy(b[i:i+64], make([]byte, 64))
	copy(b[i:], name)
	binary.LittleEndian.PutUint16(b[i+64:], uint16(len(name)))
	return b
}

// makeZip builds a zip with the given entries (empty bodies unless given).
func makeZip(t testing.TB, entries map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(entries))
	for n := range entries {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(entries[n]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const xlsmContentTypes = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>`

// oddRels points the officeDocument relationship at a main part with an
// unusual name, as some generators write.
const oddRels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>`

const oddContentTypes = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Override PartName="/word/document2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`

func TestSniffDecidesByContent(t *testing.T) {
	dir := t.TempDir()
	gov := testdocs.Corpus(t, "gsa/M3-Playbook-Governance-Plan-Template.docx")
	cases := []struct {
		name   string
		body   []byte
		format document.Format
		rule   string
		msg    string // substring of the fault message
	}{
		{"plan.docx", gov, document.FormatDocx, "", ""},
		{"raci.xlsx", testdocs.Corpus(t, "packt-tpm2e/RACI.xlsx"), document.FormatXlsx, "", ""},
		// Content wins over the name, both ways.
		{"really-a-workbook.docx", testdocs.Corpus(t, "packt-tpm2e/RACI.xlsx"), document.FormatXlsx, "", ""},
		{"really-a-document.xlsx", gov, document.FormatDocx, "", ""},
		{"strict.xlsx", testdocs.Corpus(t, "robust/spreadsheet__sample.strict.xlsx"), document.FormatXlsx, "", ""},
		{"macro.xlsx", makeZip(t, map[string]string{"[Content_Types].xml": xlsmContentTypes, "xl/workbook.xml": "<workbook/>"}), document.FormatXlsm, "", ""},
		{"vba.xlsx", makeZip(t, map[string]string{"xl/workbook.xml": "<workbook/>", "xl/vbaProject.bin": "x"}), document.FormatXlsm, "", ""},
		{"odd.docx", makeZip(t, map[string]string{"_rels/.rels": oddRels, "[Content_Types].xml": oddContentTypes, "word/document2.xml": "<w:document/>"}), document.FormatDocx, "", ""},
		{"encrypted.xlsx", testdocs.Corpus(t, "robust/spreadsheet__protected_passtika.xlsx"), "", document.ReadEncrypted, "remove the password"},
		{"encrypted.docx", testdocs.Corpus(t, "robust/document__bug53475-password-is-pass.docx"), "", document.ReadEncrypted, "password-protected"},
		{"old.xlsx", testdocs.Corpus(t, "robust/legacy-biff8-SampleSS.xls.renamed.xlsx"), "", document.ReadLegacy, "legacy Excel 97-2003 format (.xls): save as .xlsx"},
		{"old-plan.docx", legacyDoc(t), "", document.ReadLegacy, "legacy Word 97-2003 format (.doc): save as .docx"},
		{"binary.xlsb", testdocs.Corpus(t, "robust/spreadsheet__Simple.xlsb"), "", document.ReadUnsupported, "Excel binary workbook (.xlsb): save as .xlsx"},
		{"xlsb-named.xlsx", testdocs.Corpus(t, "robust/spreadsheet__Simple.xlsb"), "", document.ReadUnsupported, ".xlsb"},
		{"truncated.docx", testdocs.Corpus(t, "robust/document__truncated62886.docx"), "", document.ReadCorrupt, "not a readable zip package"},
		{"half.docx", gov[:len(gov)/2], "", document.ReadCorrupt, "corrupt or truncated"},
		{"empty-zip.xlsx", testdocs.Corpus(t, "robust/openxml4j__invalid.xlsx"), "", document.ReadCorrupt, "empty zip"},
		{"slides.pptx", makeZip(t, map[string]string{"ppt/presentation.xml": "<p/>"}), "", document.ReadUnsupported, "PowerPoint"},
		{"archive.docx", makeZip(t, map[string]string{"readme.txt": "hi"}), "", document.ReadUnsupported, "a zip archive that is not a Word or Excel document"},
		{"empty.docx", nil, "", document.ReadEmpty, "the file is empty"},
		{"report.pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "", document.ReadUnsupported, "PDF is not read"},
		{"pdf-named.docx", []byte("%PDF-1.4\n"), "", document.ReadUnsupported, "PDF is not read"},
		{"text.docx", []byte("Project Charter\nScope: everything\n"), "", document.ReadCorrupt, "named .docx but is not a Word package"},
		{"image.docx", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "", document.ReadUnsupported, "named .docx"},
		{"notes.txt", []byte("hello"), "", document.ReadUnsupported, ".txt files are not read"},
		{"utf16.csv", []byte("\xff\xfeI\x00D\x00"), "", document.ReadUnsupported, "UTF-16"},
		{"plan.md", []byte("# Plan\n"), document.FormatMD, "", ""},
		{"plan.markdown", []byte("# Plan\n"), document.FormatMD, "", ""},
		{"risks.csv", []byte("id,risk\n1,late\n"), document.FormatCSV, "", ""},
		{"latin1.csv", []byte("id,owner\n1,Jos\xe9\n"), document.FormatCSV, "", ""},
		{"a.json", []byte(`{"kind":"charter"}`), document.FormatJSON, "", ""},
		{"a.yml", []byte("kind: charter\n"), document.FormatYAML, "", ""},
		{"schedule.xml", testdocs.Corpus(t, "mpxj/mspdirelations.xml"), document.FormatMSPDI, "", ""},
		{"pom.xml", []byte(`<?xml version="1.0"?><project xmlns="http://maven.apache.org/POM/4.0.0"/>`), "", document.ReadUnsupported, "not a schedule"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := write(t, filepath.Join(dir, c.name), c.body)
			files, err := Walk([]string{p}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(files) != 1 {
				t.Fatalf("got %d files", len(files))
			}
			f := files[0]
			if f.Format != c.format {
				t.Errorf("format %q, want %q", f.Format, c.format)
			}
			switch {
			case c.rule == "" && f.Fault != nil:
				t.Errorf("unexpected fault %v", f.Fault)
			case c.rule != "" && f.Fault == nil:
				t.Errorf("no fault, want %s", c.rule)
			case c.rule != "":
				if f.Fault.Rule != c.rule || !strings.Contains(f.Fault.Message, c.msg) {
					t.Errorf("fault %s %q, want %s containing %q", f.Fault.Rule, f.Fault.Message, c.rule, c.msg)
				}
			}
			if f.Size != int64(len(c.body)) {
				t.Errorf("size %d, want %d", f.Size, len(c.body))
			}
		})
	}
}

func TestSniffLimits(t *testing.T) {
	dir := t.TempDir()
	p := write(t, filepath.Join(dir, "raci.xlsx"), testdocs.Corpus(t, "packt-tpm2e/RACI.xlsx"))
	lim := limits.Default()
	lim.FileBytes = 1000
	files, err := Walk([]string{p}, Options{Limits: lim})
	if err != nil {
		t.Fatal(err)
	}
	if f := files[0].Fault; f == nil || f.Rule != document.LimitHit || !strings.Contains(f.Message, "limits.file_bytes") {
		t.Errorf("file_bytes: fault %v", f)
	}

	entries := map[string]string{"xl/workbook.xml": "<workbook/>"}
	for i := range 20 {
		entries["xl/worksheets/sheet"+string(rune('a'+i))+".xml"] = ""
	}
	p = write(t, filepath.Join(dir, "many.xlsx"), makeZip(t, entries))
	lim = limits.Default()
	lim.ZipEntries = 10
	files, err = Walk([]string{p}, Options{Limits: lim})
	if err != nil {
		t.Fatal(err)
	}
	if f := files[0].Fault; f == nil || f.Rule != document.LimitHit || !strings.Contains(f.Message, "21 zip entries") {
		t.Errorf("zip_entries: fault %v", f)
	}
}

// A damaged compound file must end in a fault, never a panic or a hang:
// thousands of random corruptions of the header, FAT and directory of the
// real BIFF8 file, plus hand-made cycles.
func TestCorruptCFBNeverPanics(t *testing.T) {
	orig := testdocs.Corpus(t, "robust/legacy-biff8-SampleSS.xls.renamed.xlsx")
	names, err := cfbNames(bytes.NewReader(orig), int64(len(orig)))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(names, "Workbook") {
		t.Fatalf("root children %q lack Workbook", names)
	}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 3000; i++ {
		b := bytes.Clone(orig)
		for k := 0; k < 1+rng.Intn(8); k++ {
			// Bias corruption to the header (0..512) and the first sectors
			// where the FAT and directory of this file live.
			off := rng.Intn(min(len(b), 8192))
			b[off] = byte(rng.Intn(256))
		}
		if i%3 == 0 {
			b = b[:512+rng.Intn(len(b)-512)]
		}
		f, fault := Sniff(bytes.NewReader(b), int64(len(b)), "x.xls", limits.Default())
		if fault == nil && f == "" {
			t.Fatalf("iteration %d: no format and no fault", i)
		}
	}

	// A directory chain that points at itself.
	b := bytes.Clone(orig)
	firstDir := binary.LittleEndian.Uint32(b[0x30:])
	fatSec := binary.LittleEndian.Uint32(b[0x4C:])
	binary.LittleEndian.PutUint32(b[512+int(fatSec)*512+4*int(firstDir):], firstDir)
	_, err = cfbNames(bytes.NewReader(b), int64(len(b)))
	if err == nil || !strings.Contains(err.Error(), "loops") {
		t.Errorf("self-loop directory chain: err %v", err)
	}
	// A truncated header is reported by file name: legacy advice for .xls,
	// "cannot be read" for other names.
	short := orig[:600]
	if _, f := Sniff(bytes.NewReader(short), int64(len(short)), "a.xls", limits.Default()); f == nil || f.Rule != document.ReadLegacy {
		t.Errorf("truncated .xls: %v", f)
	}
	if _, f := Sniff(bytes.NewReader(short), int64(len(short)), "a.bin", limits.Default()); f == nil || f.Rule != document.ReadUnsupported {
		t.Errorf("truncated .bin: %v", f)
	}
}

func paths(files []File) []string {
	var out []string
	for _, f := range files {
		out = append(out, f.Path)
	}
	return out
}

// tree lays out a project folder with documents, config, hidden and
// dependency directories.
func tree(t *testing.T) string {
	root := t.TempDir()
	files := map[string]string{
		"charter.md":                  "# Charter\n",
		"plans/pmp.docx":              "text pretending",
		"plans/risks.csv":             "id,risk\n",
		"plans/drafts/old.md":         "# old\n",
		"plans/Notes.MD":              "# upper-case extension\n",
		"archive/2019/plan.md":        "# 2019\n",
		"archive/keep.md":             "# keep\n",
		"artifacts/raci.json":         `{"schema_version":"1","kind":"raci","payload":{}}`,
		"artifacts/charter.yaml":      "kind: charter\ntitle: x\n",
		"artifacts/kind-not-str.yaml": "kind: [a, b]\n",
		"config/settings.json":        `{"name":"app","nested":{"kind":"no"}}`,
		"config/list.json":            `[{"kind":"charter"}]`,
		"config/ci.yml":               "steps: []\n",
		"config/broken.json":          `{"kind":`,
		"config/pom.xml":              `<project/>`,
		"schedule/ims.xml":            `<?xml version="1.0"?><Project xmlns="http://schemas.microsoft.com/project"><Name>x</Name></Project>`,
		"schedule/other.xml":          `<?xml version="1.0"?><Project xmlns="urn:other"/>`,
		"readme.txt":                  "not a candidate",
		".hidden.md":                  "# hidden\n",
		".github/template.md":         "# hidden dir\n",
		"node_modules/pkg/README.md":  "# dep\n",
		"vendor/x/doc.md":             "# dep\n",
		"plans/tmp/~$lock.tmp.md":     "# tmp\n",
		"plans/tmp/scratch.md":        "# scratch\n",
		"plans/review.tmp.md":         "# tmp\n",
	}
	for p, body := range files {
		write(t, filepath.Join(root, filepath.FromSlash(p)), []byte(body))
	}
	return root
}

func TestWalkListsCandidatesInOrder(t *testing.T) {
	root := tree(t)
	files, err := Walk([]string{root}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"archive/2019/plan.md", "archive/keep.md",
		"artifacts/charter.yaml", "artifacts/raci.json",
		"charter.md",
		"plans/Notes.MD", "plans/drafts/old.md", "plans/pmp.docx", "plans/review.tmp.md", "plans/risks.csv",
		"plans/tmp/scratch.md", "plans/tmp/~$lock.tmp.md",
		"schedule/ims.xml",
	}
	if got := paths(files); !slices.Equal(got, want) {
		t.Errorf("paths:\n got %q\nwant %q", got, want)
	}
	for _, f := range files {
		if !filepath.IsAbs(f.Abs) {
			t.Errorf("%s: Abs %q not absolute", f.Path, f.Abs)
		}
		switch f.Path {
		case "plans/pmp.docx":
			if f.Fault == nil || f.Fault.Rule != document.ReadCorrupt {
				t.Errorf("pmp.docx holding text: fault %v", f.Fault)
			}
		case "schedule/ims.xml":
			if f.Format != document.FormatMSPDI {
				t.Errorf("ims.xml: format %q", f.Format)
			}
		case "artifacts/charter.yaml":
			if f.Format != document.FormatYAML {
				t.Errorf("charter.yaml: format %q", f.Format)
			}
		}
	}
	// The same walk twice gives the same list.
	again, _ := Walk([]string{root}, Options{})
	if !slices.Equal(paths(again), paths(files)) {
		t.Error("walk is not deterministic")
	}
}

func TestWalkExcludesAndIgnoreFile(t *testing.T) {
	root := tree(t)
	write(t, filepath.Join(root, IgnoreFileName), []byte(strings.Join([]string{
		"# scratch files",
		"*.tmp.md",
		"tmp/",          // a directory at any depth
		"/plans/drafts", // anchored
		"",
		"archive/**",
		"!archive/keep.md",
	}, "\n")))
	files, err := Walk([]string{root}, Options{IgnoreFile: true, Exclude: []string{"artifacts/*.json"}})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"archive/keep.md", "artifacts/charter.yaml", "charter.md", "plans/Notes.MD", "plans/pmp.docx", "plans/risks.csv", "schedule/ims.xml"}
	if got := paths(files); !slices.Equal(got, want) {
		t.Errorf("paths:\n got %q\nwant %q", got, want)
	}
	// Without IgnoreFile the ignore file is not read.
	files, _ = Walk([]string{root}, Options{Exclude: []string{"**/*.md"}})
	// Globs are case-sensitive (as in .gitignore); only the extension test
	// for candidates ignores case.
	want = []string{"artifacts/charter.yaml", "artifacts/raci.json", "plans/Notes.MD", "plans/pmp.docx", "plans/risks.csv", "schedule/ims.xml"}
	if got := paths(files); !slices.Equal(got, want) {
		t.Errorf("exclude **/*.md:\n got %q\nwant %q", got, want)
	}
	if _, err := Walk([]string{root}, Options{Exclude: []string{"[unclosed"}}); err == nil {
		t.Error("a malformed exclude glob must be an error")
	}
}

func TestWalkExplicitFilesDedupAndRoots(t *testing.T) {
	root := tree(t)
	cfg := filepath.Join(root, "config", "settings.json")
	// Named explicitly, config JSON is listed (structured.Read will then
	// say it is not an artifact); the .md named twice is listed once.
	files, err := Walk([]string{cfg, filepath.Join(root, "charter.md"), filepath.Join(root, "charter.md")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || files[0].Format != document.FormatMD || files[1].Format != document.FormatJSON {
		t.Errorf("explicit files: %+v", files)
	}
	if files[1].Path != filepath.ToSlash(cfg) {
		t.Errorf("explicit path %q, want as given %q", files[1].Path, filepath.ToSlash(cfg))
	}

	// Two roots: paths carry the root as given so they stay apart; a file
	// under both arguments is listed once.
	t.Chdir(root)
	files, err = Walk([]string{"plans", "plans/risks.csv", "schedule/"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"plans/Notes.MD", "plans/drafts/old.md", "plans/pmp.docx", "plans/review.tmp.md", "plans/risks.csv",
		"plans/tmp/scratch.md", "plans/tmp/~$lock.tmp.md", "schedule/ims.xml"}
	if got := paths(files); !slices.Equal(got, want) {
		t.Errorf("two roots:\n got %q\nwant %q", got, want)
	}

	if _, err := Walk([]string{filepath.Join(root, "missing.docx")}, Options{}); err == nil {
		t.Error("a missing path must be an error")
	}
}

func TestShardsPartitionTheList(t *testing.T) {
	root := tree(t)
	all, err := Walk([]string{root}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{1, 2, 3, 5, 20} {
		var union []string
		for i := 1; i <= n; i++ {
			part, err := Walk([]string{root}, Options{Shard: i, Shards: n})
			if err != nil {
				t.Fatal(err)
			}
			for j, f := range part {
				// idx % N == i-1, in sorted order.
				if want := all[(i-1)+j*n].Path; f.Path != want {
					t.Errorf("shard %d/%d item %d = %s, want %s", i, n, j, f.Path, want)
				}
			}
			union = append(union, paths(part)...)
		}
		slices.Sort(union)
		if !slices.Equal(union, paths(all)) {
			t.Errorf("%d shards: union %q differs from the full list", n, union)
		}
	}
	for _, bad := range [][2]int{{0, 2}, {3, 2}, {1, -1}} {
		if _, err := Walk([]string{root}, Options{Shard: bad[0], Shards: bad[1]}); err == nil {
			t.Errorf("shard %d/%d accepted", bad[0], bad[1])
		}
	}
}

// A JSON artifact behind a byte-order mark and a YAML artifact too broken
// to parse are still artifacts: the walk lists them (their reader says
// what is wrong) instead of skipping them silently; data files that are
// not artifacts stay out.
func TestWalkKeepsBOMAndBrokenArtifacts(t *testing.T) {
	root := t.TempDir()
	for name, body := range map[string]string{
		"bom.json":      "\xef\xbb\xbf{\"kind\": \"charter\", \"title\": \"Harbor\"}",
		"cut.yaml":      "kind: charter\ntitle: \"Har",
		"data.yaml":     "names: [a, b\n",
		"settings.json": "\xef\xbb\xbf{\"theme\": \"dark\"}",
	} {
		if err := os.WriteFile(filepath.Join(root, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, err := Walk([]string{root}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := paths(files); !slices.Equal(got, []string{"bom.json", "cut.yaml"}) {
		t.Errorf("paths = %q", got)
	}
}
