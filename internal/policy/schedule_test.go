package policy

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/hangguard"
)

// scheduleArtifact: three open tasks, 1 → 2 linked finish-to-start, 3
// unlinked; every task is an open end of the network.
func scheduleArtifact() map[string]any {
	task := func(uid string, row int) map[string]any {
		return map[string]any{"uid": uid, "id": uid, "name": "Task " + uid, "type": "task", "progress": "not-started",
			"predecessors": []any{}, "successors": []any{}, "resources": []any{}, "loc": map[string]any{"sheet": "IMS", "row": row}}
	}
	return map[string]any{
		"kind": "schedule", "source": map[string]any{"path": "IMS.xlsx"}, "fields_found": []any{"schedule.tasks"},
		"schedule": map[string]any{
			"status_date": "2024-06-07",
			"columns":     map[string]any{"predecessors": "Predecessors", "total_float": nil},
			"tasks":       []any{task("1", 2), task("2", 3), task("3", 4)},
			"relationships": []any{
				map[string]any{"from": "1", "to": "2", "type": "FS", "lag_days": 0},
			},
			"derived": nil,
		},
	}
}

// A DCMA check reports its metric whether it passes or fails, and a failing
// one lists the offending rows as related locations.
func TestScheduleMetricsOnChecks(t *testing.T) {
	e := compile(t, Options{Packs: []string{"schedule"}})
	out, err := e.EvalMap(context.Background(), scheduleArtifact())
	if err != nil {
		t.Fatal(err)
	}
	checks := map[string]finding.Check{}
	for _, c := range out.Checks {
		checks[c.Rule] = c
	}
	num := func(m *finding.Metrics) string {
		if m == nil {
			return "nil"
		}
		f := func(p *float64) string {
			if p == nil {
				return "-"
			}
			return fmt.Sprint(*p)
		}
		return fmt.Sprintf("%s %s/%s thr %s", f(m.Value), f(m.Numerator), f(m.Denominator), f(m.Threshold))
	}
	if c := checks["SCHED-DCMA-01"]; c.Status != finding.Fail || num(c.Metrics) != "100 3/3 thr 5" {
		t.Errorf("DCMA-01 check = %s %s", c.Status, num(c.Metrics))
	}
	if c := checks["SCHED-DCMA-03"]; c.Status != finding.Pass || num(c.Metrics) != "0 0/1 thr 5" {
		t.Errorf("DCMA-03 check = %s %s", c.Status, num(c.Metrics))
	}
	if c := checks["SCHED-DCMA-06"]; c.Status != finding.NotAssessable || c.Metrics != nil {
		t.Errorf("DCMA-06 check = %s %s", c.Status, num(c.Metrics))
	}
	if c := checks["SCHED-007"]; c.Status != finding.Pass || c.Metrics != nil {
		t.Errorf("SCHED-007 check = %s %s", c.Status, num(c.Metrics))
	}
	for _, f := range out.Findings {
		if f.Rule != "SCHED-DCMA-01" {
			continue
		}
		if f.Severity != finding.Warning || f.Location.Row != 2 || f.Location.Path != "IMS.xlsx" || len(f.Related) != 3 || f.Related[2].Row != 4 ||
			num(f.Metrics) != "100 3/3 thr 5" {
			t.Errorf("DCMA-01 finding = %+v", f)
		}
		if f.Message != `3 of 3 open tasks (100%) lack a predecessor or a successor (first: "1 Task 1"); threshold 5%` {
			t.Errorf("DCMA-01 message = %q", f.Message)
		}
	}
}

// The pack stays fast on a schedule of realistic size: every helper that
// groups tasks must not be quadratic enough to hit the evaluation deadline.
func TestSchedulePackOnLargeSchedule(t *testing.T) {
	art := bigSchedule(3000)
	e := compile(t, Options{Packs: []string{"schedule"}})
	start := time.Now()
	out, err := e.EvalMap(context.Background(), art)
	if err != nil {
		t.Fatal(err)
	}
	el := time.Since(start)
	if len(out.Checks) != 22 {
		t.Errorf("%d checks", len(out.Checks))
	}
	// A few seconds of CPU, most of it SCHED-002 finding loops itself (no
	// critical-path pass result in this artifact); a quadratic helper
	// elsewhere would multiply that.
	hangguard.Check(t, "schedule pack on 3,000 tasks", el, 50*time.Second)
}

// bigSchedule: a chain of n five-day tasks, each with a resource and a
// baseline.
func bigSchedule(n int) map[string]any {
	tasks := make([]any, 0, n)
	rels := make([]any, 0, n)
	for i := 1; i <= n; i++ {
		uid := fmt.Sprint(i)
		tasks = append(tasks, map[string]any{"uid": uid, "id": uid, "name": "Task " + uid, "type": "task", "progress": "not-started",
			"start": "2024-06-10", "finish": "2024-06-14", "duration_days": 5, "percent_complete": 0,
			"baseline_start": "2024-06-10", "baseline_finish": "2024-06-14",
			"predecessors": []any{}, "successors": []any{}, "resources": []any{"PM"}, "parent_uid": "0",
			"total_float_days": 0, "float_source": "file", "loc": map[string]any{"row": i + 1}})
		if i > 1 {
			rels = append(rels, map[string]any{"from": fmt.Sprint(i - 1), "to": uid, "type": "FS", "lag_days": 0})
		}
	}
	return map[string]any{"kind": "schedule", "source": map[string]any{"path": "big.xlsx"}, "fields_found": []any{"schedule.tasks"},
		"schedule": map[string]any{"status_date": "2024-06-07", "columns": map[string]any{"predecessors": "Predecessors", "resources": "Resources"},
			"tasks": tasks, "relationships": rels}}
}

// Artifacts given as is (YAML) can hold anything: nulls and wrong types
// must leave the rules undefined or not assessable, never abort them with a
// strict built-in error.
func TestSchedulePackOnMalformedArtifact(t *testing.T) {
	const js = `{"kind": "schedule", "source": {"path": "odd.yaml"}, "fields_found": null,
	  "schedule": {"status_date": "2024-02-30", "columns": null,
	    "tasks": [null, 7,
	      {"uid": null, "id": null, "name": null, "type": null, "progress": null, "predecessors": null, "successors": null,
	       "resources": null, "constraint": null, "loc": null, "total_float_days": "x", "duration_days": "x", "percent_complete": "x",
	       "start": 5, "finish": "2024-13-45", "baseline_finish": true},
	      {"uid": 5, "id": 5, "name": 5, "type": "summary", "parent_uid": 5, "predecessors": [null, {"ref": null}, 3],
	       "successors": {"a": 1}, "resources": "PM", "constraint": {"hard": "yes", "type": 4}, "loc": "row 3",
	       "start": "2024-06-01", "finish": "2024-05-01", "percent_complete": 150, "actual_finish": "2024-06-01"}],
	    "relationships": [null, {"from": null, "to": 3, "type": null, "lag_days": "x"}, {"from": "5", "to": "5", "type": 1, "lag_days": -1}],
	    "derived": {"cpm_computed": true, "cycles": [null, ["a"], []], "critical_path": null, "critical_path_length_days": "x",
	      "project_total_float_days": null, "critical_path_test": {"pass": false, "delay_days": "x", "task_uid": null}}}}`
	var art map[string]any
	if err := json.Unmarshal([]byte(js), &art); err != nil {
		t.Fatal(err)
	}
	e := compile(t, Options{Packs: []string{"schedule"}, Project: map[string]any{"as_of": "2024-06-10", "framework": "m3"}})
	out, err := e.EvalMap(context.Background(), art)
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Checks) != 22 {
		t.Errorf("%d checks: %+v", len(out.Checks), out.Checks)
	}
}
