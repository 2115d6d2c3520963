package pipeline

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
	"github.com/tollgate-dev/tollgate/internal/testdocs/harbor"
)

const (
	crDoc  = "Change-Request-CR-2026-014.docx"
	logDoc = "Change-Request-Log.xlsx"
	llDoc  = "Lessons-Learned-Phase-3.docx"
)

// crSubmission is the CR and LL fixtures' submission: the GSA M3 Change
// Request Form filled with Harbor's CR-2026-014, the program's change log
// and its phase 3 lessons-learned report (M3 template shape), each written
// with the given values.
type crSubmission struct {
	cr      map[string]string
	log     [][]string
	lessons harbor.LessonsReport
}

func compliantCRSubmission() crSubmission {
	return crSubmission{cr: harbor.CRFields(), log: harbor.ChangeLogRows(), lessons: harbor.Lessons()}
}

func (s crSubmission) write(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := harbor.WriteChangeRequest(testdocs.CorpusDir(), filepath.Join(dir, crDoc), s.cr); err != nil {
		t.Fatal(err)
	}
	if err := harbor.WriteChangeLog(filepath.Join(dir, logDoc), s.log); err != nil {
		t.Fatal(err)
	}
	if err := harbor.WriteLessonsLearned(testdocs.CorpusDir(), filepath.Join(dir, llDoc), s.lessons); err != nil {
		t.Fatal(err)
	}
	return dir
}

func crOrLL(rule string) bool {
	return strings.HasPrefix(rule, "CR-") || strings.HasPrefix(rule, "LL-")
}

// TestChangeRequestAndLessonsSeededDefects: the filled CR form, change log
// and lessons-learned report raise no CR or LL finding (every CR/LL check
// passes, but CR-005's RTM half: no RTM); one defect seeded into one of them makes exactly that
// rule fire, at the field's cell or the row.
func TestChangeRequestAndLessonsSeededDefects(t *testing.T) {
	t.Parallel()
	out := runDir(t, compliantCRSubmission().write(t))
	kinds := map[string]string{}
	for _, d := range out.Documents {
		kinds[filepath.Base(d.Path)] = d.Kind
	}
	for f, k := range map[string]string{crDoc: "change_request", logDoc: "change_log", llDoc: "lessons_learned"} {
		if kinds[f] != k {
			t.Errorf("%s classified %q, want %q", f, kinds[f], k)
		}
	}
	base := map[string]bool{}
	for _, f := range failing(out) {
		base[key(f)] = true
		if crOrLL(f.Rule) {
			t.Errorf("the compliant submission raises %s: %s", f.Rule, f.Message)
		}
	}
	checked := map[string]bool{}
	for _, c := range out.Checks {
		if crOrLL(c.Rule) {
			checked[c.Rule] = true
			// CR-005 cannot check the CR's RTM references: the submission
			// holds no RTM (fixtures_rtm_test.go adds one).
			want := finding.Pass
			if c.Rule == "CR-005" {
				want = finding.NotAssessable
			}
			if c.Status != want {
				t.Errorf("%s on %s: %s, want %s", c.Rule, c.Path, c.Status, want)
			}
		}
	}
	for _, r := range []string{"CR-001", "CR-002", "CR-003", "CR-004", "CR-005", "LL-001", "LL-002"} {
		if !checked[r] {
			t.Errorf("%s was not checked", r)
		}
	}

	cr := func(label, value string) func(*crSubmission) {
		return func(s *crSubmission) { s.cr[label] = value }
	}
	form := func(table, row int) document.Loc { return document.Loc{Table: table, Row: row} }
	for _, fx := range []struct {
		name, rule string
		seed       func(*crSubmission)
		file       string
		loc        document.Loc
		severity   finding.Severity
	}{
		{"no CR number", "CR-001", cr("CR #", ""), crDoc, form(3, 1), finding.Error},
		{"CR number twice in the log", "CR-001", func(s *crSubmission) { s.log[1][1] = "CR-2026-009" }, logDoc, document.Loc{Sheet: "CR Log", Row: 3}, finding.Error},
		{"priority not a form value", "CR-002", cr("Priority", "Urgent"), crDoc, form(3, 4), finding.Error},
		{"no reason", "CR-002", cr("Reason for Change", ""), crDoc, form(3, 6), finding.Error},
		{"no schedule impact", "CR-003", cr("Est. Schedule Impact", ""), crDoc, form(4, 3), finding.Warning},
		{"approved without approver", "CR-004", cr("Board Approver", ""), crDoc, form(5, 2), finding.Error},
		{"decided before submitted", "CR-004", cr("Decision Date", "October 1, 2026"), crDoc, form(5, 3), finding.Error},
		{"decided without FLM approval", "CR-004", cr("FLM Approval Name", ""), crDoc, form(2, 4), finding.Warning},
		{"requirement change without RTM #", "CR-005", cr("Associated RTM #", ""), crDoc, form(3, 3), finding.Warning},
		{"approved CR not in the log", "CR-005", func(s *crSubmission) { s.log = s.log[:2] }, crDoc, form(3, 1), finding.Warning},
		{"no submitter", "LL-001", func(s *crSubmission) { s.lessons.Overview[4][1] = "" }, llDoc, form(2, 6), finding.Warning},
		{"no lessons", "LL-002", func(s *crSubmission) {
			for i := range s.lessons.Lessons {
				s.lessons.Lessons[i] = [4]string{s.lessons.Lessons[i][0]}
			}
		}, llDoc, document.Loc{Table: 2}, finding.Error},
		{"recommendation without owner", "LL-002", func(s *crSubmission) { s.lessons.Recommendations[1][2] = "" }, llDoc, form(3, 3), finding.Warning},
	} {
		parent := t
		t.Run(fx.rule+" "+fx.name, func(t *testing.T) {
			s := compliantCRSubmission()
			fx.seed(&s)
			fresh := newFindings(failing(runDir(t, s.write(t))), base)
			for _, f := range onlyRuleAt(t, fresh, fx.rule, fx.file, fx.loc) {
				if f.Severity != fx.severity {
					t.Errorf("%s severity %s, want %s", f.Rule, f.Severity, fx.severity)
				}
			}
			fixturePassed(t, fx.rule, parent)
		})
	}
}
