package pipeline

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
	"github.com/tollgate-dev/tollgate/internal/testdocs/harbor"
)

const rtmDoc = "Requirements-Traceability-Matrix.xlsx"

// traceSubmission is a change request with the documents it must trace
// to: the GSA M3 CR form filled with Harbor's CR-2026-014 and, when set,
// the program's RTM (M3 RTM template layout: requirements and CR sheets)
// or its IMS last saved at imsSaved.
type traceSubmission struct {
	cr       map[string]string
	reqs     [][]string
	crs      [][]string
	imsSaved time.Time
}

func (s traceSubmission) write(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := harbor.WriteChangeRequest(testdocs.CorpusDir(), filepath.Join(dir, crDoc), s.cr); err != nil {
		t.Fatal(err)
	}
	if s.reqs != nil {
		if err := harbor.WriteRTM(filepath.Join(dir, rtmDoc), s.reqs, s.crs); err != nil {
			t.Fatal(err)
		}
	}
	if !s.imsSaved.IsZero() {
		if err := harbor.WriteIMS(testdocs.CorpusDir(), filepath.Join(dir, imsDoc), s.imsSaved); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// traceFixture seeds one defect into a submission and expects exactly
// rule to fire, at file and loc.
type traceFixture struct {
	name, rule string
	seed       func(*traceSubmission)
	file       string
	loc        document.Loc
}

// runTraceFixtures: the compliant submission passes rule on the CR form
// and raises no finding of it; each fixture's defect makes exactly rule
// fire (at warning) where the fixture says.
func runTraceFixtures(t *testing.T, rule string, compliant func() traceSubmission, wantKinds map[string]string, fixtures []traceFixture) {
	t.Helper()
	out := runDir(t, compliant().write(t))
	for _, d := range out.Documents {
		if k, ok := wantKinds[filepath.Base(d.Path)]; ok && d.Kind != k {
			t.Errorf("%s classified %q, want %q", d.Path, d.Kind, k)
		}
	}
	base := map[string]bool{}
	for _, f := range failing(out) {
		base[key(f)] = true
		if f.Rule == rule {
			t.Errorf("the compliant submission raises %s: %s", f.Rule, f.Message)
		}
	}
	passed := false
	for _, c := range out.Checks {
		if c.Rule == rule && filepath.Base(c.Path) == crDoc {
			passed = c.Status == finding.Pass
			if !passed {
				t.Errorf("%s on %s: %s, want pass", c.Rule, c.Path, c.Status)
			}
		}
	}
	if !passed {
		t.Errorf("%s did not check %s", rule, crDoc)
	}
	for _, fx := range fixtures {
		parent := t
		t.Run(fx.rule+" "+fx.name, func(t *testing.T) {
			s := compliant()
			fx.seed(&s)
			fresh := newFindings(failing(runDir(t, s.write(t))), base)
			for _, f := range onlyRuleAt(t, fresh, fx.rule, fx.file, fx.loc) {
				if f.Severity != finding.Warning {
					t.Errorf("%s severity %s, want warning", f.Rule, f.Severity)
				}
			}
			fixturePassed(t, fx.rule, parent)
		})
	}
}

func dropRow(rows [][]string, col int, value string) [][]string {
	var out [][]string
	for _, r := range rows {
		if r[col] != value {
			out = append(out, r)
		}
	}
	return out
}

// TestCRTracesToTheRTM (CR-005): CR-2026-014 names PAY-014-002 and
// PAY-014-003, both in the RTM, and the RTM's CR sheet logs it; a reference
// the RTM lacks, or an approved CR the CR sheet lacks, is flagged at the
// form's Associated RTM # or CR # cell.
func TestCRTracesToTheRTM(t *testing.T) {
	t.Parallel()
	compliant := func() traceSubmission {
		return traceSubmission{cr: harbor.CRFields(), reqs: harbor.RTMRequirements(), crs: harbor.RTMChangeRequests()}
	}
	form := func(table, row int) document.Loc { return document.Loc{Table: table, Row: row} }
	runTraceFixtures(t, "CR-005", compliant, map[string]string{crDoc: "change_request", rtmDoc: "rtm"}, []traceFixture{
		{"RTM # not in the RTM", "CR-005", func(s *traceSubmission) { s.cr["Associated RTM #"] = "PAY-014-002, PAY-014-009" }, crDoc, form(3, 3)},
		{"requirement dropped from the RTM", "CR-005", func(s *traceSubmission) { s.reqs = dropRow(s.reqs, 0, "PAY-014-003") }, crDoc, form(3, 3)},
		{"approved CR missing from the RTM CR sheet", "CR-005", func(s *traceSubmission) { s.crs = dropRow(s.crs, 1, "CR-2026-014") }, crDoc, form(3, 1)},
	})
}

// TestApprovedScheduleChangeReachesTheIMS (XDOC-012): CR-2026-014 (approved
// 14 October 2026, system test extends by 5 working days) is older than
// the IMS's 13 November status update; an IMS last saved before the
// decision, or a decision after the IMS's last save, is flagged at the
// form's Decision Date cell.
func TestApprovedScheduleChangeReachesTheIMS(t *testing.T) {
	t.Parallel()
	compliant := func() traceSubmission {
		return traceSubmission{cr: harbor.CRFields(), imsSaved: harbor.IMSIssued}
	}
	decision := document.Loc{Table: 5, Row: 3}
	runTraceFixtures(t, "XDOC-012", compliant, map[string]string{crDoc: "change_request", imsDoc: "schedule"}, []traceFixture{
		{"IMS last saved before the decision", "XDOC-012", func(s *traceSubmission) {
			s.imsSaved = time.Date(2026, time.October, 1, 17, 0, 0, 0, time.UTC)
		}, crDoc, decision},
		{"decided after the IMS's last save", "XDOC-012", func(s *traceSubmission) { s.cr["Decision Date"] = "November 14, 2026" }, crDoc, decision},
	})
}
