package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/limits"
)

// integrityDefects is a schedule export in which every per-task integrity
// rule (SCHED-001, -003 … -006) has offenders: a shared ID (rows 2 and 3),
// a shared UID (3 and 4), a predecessor naming no task (99), dates out of
// order (planned, baseline, actual), a milestone with a duration, progress
// without an actual start, an actual finish below 100 %, 100 % without an
// actual finish, a linked summary row whose dates do not span its
// children, and a task without a baseline. (A blank name or a zero-duration
// task cannot come from an export: the normalizer drops the one and makes
// the other a milestone; internal/schedule's tests cover them.)
const integrityDefects = `Status Date,2026-03-13
ID,Unique ID,Outline Level,Task Name,Duration,Start,Finish,Baseline Start,Baseline Finish,Actual Start,Actual Finish,% Complete,Milestone?,Predecessors
1,1,1,Phase A,20 days,2026-02-02,2026-03-27,2026-02-02,2026-03-27,,,0%,No,6
2,2,2,Design,5 days,2026-03-02,2026-02-27,2026-02-23,2026-02-27,,,50%,No,
2,3,2,Build,10 days,2026-03-02,2026-03-13,,,2026-03-02,,20%,No,2
4,3,2,Review,3 days,2026-03-16,2026-03-18,2026-03-16,2026-03-18,2026-03-16,2026-03-18,40%,Yes,99
5,5,1,Wrap,4 days,2026-03-19,2026-03-24,2026-03-24,2026-03-19,2026-03-20,2026-03-19,100%,No,4
6,6,1,Close,2 days,2026-03-25,2026-03-26,2026-03-25,2026-03-26,2026-03-25,,100%,No,5
`

// TestScheduleIndexIntegrityOffenders: on a schedule where SCHED-001 and
// SCHED-003 … SCHED-006 all flag tasks, the index (whose facts those rules
// compose instead of scanning every task) gives exactly the findings and
// checks of the rules without it, and those findings are the ones expected.
func TestScheduleIndexIntegrityOffenders(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "defects.csv"), []byte(integrityDefects), 0o644); err != nil {
		t.Fatal(err)
	}
	eng := engine(t, map[string]any{"as_of": "2026-03-16"})
	out, err := Run(context.Background(), Options{Engine: eng, Paths: []string{dir}, Jobs: 1, Limits: limits.Default(), KeepArtifacts: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(artifactMaps(t, out)) != 1 || artifactMaps(t, out)[0]["kind"] != "schedule" {
		t.Fatalf("want one schedule artifact, got %d", len(artifactMaps(t, out)))
	}
	art := artifactMaps(t, out)[0]
	ix, _ := art["schedule"].(map[string]any)["index"].(map[string]any)
	facts, _ := ix["tasks"].(map[string]any)
	for _, fact := range []string{"duplicate_id", "duplicate_uid", "dangling_predecessor", "finish_before_start", "percent_positive", "summary", "no_baseline"} {
		if l, _ := facts[fact].([]any); len(l) == 0 {
			t.Errorf("the index has no tasks for %s: %v", fact, facts[fact])
		}
	}

	a, b, withFindings := withAndWithoutIndex(t, eng, art)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("the index changes the outcome\n with:    %v\n without: %v", a, b)
	}

	var got []string
	for _, f := range withFindings {
		if strings.HasPrefix(f.Rule, "SCHED-00") && f.Rule != "SCHED-008" {
			got = append(got, f.Rule+" "+string(f.Severity)+" "+f.Message)
		}
	}
	sort.Strings(got)
	want := []string{
		`SCHED-001 error 2 Build: ID 2 is also used by "2 Design" (row 4)`,
		`SCHED-001 error 4 Review: UID 3 is also used by "2 Build" (row 5); predecessor "99" matches no task`,
		`SCHED-003 error 2 Design: finish 2026-02-27 is before start 2026-03-02`,
		`SCHED-003 error 5 Wrap: baseline finish 2026-03-19 is before baseline start 2026-03-24; actual finish 2026-03-19 is before actual start 2026-03-20`,
		`SCHED-003 warning 4 Review: milestone has a duration of 3 days`,
		`SCHED-004 warning 2 Design: 50% complete but no actual start`,
		`SCHED-004 warning 4 Review: actual finish 2026-03-18 but only 40% complete`,
		`SCHED-004 warning 6 Close: 100% complete but no actual finish`,
		`SCHED-005 warning 1 Phase A: a summary row has predecessors or successors; start 2026-02-02 is not the earliest start of its children (2026-03-02); finish 2026-03-27 is not the latest finish of its children (2026-03-18)`,
		`SCHED-006 warning 1 of 5 detail tasks have no baseline start or finish (first: "2 Build")`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("integrity findings (SCHED-002 and -008 left out):\n got  %q\n want %q", got, want)
	}
}
