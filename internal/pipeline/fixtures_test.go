package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/internal/config"
	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
	"github.com/tollgate-dev/tollgate/internal/testdocs/harbor"
)

// The seeded-defect fixtures: the Harbor example program is written without
// its deliberate defects (a compliant program), then one defect is seeded
// into one real document at a time, and exactly the rule that encodes that
// defect must fire, at the expected location.

var (
	compliantOnce sync.Once
	compliantDir  string
	compliantErr  error
)

// compliant writes the compliant Harbor program once per test binary.
func compliant(t *testing.T) string {
	t.Helper()
	compliantOnce.Do(func() {
		dir, err := os.MkdirTemp("", "tollgate-harbor-")
		if err != nil {
			compliantErr = err
			return
		}
		compliantDir = dir
		compliantErr = harbor.Generate("../../testdata/corpus", dir, harbor.Options{})
	})
	if compliantErr != nil {
		t.Fatalf("write compliant example program: %v", compliantErr)
	}
	return compliantDir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if compliantDir != "" {
		os.RemoveAll(compliantDir)
	}
	if code == 0 {
		// Every catalog rule must have proved a seeded-defect fixture
		// (catalog_test.go); judged only when no test was filtered out.
		code = checkFixtureRegistry()
	}
	os.Exit(code)
}

// harborProject is the project data of examples/harbor/.tollgate.yaml.
func harborProject(t *testing.T) map[string]any {
	t.Helper()
	cfg, err := config.Load("../../examples/harbor/.tollgate.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return cfg.ProjectData(cfg.Project.AsOf)
}

// runDir checks every document of dir with the built-in packs.
func runDir(t *testing.T, dir string) *finding.Result {
	t.Helper()
	project := harborProject(t)
	sd, _ := project["status_date"].(string)
	out, err := Run(context.Background(), Options{Engine: engine(t, project), Paths: []string{dir}, Jobs: 2, Limits: limits.Default(),
		Config: statusDate(sd)})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// copyProgram copies the compliant program into a fresh directory,
// leaving out the named files.
func copyProgram(t *testing.T, skip ...string) string {
	t.Helper()
	var names []string
	for _, name := range harbor.Files {
		if !slices.Contains(skip, name) {
			names = append(names, name)
		}
	}
	return copyFiles(t, compliant(t), names)
}

// copyFiles copies the named files of src into a fresh directory.
func copyFiles(t *testing.T, src string, names []string) string {
	t.Helper()
	dst := t.TempDir()
	for _, name := range names {
		b, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// key identifies a finding independently of the directory it was found in.
func key(f finding.Finding) string {
	l := f.Location
	l.Path = ""
	return fmt.Sprintf("%s %s %s %s", f.Rule, filepath.Base(f.Path), l.String(), f.Status)
}

// newFindings are the findings of fs a baseline run (keys from key) did
// not have: what a seeded defect added.
func newFindings(fs []finding.Finding, base map[string]bool) []finding.Finding {
	var fresh []finding.Finding
	for _, f := range fs {
		if !base[key(f)] {
			fresh = append(fresh, f)
		}
	}
	return fresh
}

// onlyRuleAt asserts that what a seeded defect added (fresh) is rule's
// findings alone, each in file (when given) at loc, and returns them for
// the caller's further checks (severity, related locations).
func onlyRuleAt(t *testing.T, fresh []finding.Finding, rule, file string, loc document.Loc) []finding.Finding {
	t.Helper()
	if len(fresh) == 0 {
		t.Fatalf("%s did not fire", rule)
	}
	var mine []finding.Finding
	for _, f := range fresh {
		if f.Rule != rule {
			t.Errorf("%s fired too: %s", f.Rule, f.Message)
			continue
		}
		if file != "" && filepath.Base(f.Path) != file || !locMatches(loc, f.Location) {
			t.Errorf("%s at %s %s, want %s %+v", f.Rule, filepath.Base(f.Path), f.Location, file, loc)
		}
		mine = append(mine, f)
	}
	return mine
}

// failing lists the fail findings of a run at warning or error severity.
func failing(out *finding.Result) []finding.Finding {
	var fs []finding.Finding
	for _, f := range out.Findings {
		if f.Status == finding.Fail && f.Severity != finding.Info {
			fs = append(fs, f)
		}
	}
	return fs
}

var (
	baselineOnce sync.Once
	baseline     map[string]bool
)

// TestCompliantExampleHasNoErrors: the Harbor program without its deliberate
// defects raises no error-severity finding, and every document reads.
func TestCompliantExampleHasNoErrors(t *testing.T) {
	t.Parallel()
	out := runDir(t, compliant(t))
	for _, d := range out.Documents {
		if d.Status != finding.DocOK {
			t.Errorf("%s: %s %s", d.Path, d.Status, d.Error)
		}
	}
	kinds := map[string]string{}
	for _, d := range out.Documents {
		kinds[filepath.Base(d.Path)] = d.Kind
	}
	wantKinds := map[string]string{"Program-Charter.docx": "charter", "Program-Management-Plan.docx": "pmp", "IVV-Plan.docx": "ivv_plan",
		"Integrated-Master-Schedule.xlsx": "schedule", "RACI.xlsx": "raci"}
	for f, k := range wantKinds {
		if kinds[f] != k {
			t.Errorf("%s classified %q, want %q", f, kinds[f], k)
		}
	}
	for _, f := range out.Findings {
		if f.Severity == finding.Error && f.Status == finding.Fail {
			t.Errorf("error finding on the compliant example: %s %s: %s", f.Rule, f.Location, f.Message)
		}
	}
}

func baselineKeys(t *testing.T) map[string]bool {
	baselineOnce.Do(func() {
		baseline = map[string]bool{}
		for _, f := range failing(runDir(t, compliant(t))) {
			baseline[key(f)] = true
		}
	})
	return baseline
}

// seeded is one fixture: a defect seeded into the compliant program.
type seeded struct {
	rule string
	// seed breaks one thing in the program copy at dir.
	seed func(t *testing.T, dir string)
	skip []string // files left out of the submission
	// file and loc are where the finding must be (loc fields compared when set).
	file string
	loc  document.Loc
	// also are rules that must fire with it because they judge the same
	// fact from another side (an unapproved PMP also means execution began
	// without one: XDOC-001).
	also []string
}

// inPlace rewrites the file at path through write (which writes a new copy
// to the temporary path it is given), then puts the copy in its place.
func inPlace(t *testing.T, path, ext string, write func(tmp string) error) {
	t.Helper()
	tmp := path + ".tmp" + ext
	if err := write(tmp); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

func editDocx(name string, edits ...testdocs.Edit) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		t.Helper()
		for i := range edits {
			if edits[i].Part == "" {
				edits[i].Part = "word/document.xml"
			}
		}
		p := filepath.Join(dir, name)
		inPlace(t, p, "", func(tmp string) error { return testdocs.CopyWithEdits(p, tmp, edits...) })
	}
}

func editXlsx(name string, changes ...testdocs.CellChange) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		t.Helper()
		p := filepath.Join(dir, name)
		inPlace(t, p, ".xlsx", func(tmp string) error { return testdocs.CopyXlsxWithCells(p, tmp, changes...) })
	}
}

// rewriteBody rewrites the word/document.xml of the docx at path.
func rewriteBody(t *testing.T, path string, fn func(body string) (string, error)) {
	t.Helper()
	inPlace(t, path, "", func(tmp string) error {
		return testdocs.RewritePart(path, tmp, "word/document.xml", func(b []byte) ([]byte, error) {
			s, err := fn(string(b))
			return []byte(s), err
		})
	})
}

// longDateText is a "Month D, YYYY" text node as the Harbor documents write
// dates.
var longDateText = regexp.MustCompile(`<w:t xml:space="preserve">[A-Z][a-z]+ \d{1,2}, \d{4}</w:t>`)

// wt is a WordprocessingML text node as testdocs writes it.
func wt(s string) string { return `<w:t xml:space="preserve">` + testdocs.Escape(s) + `</w:t>` }

const (
	charterDoc = "Program-Charter.docx"
	pmpDoc     = "Program-Management-Plan.docx"
	ivvDoc     = "IVV-Plan.docx"
	imsDoc     = "Integrated-Master-Schedule.xlsx"
	raciDoc    = "RACI.xlsx"
)

// clearRACI empties RACI matrix cells.
func clearRACI(cells ...string) func(*testing.T, string) {
	var cs []testdocs.CellChange
	for _, c := range cells {
		cs = append(cs, testdocs.CellChange{Sheet: "RACI", Cell: c, Value: ""})
	}
	return editXlsx(raciDoc, cs...)
}

// renameCharter retitles one charter section so no heading names that
// element any more (its text stays, under a heading nothing maps).
func renameCharter(heading string) func(*testing.T, string) {
	return editDocx(charterDoc, testdocs.Edit{Old: wt(heading), New: wt("Appendix Notes")})
}

// renamePlan retitles the PMP sections that carry one subsidiary plan so
// that no heading names it any more.
func renamePlan(headings ...string) func(*testing.T, string) {
	var edits []testdocs.Edit
	for _, h := range headings {
		edits = append(edits, testdocs.Edit{Old: wt(h), New: wt("Appendix Notes")})
	}
	return editDocx(pmpDoc, edits...)
}

var fixtures = []seeded{
	{rule: "GEN-001", file: charterDoc, loc: document.Loc{Section: "Budget"},
		seed: editDocx(charterDoc, testdocs.Edit{Old: "The approved budget is $14.6M", New: "The approved budget is &lt;&lt;Insert Amount&gt;&gt;"})},
	{rule: "GEN-002", file: raciDoc,
		seed: editXlsx(raciDoc, testdocs.CellChange{Sheet: "Revision History", Cell: "A2", Value: ""}, testdocs.CellChange{Sheet: "Revision History", Cell: "A3", Value: ""})},
	{rule: "GEN-003", file: charterDoc, loc: document.Loc{Table: 1, Row: 3},
		seed: editDocx(charterDoc, testdocs.Edit{Old: wt("February 3, 2026"), New: wt("February 28, 2026")})},
	{rule: "GEN-004", file: ivvDoc, loc: document.Loc{Table: 2, Row: 2},
		// An approval dated in the future is also later than execution's start.
		also: []string{"XDOC-009"},
		seed: editDocx(ivvDoc, testdocs.Edit{Old: wt("August 27, 2026"), New: wt("August 27, 2027")})},
	{rule: "IVV-001", file: ivvDoc, seed: editDocx(ivvDoc, testdocs.Edit{Old: "Meridian Assurance Group", New: "the contractor"})},
	{rule: "IVV-002", file: ivvDoc, seed: editDocx(ivvDoc, testdocs.Edit{Old: "financially independent", New: "independent"}, testdocs.Edit{Old: "Financial independence:", New: "Funding:"})},
	{rule: "IVV-003", file: ivvDoc, seed: editDocx(ivvDoc, testdocs.Edit{Old: "reports directly to", New: "works with"}, testdocs.Edit{Old: "and reports to the", New: "and briefs the"})},
	{rule: "IVV-005", file: ivvDoc, seed: editDocx(ivvDoc, testdocs.Edit{Old: "Findings are tracked in the IV&amp;V findings log with severity, owner, due date and status, and are reviewed monthly with the program until closed.", New: "Findings are discussed at the monthly review."})},
	{rule: "IVV-006", file: ivvDoc, seed: editDocx(ivvDoc, testdocs.Edit{Old: wt("Test Documentation"), New: wt("Appendix Notes")})},
	{rule: "CHARTER-001", file: charterDoc, loc: document.Loc{Section: "Purpose"},
		seed: editDocx(charterDoc, testdocs.Edit{Old: testdocs.Escape(harbor.PurposeText), New: "DMA will modernize payroll."})},
	{rule: "CHARTER-002", file: charterDoc,
		seed: editDocx(charterDoc, testdocs.Edit{Old: wt("Objectives"), New: wt("Notes")})},
	{rule: "CHARTER-003", file: charterDoc, seed: renameCharter("Success Criteria")},
	{rule: "CHARTER-004", file: charterDoc, seed: renameCharter("High-Level Requirements")},
	{rule: "CHARTER-005", file: charterDoc, seed: renameCharter("Out of Scope")},
	{rule: "CHARTER-006", file: charterDoc, seed: renameCharter("Deliverables")},
	// The budget is read wherever the charter states it: the seeded
	// charter no longer says what it is anywhere.
	{rule: "CHARTER-008", file: charterDoc, seed: editDocx(charterDoc, testdocs.Edit{Old: wt("Budget"), New: wt("Appendix Notes")},
		testdocs.Edit{Old: "The approved budget is $14.6M over FY2026–FY2028: $9.2M for provider migration services, $2.1M for IV&amp;V, $1.9M for data conversion and interfaces, and $1.4M management reserve.", New: "Funding is described in the business case."})},
	{rule: "CHARTER-009", file: charterDoc, seed: renameCharter("Stakeholders")},
	{rule: "CHARTER-010", file: charterDoc, seed: renameCharter("Assumptions and Constraints")},
	{rule: "CHARTER-011", file: charterDoc, seed: renameCharter("Risks")},
	{rule: "CHARTER-007", file: charterDoc, loc: document.Loc{Row: 5},
		seed: editDocx(charterDoc, testdocs.Edit{Old: wt("March 26, 2027"), New: wt("")})},
	{rule: "CHARTER-012", file: charterDoc, loc: document.Loc{Section: "Program Manager"},
		seed: editDocx(charterDoc, testdocs.Edit{Old: " He has authority to direct the customer PMO staff of 12,", New: "</w:t></w:r></w:p><w:p><w:r><w:t>He may direct the customer PMO staff of 12,"})},
	// Without the sponsor's signature the charter is not approved, so the
	// approved PMP now has no approved charter before it (XDOC-002).
	{rule: "CHARTER-013", file: charterDoc, also: []string{"XDOC-002"},
		seed: editDocx(charterDoc, testdocs.Edit{Old: wt("/s/ Angela Ruiz"), New: wt("")})},
	{rule: "PMP-001", file: pmpDoc, seed: renamePlan("Cost Management Plan")},
	{rule: "PMP-002", file: pmpDoc, seed: renamePlan("Quality Management Plan", "Quality Assurance")},
	{rule: "PMP-003", file: pmpDoc, seed: renamePlan("Staff Management Plan")},
	{rule: "PMP-004", file: pmpDoc, seed: renamePlan("Communications Management Plan", "Status Meetings")},
	{rule: "PMP-005", file: pmpDoc, seed: renamePlan("Risk Management Plan")},
	{rule: "PMP-006", file: pmpDoc, seed: renamePlan("Procurement Management Plan")},
	{rule: "PMP-007", file: pmpDoc, seed: renamePlan("Contract Management Plan")},
	{rule: "PMP-008", file: pmpDoc, seed: renamePlan("Governance Plan", "Issue Escalation and Resolution Process")},
	{rule: "PMP-009", file: pmpDoc, seed: renamePlan("Configuration Management Plan")},
	{rule: "PMP-010", file: pmpDoc, seed: renamePlan("Change Control Plan")},
	{rule: "PMP-011", file: pmpDoc, loc: document.Loc{Section: "Governance Plan"},
		seed: func(t *testing.T, dir string) {
			// The governance section stays; its issue-escalation subsection
			// (heading, tiers table) goes.
			editDocx(pmpDoc, testdocs.Edit{Old: wt("Issue Escalation and Resolution Process"), New: wt("Decision Log")},
				testdocs.Edit{Old: "Issues are raised in the RAID log and resolved at the lowest tier able to decide them. Each tier has a time limit; when it passes without resolution the issue moves up automatically.",
					New: "The decision log is kept by the PMO."})(t, dir)
			removeTableAfter(t, filepath.Join(dir, pmpDoc), "The decision log is kept by the PMO.")
		}},
	{rule: "PMP-012", file: pmpDoc, also: []string{"XDOC-001"}, seed: undateApprovals(pmpDoc)},
	{rule: "PMP-013", file: pmpDoc, seed: renamePlan("Schedule Management Plan")},
	// The plan no longer names a contract manager (every mention becomes
	// the contracting officer's representative's bare title).
	{rule: "PMP-014", file: pmpDoc, seed: editDocx(pmpDoc, testdocs.Edit{Old: "Contract Manager", New: "COR"})},
	{rule: "RACI-001", file: raciDoc, loc: document.Loc{Sheet: "RACI", Row: 9},
		seed: editXlsx(raciDoc, testdocs.CellChange{Sheet: "RACI", Cell: "C9", Value: "A"})},
	{rule: "RACI-002", file: raciDoc, loc: document.Loc{Sheet: "RACI", Row: 2},
		seed: editXlsx(raciDoc, testdocs.CellChange{Sheet: "RACI", Cell: "D2", Value: "C"})},
	{rule: "RACI-003", file: raciDoc, loc: document.Loc{Sheet: "RACI", Row: 11}, seed: clearRACI("C11", "D11", "E11", "F11", "G11", "H11", "I11")},
	{rule: "RACI-004", file: raciDoc, loc: document.Loc{Sheet: "RACI", Row: 1},
		seed: clearRACI("I2", "I3", "I4", "I5", "I6", "I7", "I8", "I9", "I10", "I11")},
	{rule: "RACI-006", file: raciDoc, loc: document.Loc{Sheet: "RACI", Row: 2},
		seed: editXlsx(raciDoc, testdocs.CellChange{Sheet: "RACI", Cell: "I2", Value: "Yes"})},
	// Work that began before the PMP's approval also began before the IV&V
	// plan's (XDOC-009).
	{rule: "XDOC-001", file: imsDoc, also: []string{"XDOC-009"}, loc: document.Loc{Sheet: "Schedule Template", Row: harbor.EarlyStartRow()},
		seed: editXlsx(imsDoc, testdocs.CellChange{Sheet: "Schedule Template", Cell: fmt.Sprintf("G%d", harbor.EarlyStartRow()), Value: mustDate("2026-08-17")})},
	{rule: "XDOC-002", file: pmpDoc, seed: redateSignature(charterDoc, "/s/ Angela Ruiz", "September 17, 2026")},
	{rule: "XDOC-009", file: imsDoc, seed: redateSignature(ivvDoc, "/s/ Angela Ruiz", "September 4, 2026")},
	{rule: "XDOC-014", also: []string{"XDOC-009"}, skip: []string{ivvDoc}},
}

// TestSeededDefects: for each rule, one defect seeded into the compliant
// program makes exactly that rule fail (no other new warning or error), at
// the expected document and location.
func TestSeededDefects(t *testing.T) {
	t.Parallel()
	base := baselineKeys(t)
	for _, fx := range fixtures {
		t.Run(fx.rule, func(t *testing.T) { checkSeeded(t, base, copyProgram(t, fx.skip...), fx) })
	}
}

// redateSignature changes the date in the approvals row signed by marker
// (the first date after it), leaving every other date of the document.
func redateSignature(name, marker, date string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		t.Helper()
		rewriteBody(t, filepath.Join(dir, name), func(s string) (string, error) {
			i := strings.Index(s, marker)
			if i < 0 {
				return "", fmt.Errorf("%q not found", marker)
			}
			loc := longDateText.FindStringIndex(s[i:])
			if loc == nil {
				return "", fmt.Errorf("no date after %q", marker)
			}
			return s[:i+loc[0]] + wt(date) + s[i+loc[1]:], nil
		})
	}
}

// undateApprovals blanks the date cell of every signed row of a docx
// approvals table (the first date after each "/s/" signature), leaving the
// signatures and the rest of the document as they are.
func undateApprovals(name string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		t.Helper()
		rewriteBody(t, filepath.Join(dir, name), func(s string) (string, error) {
			var out strings.Builder
			for {
				i := strings.Index(s, "/s/ ")
				if i < 0 {
					break
				}
				loc := longDateText.FindStringIndex(s[i:])
				if loc == nil {
					break
				}
				out.WriteString(s[:i+loc[0]])
				out.WriteString(wt(""))
				s = s[i+loc[1]:]
			}
			out.WriteString(s)
			return out.String(), nil
		})
	}
}

// removeTableAfter deletes the first table that follows the paragraph
// holding text in a docx.
func removeTableAfter(t *testing.T, path, text string) {
	t.Helper()
	rewriteBody(t, path, func(s string) (string, error) {
		at := strings.Index(s, text)
		if at < 0 {
			return "", fmt.Errorf("text %q not found", text)
		}
		start := strings.Index(s[at:], "<w:tbl>")
		if start < 0 {
			return "", fmt.Errorf("no table after %q", text)
		}
		start += at
		end := strings.Index(s[start:], "</w:tbl>")
		return s[:start] + s[start+end+len("</w:tbl>"):], nil
	})
}

func mustDate(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

// locMatches compares the fields set in want.
func locMatches(want, got document.Loc) bool {
	return (want.Section == "" || strings.Contains(got.Section, want.Section)) &&
		(want.Table == 0 || want.Table == got.Table) &&
		(want.Row == 0 || want.Row == got.Row) &&
		(want.Sheet == "" || want.Sheet == got.Sheet)
}
