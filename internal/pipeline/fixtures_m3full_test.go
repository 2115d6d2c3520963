package pipeline

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
	"github.com/tollgate-dev/tollgate/internal/testdocs/harbor"
)

// The M3-complete Harbor program (harbor.Options{M3: true}): the five
// example documents with their M3 history, the RMP, the RAID log and the
// evidence of every artifact the M3 playbook has the program produce by the
// end of Engagement, each issued in time, revised in the phases the M3
// tracker marks it "Updated" and approved where an exit criterion asks,
// plus a lessons-learned report after each ended phase. On it the M3 rules
// that Harbor's five documents cannot satisfy (TestM3CompliantHarbor) raise
// nothing, and one seeded defect makes exactly its rule fire.

// m3FullRules are the rules this fixture proves.
var m3FullRules = []string{"XDOC-013", "M3-GATE-01", "M3-OUT-01", "M3-3.1-01", "M3-3.1-04", "M3-DOC-01"}

// writeM3Full writes the M3-complete program into a fresh directory.
func writeM3Full(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := harbor.Generate("../../testdata/corpus", dir, harbor.Options{M3: true}); err != nil {
		t.Fatalf("write the M3-complete program: %v", err)
	}
	return dir
}

// copyM3Full copies the M3-complete program at src into a fresh directory.
func copyM3Full(t *testing.T, src string) string {
	t.Helper()
	return copyFiles(t, src, append(slices.Clone(harbor.Files), harbor.M3Files()...))
}

func describe(f finding.Finding) string {
	s := f.Rule
	if f.Path != "" {
		s += " " + filepath.Base(f.Path)
	}
	if f.Scope != "" {
		s += " [" + f.Scope + "]"
	}
	return s + ": " + f.Message
}

// TestM3CompleteHarbor: none of the six rules fails on the M3-complete
// program; M3-GATE-01 judges every phase 0–3 exit criterion and leaves only
// the manual one (Initial QSMO Marketplace Research) to the tollgate review.
func TestM3CompleteHarbor(t *testing.T) {
	t.Parallel()
	dir := writeM3Full(t)
	out := runM3(t, dir)
	t.Run("baseline", func(t *testing.T) { m3FullBaselineFindings(t, out) })
	t.Run("seeded", func(t *testing.T) { m3FullSeededDefects(t, dir, out) })
}

func m3FullBaselineFindings(t *testing.T, out *finding.Result) {
	for _, f := range findings(out) {
		if slices.Contains(m3FullRules, f.Rule) {
			t.Errorf("fails on the M3-complete program: %s", describe(f))
		}
	}
	var na []string
	for _, f := range out.Findings {
		if slices.Contains(m3FullRules, f.Rule) && f.Status == finding.NotAssessable {
			na = append(na, describe(f))
		}
	}
	wantNA := []string{`M3-GATE-01 [phase 1 exit: Initial QSMO Marketplace Research Conducted]: phase 1 exit criterion "Initial QSMO Marketplace Research Conducted" cannot be evidenced from documents (KT 1.13 has no output in the repo): attest it at the tollgate review (missing: manual attestation)`}
	if !slices.Equal(na, wantNA) {
		t.Errorf("not assessable:\n  %s\nwant\n  %s", strings.Join(na, "\n  "), strings.Join(wantNA, "\n  "))
	}
	// Every rule judged the program and passed: a pass that is no vacuous
	// "nothing was due". M3-GATE-01 judges the 3 + 15 + 8 + 6 exit criteria
	// of phases 0–3 one by one, all but the manual one passed.
	passed := map[string]int{}
	for _, c := range out.Checks {
		if c.Status == finding.Pass {
			passed[c.Rule]++
		}
	}
	for _, r := range m3FullRules {
		if passed[r] == 0 {
			t.Errorf("%s passed no check", r)
		}
	}
	if passed["M3-GATE-01"] != 31 {
		t.Errorf("M3-GATE-01 passed %d exit criteria, want 31", passed["M3-GATE-01"])
	}
}

// m3FullSeed is one defect seeded into the M3-complete program: rule must
// fail with exactly msg, on file ("" = the submission) and scope, and no
// other rule may newly fail but those in also.
type m3FullSeed struct {
	name       string
	rule       string
	file       string
	scope, msg string
	also       []string
	seed       func(t *testing.T, dir string)
}

// editEvidence rewrites one Markdown evidence document with a change.
func editEvidence(file string, change func(d *harbor.M3Doc)) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		t.Helper()
		for _, d := range harbor.M3Evidence() {
			if d.File == file {
				change(&d)
				if err := harbor.WriteM3Doc(filepath.Join(dir, file), d); err != nil {
					t.Fatal(err)
				}
				return
			}
		}
		t.Fatalf("no evidence document %s", file)
	}
}

func removeFile(file string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		t.Helper()
		if err := os.Remove(filepath.Join(dir, file)); err != nil {
			t.Fatal(err)
		}
	}
}

var m3FullSeeds = []m3FullSeed{
	{
		// No lessons-learned session after Selection.
		name: "no phase 2 lessons learned", rule: "XDOC-013", seed: removeFile(harbor.LessonsFile(2)),
		msg: "phase 2 ended on 2026-05-29 and no lessons-learned report is dated within 30 days after it (by 2026-06-28)",
	},
	{
		// The business case is signed by the Executive Sponsor alone: the
		// steering committee never reviewed it (the committee is named only
		// in the approval's role column, so this also proves role_raw).
		name: "business case not reviewed by the steering committee", rule: "M3-GATE-01",
		seed:  editEvidence("Project-Business-Case.md", func(d *harbor.M3Doc) { d.Approvals[0].Role = "Executive Sponsor" }),
		scope: "phase 0 exit: Steering Committee Review of Project Business Case",
		msg:   `phase 0 exit criterion "Steering Committee Review of Project Business Case" is not evidenced when phase 1 began (2026-01-05): Project Business Case (project-business-case) has no approval by the steering committee`,
	},
	{
		// The data governance model of key task 1.10 is only written after
		// Selection began. No exit criterion names it: M3-OUT-01 alone
		// judges it, as a warning (kind other).
		name: "data governance model late", rule: "M3-OUT-01",
		seed: editEvidence("Data-Governance-Model.md", func(d *harbor.M3Doc) { d.Issued = mustDay("2026-04-20") }),
		msg:  "no Data Governance Model (data-governance-model) by 2026-04-06, when phase 2 began (output of key task 1.10)",
	},
	{
		// The charter's Engagement re-issue is dated after phase 3 ended.
		// M3-DOC-01 judges the same missed update per document.
		name: "charter not re-issued in Engagement", rule: "M3-3.1-01", file: "Program-Charter.docx", also: []string{"M3-DOC-01"},
		seed: editDocx("Program-Charter.docx", testdocs.Edit{Old: harbor.M3Dates.CharterEngagement.Format("January 2, 2006"), New: "September 10, 2026"}),
		msg:  "Program Charter (program-charter) shows no revision or approval dated in phase 3 (2026-06-01 to 2026-08-28): the M3 tracker has it updated during Engagement",
	},
	{
		// No QASP by the end of Engagement. It is also a key task 3.1
		// output (M3-3.1-01) and, first, a key task 1.14 output due when
		// Selection began (M3-OUT-01).
		name: "no QASP", rule: "M3-3.1-04", also: []string{"M3-3.1-01", "M3-OUT-01"}, seed: removeFile("QASP.md"),
		msg: "no QASP in the submission by 2026-08-31, the end of M3 phase 3 (Engagement)",
	},
	{
		// The target state CONOPS (tracker: updated in phase 3) was not
		// revised during Engagement; no other rule follows that artifact.
		name: "CONOPS not updated in Engagement", rule: "M3-DOC-01", file: "Target-State-CONOPS.md",
		seed: editEvidence("Target-State-CONOPS.md", func(d *harbor.M3Doc) { d.Revised = nil }),
		msg:  "the M3 tracker has this artifact updated in phase 3, but no revision or approval is dated in that phase (2026-06-01 to 2026-08-28)",
	},
}

func mustDay(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

// m3FullSeededDefects: each seeded defect makes exactly its rule fail
// (with those in also), judged against the baseline's failures.
func m3FullSeededDefects(t *testing.T, program string, baseline *finding.Result) {
	base := map[string]bool{}
	for _, f := range findings(baseline) {
		base[describe(f)] = true
	}
	for _, fx := range m3FullSeeds {
		t.Run(fx.rule+" "+fx.name, func(t *testing.T) {
			dir := copyM3Full(t, program)
			fx.seed(t, dir)
			var fresh, mine []string
			fired := map[string]bool{}
			for _, f := range findings(runM3(t, dir)) {
				d := describe(f)
				if base[d] {
					continue
				}
				fresh = append(fresh, d)
				fired[f.Rule] = true
				switch {
				case f.Rule == fx.rule:
					mine = append(mine, d)
				case !slices.Contains(fx.also, f.Rule):
					t.Errorf("another rule fired too: %s", d)
				}
			}
			for _, r := range fx.also {
				if !fired[r] {
					t.Errorf("%s should fire with %s", r, fx.rule)
				}
			}
			want := fx.rule
			if fx.file != "" {
				want += " " + fx.file
			}
			if fx.scope != "" {
				want += " [" + fx.scope + "]"
			}
			want += ": " + fx.msg
			if !slices.Equal(mine, []string{want}) {
				t.Errorf("%s findings:\n  %s\nwant\n  %s\nall new failures:\n  %s", fx.rule, strings.Join(mine, "\n  "), want, strings.Join(fresh, "\n  "))
			}
			t.Logf("new failures:\n  %s", strings.Join(fresh, "\n  "))
			fixturePassed(t, fx.rule)
		})
	}
}
