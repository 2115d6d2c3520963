package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
	"github.com/tollgate-dev/tollgate/internal/testdocs/harbor"
)

// The schedule pack's seeded defects on the Harbor IMS (the GSA M3 Master
// Schedule template filled in; its MS Project XML export for the rules
// that need constraint types, which the workbook has no column for). The
// compliant IMS passes every SCHED rule (examples/harbor/README.md's DCMA
// table); each defect below makes exactly its rule fail. Sheet rows are
// the task ID + 1 (row 56 is task 55).

const imsSheet = "Schedule Template"

func imsCells(kv ...any) func(*testing.T, string) {
	var cs []testdocs.CellChange
	for i := 0; i+1 < len(kv); i += 2 {
		cs = append(cs, testdocs.CellChange{Sheet: imsSheet, Cell: kv[i].(string), Value: kv[i+1]})
	}
	return editXlsx(imsDoc, cs...)
}

func imsRow(row int) document.Loc { return document.Loc{Sheet: imsSheet, Row: row} }

// runProject checks dir with the Harbor configuration changed by edit.
func runProject(t *testing.T, dir string, edit func(map[string]any)) *finding.Result {
	t.Helper()
	project := harborProject(t)
	edit(project)
	sd, _ := project["status_date"].(string)
	out, err := Run(context.Background(), Options{Engine: engine(t, project), Paths: []string{dir}, Jobs: 2, Limits: limits.Default(),
		Config: statusDate(sd)})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

var scheduleFixtures = []struct {
	seeded
	project func(map[string]any) // a configuration change instead of a document edit
}{
	// Task 69 also names a predecessor "99" the IMS does not have.
	{seeded: seeded{rule: "SCHED-001", file: imsDoc, loc: imsRow(70), seed: imsCells("I70", "62,63,64,65,66,99")}},
	// Design Target State Processes (51) now also waits for its own
	// successor, Define Roles and User Access (54).
	{seeded: seeded{rule: "SCHED-002", file: imsDoc, seed: imsCells("I52", "48,54")}},
	// Define Roles and User Access finishes before it starts.
	{seeded: seeded{rule: "SCHED-003", file: imsDoc, loc: imsRow(55), seed: imsCells("F55", mustDate("2026-12-01"))}},
	// … or is 25 % done without having started.
	{seeded: seeded{rule: "SCHED-004", file: imsDoc, loc: imsRow(55), seed: imsCells("D55", 0.25)}},
	// The Migration summary row gets a predecessor.
	{seeded: seeded{rule: "SCHED-005", file: imsDoc, loc: imsRow(48), seed: imsCells("I48", "46")}},
	// One task loses its baseline dates.
	{seeded: seeded{rule: "SCHED-006", file: imsDoc, seed: imsCells("L55", "", "M55", "")}},
	// No status date in the configuration (the workbook has none).
	{seeded: seeded{rule: "SCHED-007", file: imsDoc}, project: func(p map[string]any) { delete(p, "status_date") }},
	// The same IMS checked on November 25: its status date is 12 days old.
	{seeded: seeded{rule: "SCHED-008", file: imsDoc}, project: func(p map[string]any) { p["as_of"] = "2026-11-25" }},
	// The finish milestone (77) keeps only one of the three chains ending
	// the program: tasks 74 and 75 (2 of 26 open, 7.7 %) lose their successor.
	{seeded: seeded{rule: "SCHED-DCMA-01", file: imsDoc, seed: imsCells("I78", "76")}},
	// A two-day lead into the finish milestone.
	{seeded: seeded{rule: "SCHED-DCMA-02", file: imsDoc, loc: imsRow(78), seed: imsCells("I78", "74,75,76FS-2 days")}},
	// Six two-day lags (6 of 112 relationships, 5.4 %).
	{seeded: seeded{rule: "SCHED-DCMA-03", file: imsDoc, seed: imsCells("I78", "74FS+2 days,75FS+2 days,76FS+2 days",
		"I75", "71FS+2 days", "I76", "72FS+2 days", "I77", "73FS+2 days")}},
	// One start-to-finish link more: Define Roles and User Access (54) may
	// not finish before Design Target State Organization (52) starts.
	{seeded: seeded{rule: "SCHED-DCMA-04", file: imsDoc, loc: imsRow(55), seed: imsCells("I55", "51,52SF")}},
	// Conduct Security and Privacy Reviews (53) no longer drives
	// Design and Develop Interfaces (56): its float runs to the program's
	// end (2 of 26 open tasks with high float, with Mock Conversion 3).
	{seeded: seeded{rule: "SCHED-DCMA-06", file: imsDoc, seed: imsCells("I57", "52")}},
	// Two tasks of the chain with float stretched to 45 days (2 of 23).
	{seeded: seeded{rule: "SCHED-DCMA-08", file: imsDoc, seed: imsCells("C54", "45 days", "C57", "45 days")}},
	// Configure Systems (55) records an actual start after the status date.
	{seeded: seeded{rule: "SCHED-DCMA-09", file: imsDoc, loc: imsRow(56), seed: imsCells("G56", mustDate("2026-11-20"))}},
	// Design and Develop Interfaces (56) has no resource.
	{seeded: seeded{rule: "SCHED-DCMA-10", file: imsDoc, seed: imsCells("K57", "")}},
	// Three phase 4 tasks finished four days after their baseline finish
	// (3 of 44, 6.8 %).
	{seeded: seeded{rule: "SCHED-DCMA-11", file: imsDoc, seed: imsCells("H49", mustDate("2026-10-23"), "H50", mustDate("2026-10-23"), "H51", mustDate("2026-10-23"))}},
	// Conduct Continuous Process Improvement (74, critical) takes 75 days
	// instead of 40: the finish slips past the baseline.
	{seeded: seeded{rule: "SCHED-DCMA-13", file: imsDoc, seed: imsCells("C75", "75 days")}},
	// Three tasks due by the status date are half done (BEI 41/44); a task
	// due and not finished is also a missed task (DCMA-11 judges it from
	// the other side).
	{seeded: seeded{rule: "SCHED-DCMA-14", file: imsDoc, also: []string{"SCHED-DCMA-11"}, seed: imsCells(
		"D49", 0.5, "D50", 0.5, "D51", 0.5, "H49", "", "H50", "", "H51", "",
		"F49", mustDate("2026-11-20"), "F50", mustDate("2026-11-20"), "F51", mustDate("2026-11-20"))}},
	// The IMS row of the charter's "Mock Conversion 3 complete" milestone is
	// renamed past recognition: the charter milestone is not in the IMS.
	{seeded: seeded{rule: "XDOC-004", file: charterDoc, seed: imsCells("B66", "Data load rehearsal signed off")}},
}

func TestScheduleSeededDefects(t *testing.T) {
	t.Parallel()
	base := baselineKeys(t)
	for _, fx := range scheduleFixtures {
		t.Run(fx.rule, func(t *testing.T) {
			for k := range base {
				if strings.HasPrefix(k, fx.rule+" ") {
					t.Fatalf("the compliant program already fails %s: %s", fx.rule, k)
				}
			}
			run := func(dir string) *finding.Result { return runDir(t, dir) }
			if fx.project != nil {
				run = func(dir string) *finding.Result { return runProject(t, dir, fx.project) }
			}
			checkSeededWith(t, base, copyProgram(t), fx.seeded, run)
			fixturePassed(t, fx.rule)
		})
	}
}

// --- the MS Project XML export ------------------------------------------------

const imsXML = "ims.xml"

// writeIMSXML writes the compliant Harbor IMS as MS Project XML alone.
func writeIMSXML(t *testing.T) string {
	t.Helper()
	all, dir := t.TempDir(), t.TempDir()
	if _, err := harbor.ScheduleFormats(testdocs.CorpusDir(), all, harbor.Options{}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(all, imsXML))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, imsXML), b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// constrain gives tasks (by UID) a constraint: MS Project's type number
// (2 MSO, 3 MFO, 5 SNLT, 7 FNLT) and date.
func constrain(kind int, date string, uids ...int) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		t.Helper()
		p := filepath.Join(dir, imsXML)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		for _, uid := range uids {
			at := strings.Index(s, fmt.Sprintf("<Task>\n      <UID>%d</UID>", uid))
			if at < 0 {
				t.Fatalf("no task UID %d in %s", uid, imsXML)
			}
			end := strings.Index(s[at:], "</Task>") + at
			old := "<ConstraintType>0</ConstraintType>"
			i := strings.Index(s[at:end], old)
			if i < 0 {
				t.Fatalf("task UID %d has no ASAP constraint", uid)
			}
			i += at
			s = s[:i] + fmt.Sprintf("<ConstraintType>%d</ConstraintType><ConstraintDate>%sT08:00:00</ConstraintDate>", kind, date) + s[i+len(old):]
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestScheduleXMLSeededDefects: the rules that read constraint types, on
// the IMS's MS Project XML export.
func TestScheduleXMLSeededDefects(t *testing.T) {
	t.Parallel()
	out := runDir(t, writeIMSXML(t))
	base := map[string]bool{}
	for _, f := range failing(out) {
		base[key(f)] = true
	}
	for _, fx := range []seeded{
		// Two tasks of the chain with float must start no later than
		// their planned dates (2 of 26 open tasks, 7.7 %).
		{rule: "SCHED-DCMA-05", file: imsXML, seed: func(t *testing.T, dir string) {
			constrain(5, "2027-01-28", 59)(t, dir)
			constrain(5, "2027-03-19", 62)(t, dir)
		}},
		// The program must finish by December 10, 2027, a week before
		// its forecast: the critical path has negative float.
		{rule: "SCHED-DCMA-07", file: imsXML, seed: constrain(7, "2027-12-10", 77)},
		// Design and Develop Reports (57, on the critical path) must start
		// on January 28, 2027: delaying the critical task before it no
		// longer moves the finish. (One hard constraint of 26 open tasks is
		// under DCMA-05's 5 %.)
		{rule: "SCHED-DCMA-12", file: imsXML, seed: constrain(2, "2027-01-28", 57)},
	} {
		t.Run(fx.rule, func(t *testing.T) {
			for k := range base {
				if strings.HasPrefix(k, fx.rule+" ") {
					t.Fatalf("the compliant IMS already fails %s: %s", fx.rule, k)
				}
			}
			checkSeeded(t, base, writeIMSXML(t), fx)
			fixturePassed(t, fx.rule)
		})
	}
}
