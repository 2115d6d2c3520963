package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/config"
	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
	"github.com/tollgate-dev/tollgate/internal/testdocs/harbor"
)

// checkMetrics runs the pipeline and returns, for one document, every
// SCHED-DCMA check with its status and metrics.
func checkMetrics(t *testing.T, dir, doc string, project map[string]any) (map[string]finding.Check, *finding.Result) {
	t.Helper()
	out, err := Run(context.Background(), Options{Engine: engine(t, project), Paths: []string{dir}, Jobs: 2, Limits: limits.Default()})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]finding.Check{}
	for _, c := range out.Checks {
		if filepath.Base(c.Path) == doc && strings.HasPrefix(c.Rule, "SCHED-DCMA-") {
			got[c.Rule] = c
		}
	}
	return got, out
}

func metric(m *finding.Metrics, f func(*finding.Metrics) *float64) string {
	if m == nil || f(m) == nil {
		return "-"
	}
	return fmt.Sprintf("%g", *f(m))
}

func dcmaTable(checks map[string]finding.Check) string {
	var ids []string
	for id := range checks {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var b strings.Builder
	for _, id := range ids {
		c := checks[id]
		fmt.Fprintf(&b, "%s %s %s/%s value=%s\n", id, c.Status,
			metric(c.Metrics, func(m *finding.Metrics) *float64 { return m.Numerator }),
			metric(c.Metrics, func(m *finding.Metrics) *float64 { return m.Denominator }),
			metric(c.Metrics, func(m *finding.Metrics) *float64 { return m.Value }))
	}
	return b.String()
}

// TestReferenceScheduleDCMA: the hand-built reference schedule
// (testdata/schedules/reference, README there) gives exactly the figures
// worked out by hand for each of the 14 DCMA checks.
func TestReferenceScheduleDCMA(t *testing.T) {
	t.Parallel()
	want := `SCHED-DCMA-01 fail 5/13 value=38.46
SCHED-DCMA-02 fail 1/17 value=1
SCHED-DCMA-03 fail 1/17 value=5.88
SCHED-DCMA-04 fail 14/17 value=82.35
SCHED-DCMA-05 fail 2/13 value=15.38
SCHED-DCMA-06 fail 1/13 value=7.69
SCHED-DCMA-07 fail 1/13 value=1
SCHED-DCMA-08 fail 1/12 value=8.33
SCHED-DCMA-09 fail 2/17 value=2
SCHED-DCMA-10 fail 1/12 value=8.33
SCHED-DCMA-11 fail 2/6 value=33.33
SCHED-DCMA-12 pass 600/600 value=1
SCHED-DCMA-13 pass 61/51 value=1.196
SCHED-DCMA-14 fail 4/6 value=0.667
`
	got, _ := checkMetrics(t, "../../testdata/schedules/reference", "reference.csv", map[string]any{"as_of": "2026-03-16"})
	if table := dcmaTable(got); table != want {
		t.Errorf("DCMA figures differ from the README's hand-worked table\n--- got ---\n%s--- want ---\n%s", table, want)
	}
}

// TestScheduleFormatsGiveTheSameFindings: the Harbor IMS as the GSA
// workbook, its CSV export and its MS Project XML gives the same checks,
// metrics and findings (rule, status, message), and the DCMA results the
// examples README predicts.
func TestScheduleFormatsGiveTheSameFindings(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if _, err := harbor.ScheduleFormats("../../testdata/corpus", dir, harbor.Options{}); err != nil {
		t.Fatal(err)
	}
	project := map[string]any{"as_of": "2026-11-16", "status_date": "2026-11-13"}
	out, err := Run(context.Background(), Options{Engine: engine(t, project), Paths: []string{dir}, Jobs: 2, Limits: limits.Default(),
		Config: statusDate("2026-11-13")})
	if err != nil {
		t.Fatal(err)
	}
	sameAcrossFormats(t, out, []string{"ims.xlsx", "ims.csv", "ims.xml"})
}

// The synthetic schedule of the benchmarks, 1,500 tasks with every link
// type, leads and lags, written as MS Project XML, CSV and an Excel
// export: the same schedule verdicts from each.
func TestSyntheticScheduleFormatsGiveTheSameFindings(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tasks, status := testdocs.SynthSchedule(1500, 5)
	if err := testdocs.WriteMSPDI(filepath.Join(dir, "ims.xml"), testdocs.SynthMSPDI(tasks, status)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ims.csv"), testdocs.SynthCSV(tasks, status), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := testdocs.SynthXLSX(filepath.Join(dir, "ims.xlsx"), tasks, status); err != nil {
		t.Fatal(err)
	}
	out, err := Run(context.Background(), Options{Engine: engine(t, map[string]any{"as_of": "2026-11-16"}), Paths: []string{dir}, Jobs: 2, Limits: limits.Default()})
	if err != nil {
		t.Fatal(err)
	}
	sameAcrossFormats(t, out, []string{"ims.xml", "ims.csv", "ims.xlsx"})
}

// sameAcrossFormats: the schedule checks (metric numerator/denominator)
// and findings of each named file are the same as the first's.
func sameAcrossFormats(t *testing.T, out *finding.Result, files []string) {
	t.Helper()
	summary := map[string][]string{}
	for _, c := range out.Checks {
		// MS Project XML always states each task's constraint type; the
		// workbooks have no such column, so only the XML can assess
		// DCMA-05. That is the one expected difference.
		if c.Path == "" || c.Rule == "SCHED-DCMA-05" || strings.HasPrefix(c.Rule, "GEN-") {
			continue
		}
		summary[c.Path] = append(summary[c.Path], fmt.Sprintf("check %s %s %s/%s", c.Rule, c.Status,
			metric(c.Metrics, func(m *finding.Metrics) *float64 { return m.Numerator }),
			metric(c.Metrics, func(m *finding.Metrics) *float64 { return m.Denominator })))
	}
	for _, f := range out.Findings {
		// GEN rules judge the document around the schedule (the
		// workbook's revision-history sheet), which exports do not carry.
		if f.Path == "" || strings.HasPrefix(f.Rule, "TG-") || f.Rule == "SCHED-DCMA-05" || strings.HasPrefix(f.Rule, "GEN-") {
			continue
		}
		summary[f.Path] = append(summary[f.Path], fmt.Sprintf("finding %s %s %s", f.Rule, f.Status, f.Message))
	}
	var base string
	for _, p := range files {
		lines := summary[p]
		sort.Strings(lines)
		got := strings.Join(lines, "\n")
		if len(lines) == 0 {
			t.Fatalf("%s: no checks", p)
		}
		if base == "" {
			base = got
			t.Logf("%s:\n%s", p, got)
			continue
		}
		if got != base {
			t.Errorf("%s differs from %s:\n%s", p, files[0], lineDiff(base, got))
		}
	}
}

func lineDiff(a, b string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	ma, mb := in(a), in(b)
	var out []string
	for l := range ma {
		if !mb[l] {
			out = append(out, "- "+l)
		}
	}
	for l := range mb {
		if !ma[l] {
			out = append(out, "+ "+l)
		}
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}

// TestHarborIMSMatchesTheREADME: the bundled example IMS (the GSA Master
// Schedule template filled in) yields the DCMA table its README predicts.
func TestHarborIMSMatchesTheREADME(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../../examples/harbor/README.md")
	if err != nil {
		t.Fatal(err)
	}
	project := harborProject(t)
	out, err := Run(context.Background(), Options{Engine: engine(t, project), Paths: []string{"../../examples/harbor"}, Jobs: 2,
		Limits: limits.Default(), Config: &config.Config{Project: config.Project{StatusDate: project["status_date"].(string)},
			Documents: config.Documents{Exclude: []string{"README.md"}}}})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range out.Checks {
		if c.Path != "Integrated-Master-Schedule.xlsx" || !strings.HasPrefix(c.Rule, "SCHED-DCMA-") {
			continue
		}
		n++
		row := "| " + c.Rule + " "
		at := strings.Index(string(readme), row)
		if at < 0 {
			t.Errorf("README has no row for %s", c.Rule)
			continue
		}
		line := string(readme[at:])
		line = line[:strings.Index(line, "\n")]
		if c.Status == finding.NotAssessable {
			if !strings.Contains(line, "not assessable") {
				t.Errorf("%s is not assessable, README says: %s", c.Rule, line)
			}
			continue
		}
		want := fmt.Sprintf("| %s/ %s |", metric(c.Metrics, func(m *finding.Metrics) *float64 { return m.Numerator })+" ",
			metric(c.Metrics, func(m *finding.Metrics) *float64 { return m.Denominator }))
		if !strings.Contains(line, want) || !strings.HasSuffix(line, "| "+string(c.Status)+" |") {
			t.Errorf("%s is %s %s; README says: %s", c.Rule, c.Status, want, line)
		}
	}
	if n != 14 {
		t.Errorf("%d DCMA checks, want 14", n)
	}
}
