package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

// A real GSA template left unfilled fails GEN-001 (placeholders) and
// GEN-004 (approval); the same template filled in — prompts replaced,
// cover and footer completed, the management certification ticked, named,
// titled and dated — passes both.
func TestGSATemplateUnfilledFailsFilledPasses(t *testing.T) {
	t.Parallel()
	src := filepath.Join(testdocs.CorpusDir(), "gsa", "M3-Playbook-Governance-Plan-Template.docx")
	unfilled, filled := t.TempDir(), t.TempDir()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(unfilled, "governance.docx"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	doc := func(old, new string) testdocs.Edit {
		return testdocs.Edit{Part: "word/document.xml", Old: old, New: new}
	}
	if err := testdocs.CopyWithEdits(src, filepath.Join(filled, "governance.docx"),
		doc("[Name of Customer Agency]", "U.S. Department of Maritime Affairs"),
		doc("[Program Name]", "Harbor Payroll Modernization"),
		doc("&lt;&lt;INSERT NAME OF PROGRAM&gt;&gt;", "Harbor Payroll Modernization"),
		// The cover date prompt is split across two runs: "[Day" ", Month, Year]".
		doc(">[Day<", ">March 2<"), doc(", Month, Year]", ", 2026"),
		doc("______ The document is accepted. ", "__X___ The document is accepted. "),
		doc("&lt;&lt;Insert Name&gt;&gt;", "Angela Ruiz"),
		doc("&lt;&lt;Insert Date&gt;&gt;", "March 2, 2026"),
		doc("&lt;&lt;Insert Title&gt;&gt;", "Executive Sponsor"),
		doc("&lt;&lt;Document Name and Version Number&gt;&gt;", "Harbor Program Charter v1.2"),
		doc("&lt;&lt;Document description&gt;&gt;", "The charter that authorizes the program"),
		doc("&lt;&lt;URL to where document is located&gt;&gt;", "SharePoint: Harbor/Charter"),
		doc("&lt;&lt;Insert Term&gt;&gt;", "ESC"),
		doc("&lt;&lt;Provide definition of term and acronyms used in this document&gt;&gt;", "Executive Steering Committee"),
		// The remaining prompts are guidance sentences: a program office
		// rewrites them as its own text; here their markers are removed.
		doc("&lt;&lt;", ""), doc("&gt;&gt;", ""),
		testdocs.Edit{Part: "word/footer1.xml", Old: "Day, Month, Year", New: "March 2, 2026"},
	); err != nil {
		t.Fatal(err)
	}
	project := map[string]any{"as_of": "2026-11-16"}
	for _, c := range []struct {
		dir  string
		fail bool
	}{{unfilled, true}, {filled, false}} {
		out, err := Run(context.Background(), Options{Engine: engine(t, project), Paths: []string{c.dir}, Jobs: 1, Limits: limits.Default()})
		if err != nil {
			t.Fatal(err)
		}
		fired := map[string]bool{}
		for _, f := range out.Findings {
			if f.Status == finding.Fail && f.Severity != finding.Info {
				fired[f.Rule] = true
				if !c.fail {
					t.Logf("%s %s: %s", f.Rule, f.Location, f.Message)
				}
			}
		}
		for _, rule := range []string{"GEN-001", "GEN-004"} {
			if fired[rule] != c.fail {
				t.Errorf("%s: %s fired=%v, want %v (fired: %v)", filepath.Base(c.dir), rule, fired[rule], c.fail, fired)
			}
		}
	}
}
