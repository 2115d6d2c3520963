package pipeline

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

// The m3 pack on the Harbor example program, run as project.framework: m3
// with key task 4.15 tailored out (the GSA Master Schedule template the
// IMS is built on predates it: its row reads "Execute Labor Relations
// Strategy"). Harbor submits five documents; M3 asks for many more (QASP,
// RAID log, governance plan, go/no-go criteria …), so the rules that need
// them cannot pass on it: TestM3CompliantHarbor asserts their exact
// findings, and the seeded defects are judged against that baseline. The
// M3-complete program of fixtures_m3full_test.go adds that evidence and
// proves those rules.

// harborM3Project is examples/harbor/.tollgate.yaml with framework m3.
func harborM3Project(t *testing.T) map[string]any {
	p := harborProject(t)
	p["framework"] = "m3"
	p["tailored_out"] = []any{"4.15"}
	return p
}

func runM3(t *testing.T, dir string) *finding.Result {
	t.Helper()
	project := harborM3Project(t)
	eng := compiledEngine(t, []string{"core", "schedule", "xdoc", "m3"}, project)
	sd, _ := project["status_date"].(string)
	out, err := Run(context.Background(), Options{Engine: eng, Paths: []string{dir}, Jobs: 2, Limits: limits.Default(),
		Config: statusDate(sd)})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// m3Key identifies a finding by rule, file and message (M3 findings are
// mostly submission-level, without a location to tell them apart).
func m3Key(f finding.Finding) string {
	return fmt.Sprintf("%s %s %s", f.Rule, filepath.Base(f.Path), f.Message)
}

var (
	m3BaseOnce sync.Once
	m3Base     *finding.Result
)

func m3Baseline(t *testing.T) *finding.Result {
	m3BaseOnce.Do(func() { m3Base = runM3(t, compliant(t)) })
	return m3Base
}

func TestM3CompliantHarbor(t *testing.T) {
	t.Parallel()
	out := m3Baseline(t)
	byRule := map[string][]finding.Finding{}
	for _, f := range out.Findings {
		if strings.HasPrefix(f.Rule, "M3-") || f.Rule == "XDOC-013" {
			byRule[f.Rule] = append(byRule[f.Rule], f)
		}
	}
	msgs := func(rule string) []string {
		var ms []string
		for _, f := range byRule[rule] {
			ms = append(ms, strings.TrimPrefix(f.Path, filepath.Dir(f.Path)+"/")+": "+f.Message)
		}
		sort.Strings(ms)
		return ms
	}
	// Passing: the PMP covers the key task 3.1 list, the IMS has every
	// phase 4 and 5 key task (4.15 tailored out), no cutover has started.
	for _, r := range []string{"M3-3.1-02", "M3-IMS-01"} {
		if len(byRule[r]) > 0 {
			t.Errorf("%s fired on the compliant program: %v", r, msgs(r))
		}
	}
	exact := map[string][]string{
		// Harbor has no QASP, and its charter (approved in phase 1) was not
		// re-issued during Engagement.
		"M3-3.1-01": {
			": key task 3.1 output Quality Assurance Surveillance Plan (QASP) (qasp) is not in the submission by 2026-08-31",
			"Program-Charter.docx: Program Charter (program-charter) shows no revision or approval dated in phase 3 (2026-06-01 to 2026-08-28): the M3 tracker has it updated during Engagement",
		},
		// The IMS carries no sign-off at all.
		"M3-3.1-03":  {"Integrated-Master-Schedule.xlsx: the IMS has no approval by the customer and the provider party: both parties agree it in key task 3.1"},
		"M3-3.1-04":  {": no QASP in the submission by 2026-08-31, the end of M3 phase 3 (Engagement)"},
		"M3-4.16-01": {": M3 phase 4 began on 2026-08-31 without approved Go/No-Go criteria"},
		"M3-DOC-01":  {"Program-Charter.docx: the M3 tracker has this artifact updated in phase 3, but no revision or approval is dated in that phase (2026-06-01 to 2026-08-28)"},
		"XDOC-013": {
			": phase 0 ended on 2026-01-02 and no lessons-learned report is dated within 30 days after it (by 2026-02-01)",
			": phase 1 ended on 2026-04-03 and no lessons-learned report is dated within 30 days after it (by 2026-05-03)",
			": phase 2 ended on 2026-05-29 and no lessons-learned report is dated within 30 days after it (by 2026-06-28)",
			": phase 3 ended on 2026-08-28 and no lessons-learned report is dated within 30 days after it (by 2026-09-27)",
		},
	}
	for r, want := range exact {
		if got := msgs(r); !slices.Equal(got, want) {
			t.Errorf("%s findings:\n  %s\nwant\n  %s", r, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
		}
	}
	// M3-GATE-01: every exit criterion of phases 0–3 is judged (phase 4
	// has begun); all but the manual one lack evidence in a five-document
	// submission.
	gate := map[finding.Status]int{}
	for _, f := range byRule["M3-GATE-01"] {
		gate[f.Status]++
		if f.Scope == "" {
			t.Errorf("M3-GATE-01 finding without scope: %s", f.Message)
		}
	}
	if gate[finding.Fail] != 31 || gate[finding.NotAssessable] != 1 {
		t.Errorf("M3-GATE-01: %d fail, %d not assessable; want 31 and 1:\n  %s", gate[finding.Fail], gate[finding.NotAssessable], strings.Join(msgs("M3-GATE-01"), "\n  "))
	}
	// M3-OUT-01: the outputs of kind charter, pmp, raci, schedule, ivv_plan,
	// qasp, risk_register that came late are errors, the rest warnings.
	var outErrs []string
	for _, f := range byRule["M3-OUT-01"] {
		if f.Severity == finding.Error {
			outErrs = append(outErrs, f.Message)
		}
	}
	sort.Strings(outErrs)
	wantOut := []string{
		"no Implementation Approach/Schedule (implementation-approach-schedule) by 2026-06-01, when phase 3 began (output of key task 2.1)",
		"no Independent Verification & Validation (IV&V) Plan (ivv-plan) by 2026-04-06, when phase 2 began (output of key task 1.2)",
		"no Initial Master Schedule (initial-master-schedule) by 2026-04-06, when phase 2 began (output of key task 1.2); template: M3-Playbook-Master-Schedule-Template.xlsx",
		"no Program Management Plan (program-management-plan) by 2026-04-06, when phase 2 began (output of key task 1.2)",
		"no Quality Assurance Surveillance Plan (QASP) (qasp) by 2026-04-06, when phase 2 began (output of key task 1.14)",
		"no RAID Log (raid-log) by 2026-04-06, when phase 2 began (output of key task 1.4); template: M3-Playbook-RAID-Log-Template.xlsx",
		"no Resource Management Plan (resource-management-plan) by 2026-04-06, when phase 2 began (output of key task 1.2); template: M3-Playbook-Resource-Management-Plan-Template.docx",
	}
	if !slices.Equal(outErrs, wantOut) {
		t.Errorf("M3-OUT-01 errors:\n  %s", strings.Join(outErrs, "\n  "))
	}
}

// m3Seeded are defects seeded into the compliant program, each judged by
// one M3 rule.
var m3Seeded = []seeded{
	// The PMP loses its procurement plan: the key task 3.1 list misses
	// "acquisition" (PMP-006 judges the same gap against seed 002).
	{rule: "M3-3.1-02", file: pmpDoc, also: []string{"PMP-006"}, seed: renamePlan("Procurement Management Plan")},
	// The IMS row of key task 4.11 is renamed past recognition.
	{rule: "M3-IMS-01", file: imsDoc, seed: editXlsx(imsDoc, testdocs.CellChange{Sheet: "Schedule Template", Cell: "B59", Value: "Data load rehearsal"})},
	// Cutover (key task 4.17, row 65) started with no Go decision on record.
	{rule: "M3-4.16-01", file: imsDoc, loc: document.Loc{Sheet: "Schedule Template", Row: 65},
		seed: editXlsx(imsDoc, testdocs.CellChange{Sheet: "Schedule Template", Cell: "G65", Value: mustDate("2026-11-02")})},
	// The provider PMO lead's sign-off on the RACI becomes an unnamed
	// deputy's. GEN-005 judges the same missing signature against the M3
	// RMP template's required signers (both Program Managers).
	{rule: "M3-3.1-03", file: raciDoc, also: []string{"GEN-005"}, seed: editXlsx(raciDoc,
		testdocs.CellChange{Sheet: "Approvals", Cell: "B4", Value: "Deputy"}, testdocs.CellChange{Sheet: "Approvals", Cell: "C4", Value: "Deputy"})},
}

func TestM3SeededDefects(t *testing.T) {
	t.Parallel()
	base := map[string]bool{}
	for _, f := range failing(m3Baseline(t)) {
		base[m3Key(f)] = true
	}
	for _, fx := range m3Seeded {
		t.Run(fx.rule, func(t *testing.T) {
			dir := copyProgram(t, fx.skip...)
			fx.seed(t, dir)
			var fresh []finding.Finding
			for _, f := range failing(runM3(t, dir)) {
				if !base[m3Key(f)] {
					fresh = append(fresh, f)
				}
			}
			judgeSeeded(t, fresh, fx)
		})
	}
}
