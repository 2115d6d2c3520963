package policy

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/schedule"
	"github.com/tollgate-dev/tollgate/policies"
)

// TestScheduleIndexFactsMatchRego: every fact of the Go schedule index
// (internal/schedule.BuildIndex) equals the same fact as the Rego library
// computes it by scanning a schedule without an index
// (policies/lib/schedule_index.rego) — the path an artifact supplied as
// JSON/YAML takes. The schedules are random and full of odd rows (shared
// and blank IDs, dates that are no dates, reversed dates, unknown types,
// dangling links …), so that each definition meets its edge cases.
func TestScheduleIndexFactsMatchRego(t *testing.T) {
	t.Parallel()
	var mods []func(*rego.Rego)
	for _, name := range []string{"lib/lib.rego", "lib/schedule.rego", "lib/schedule_index.rego"} {
		src, err := fs.ReadFile(policies.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		mods = append(mods, rego.Module(name, string(src)))
	}
	// The facts are those the Go index names: a fact without a Rego twin
	// is a key missing from what Rego returns.
	const query = `x := {
		"counts": {"tasks": sched.task_count(input), "rels": sched.rel_count(input)},
		"tasks": {f: sort(sched.task_set(input, f)) | some f, _ in data.go.tasks},
		"rels": {f: sort(sched.rel_set(input, f)) | some f, _ in data.go.rels},
		"order": {m: sched.order(input, m) | some m, _ in data.go.order},
		"first_by_uid": sched.uid_position(input),
	}`
	for seed := range uint64(6) {
		s := randomSchedule(rand.New(rand.NewPCG(seed, 12)), 150+int(seed)*40)
		schedule.BuildIndex(s)
		goIx := jsonValue(t, s.Index)
		bare := *s
		bare.Index = nil
		opts := append([]func(*rego.Rego){
			rego.Query(query),
			rego.Imports([]string{"data.tollgate.lib.schedule as sched"}),
			rego.ParsedInput(ast.MustInterfaceToValue(jsonValue(t, &bare))),
		}, mods...)
		opts = append(opts, rego.Data(map[string]any{"go": goIx}))
		rs, err := rego.New(opts...).Eval(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) != 1 {
			t.Fatalf("seed %d: the query gave %d results", seed, len(rs))
		}
		fromRego := jsonValue(t, rs[0].Bindings["x"])
		if reflect.DeepEqual(goIx, fromRego) {
			continue
		}
		g, r := goIx.(map[string]any), fromRego.(map[string]any)
		for _, part := range []string{"counts", "tasks", "rels", "order", "first_by_uid"} {
			gp, _ := g[part].(map[string]any)
			rp, _ := r[part].(map[string]any)
			for k, gv := range gp {
				if !reflect.DeepEqual(gv, rp[k]) {
					t.Errorf("seed %d: %s.%s\n Go:   %v\n Rego: %v", seed, part, k, gv, rp[k])
				}
			}
			if len(gp) != len(rp) {
				t.Errorf("seed %d: %s: Go has %d entries, Rego %d", seed, part, len(gp), len(rp))
			}
		}
	}
}

// jsonValue is v as generic JSON.
func jsonValue(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// randomSchedule: n tasks and about as many relationships, each field
// drawn among normal and odd values.
func randomSchedule(r *rand.Rand, n int) *artifact.Schedule {
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	num := func(xs ...float64) *float64 {
		k := r.IntN(len(xs) + 1)
		if k == len(xs) {
			return nil
		}
		v := xs[k]
		return &v
	}
	date := func() *string {
		switch r.IntN(8) {
		case 0:
			return nil
		case 1:
			v := pick("6 March", "2026-3-9", "", "20260309")
			return &v
		}
		v := fmt.Sprintf("2026-%02d-%02d", 1+r.IntN(6), 1+r.IntN(28))
		if r.IntN(3) == 0 {
			v += "T08:00:00"
		}
		return &v
	}
	ref := func() string {
		switch r.IntN(6) {
		case 0:
			return "gone"
		case 1:
			return fmt.Sprintf("i%d", r.IntN(n))
		}
		return fmt.Sprintf("u%d", r.IntN(n))
	}
	links := func() []artifact.Link {
		var ls []artifact.Link
		for range r.IntN(3) {
			ls = append(ls, artifact.Link{Ref: ref(), Type: "FS", External: r.IntN(5) == 0})
		}
		return ls
	}
	s := &artifact.Schedule{}
	for i := range n {
		t := artifact.Task{
			UID: fmt.Sprintf("u%d", i), ID: fmt.Sprintf("i%d", i), Name: pick("Build", "Test", " ", ""),
			Type: pick("task", "task", "task", "milestone", "summary", "loe", ""), Progress: pick("not-started", "in-progress", "complete", ""),
			DurationDays: num(0, -1, 3, 5, 50), BaselineDurationDays: num(4, 60),
			Start: date(), Finish: date(), BaselineStart: date(), BaselineFinish: date(), ActualStart: date(), ActualFinish: date(),
			PercentComplete: num(0, 30, 100, 120), Predecessors: links(), Successors: links(),
			TotalFloatDays: num(-3, 0, 10, 10, 45, 80), FloatSource: pick("file", "computed", "none", ""),
		}
		switch r.IntN(6) {
		case 0:
			t.UID = fmt.Sprintf("u%d", r.IntN(n))
		case 1:
			t.ID = pick("i1", " ", "")
		case 2:
			t.UID = ""
		}
		if r.IntN(3) == 0 {
			t.Resources = []string{"Ann"}
		}
		switch r.IntN(4) {
		case 0:
			t.Constraint = &artifact.Constraint{Type: "MSO", Hard: true}
		case 1:
			t.Constraint = &artifact.Constraint{Type: "SNET"}
		}
		s.Tasks = append(s.Tasks, t)
	}
	for range n {
		s.Relationships = append(s.Relationships, artifact.Relationship{From: ref(), To: ref(),
			Type: pick("FS", "FS", "SS", "ff", "SF", "sf", ""), LagDays: []float64{-2, 0, 0, 3}[r.IntN(4)]})
	}
	s.Derived = &artifact.Derived{CriticalPath: []string{"u1", "u7", "gone"},
		CriticalPathTest: &artifact.CriticalPathTest{TaskUID: fmt.Sprintf("u%d", r.IntN(n))}}
	return s
}

// openEndsRules: a schedule rule added with no Go — "an open task has a
// successor" — written twice: ACME-SCHED-001 composes two schedule index
// facts, ACME-SCHED-002 scans every task the way a rule would without the
// index.
const openEndsRules = `# METADATA
# title: Open tasks have a successor (from the schedule index)
# custom:
#   id: ACME-SCHED-001
#   severity: warning
#   kinds: [schedule]
package tollgate.rules.acme.open_ends

import data.tollgate.lib.schedule as sched
import rego.v1

s := sched.payload(input)

offenders := sort(sched.task_set(s, "open") & sched.task_set(s, "no_successor"))

fail contains {"msg": sprintf("%d open tasks have no successor (first: %s)", [count(offenders), sched.label(s.tasks[offenders[0]])])} if count(offenders) > 0
`

const openEndsScanRules = `# METADATA
# title: Open tasks have a successor (scanning every task)
# custom:
#   id: ACME-SCHED-002
#   severity: warning
#   kinds: [schedule]
package tollgate.rules.acme.open_ends_scan

import data.tollgate.lib.schedule as sched
import rego.v1

s := sched.payload(input)

froms := {r.from | some r in s.relationships}

offenders := [t |
	some t in s.tasks
	t.type in {"task", "milestone"}
	t.progress != "complete"
	not t.uid in froms
	count(sched.list(t, "successors")) == 0
]

fail contains {"msg": sprintf("%d open tasks have no successor (first: %s)", [count(offenders), sched.label(offenders[0])])} if count(offenders) > 0
`

// TestNewScheduleRuleUsesTheIndex: a schedule rule loaded from a policy
// directory, with no Go written for it, reads the schedule index. On a
// generated 3,000-task schedule it finds what the scanning version of the
// same rule finds; and it is the index it reads: with an index that
// deliberately leaves out the first open end, the indexed rule reports one
// open end fewer (and another first one) while the scanning rule does not
// change.
func TestNewScheduleRuleUsesTheIndex(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writePolicy(t, dir, "open_ends.rego", openEndsRules)
	writePolicy(t, dir, "open_ends_scan.rego", openEndsScanRules)
	e := compile(t, Options{Packs: []string{"xdoc"}, PolicyDirs: []string{dir}})

	// A chain of tasks; every 97th one ends its chain (no successor), and
	// every 5th of those is complete (not an open end).
	const n = 3000
	s := &artifact.Schedule{}
	for i := range n {
		t := artifact.Task{UID: fmt.Sprint(i + 1), ID: fmt.Sprint(i + 1), Name: fmt.Sprintf("Task %d", i+1), Type: "task", Progress: "not-started"}
		if i%(97*5) == 96 {
			t.Progress = "complete"
		}
		s.Tasks = append(s.Tasks, t)
		if i%97 != 96 && i+1 < n {
			s.Relationships = append(s.Relationships, artifact.Relationship{From: t.UID, To: fmt.Sprint(i + 2), Type: "FS"})
		}
	}
	schedule.BuildIndex(s)
	a := &artifact.Artifact{Kind: "schedule", Source: artifact.Source{Path: "ims.xml"}, Schedule: s}

	messages := func() map[string]string {
		t.Helper()
		in, err := NewInput(a)
		if err != nil {
			t.Fatal(err)
		}
		out, err := e.Eval(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		for _, f := range out.Findings {
			m[f.Rule] = f.Message
		}
		return m
	}
	got := messages()
	// 30 chains end at tasks 97, 194, …, 2910, plus the last task; 97 is
	// the first and complete (as is each fifth end), 194 the first open one.
	want := "25 open tasks have no successor (first: 194 Task 194)"
	if got["ACME-SCHED-001"] != want || got["ACME-SCHED-002"] != want {
		t.Fatalf("indexed rule: %q\nscanning rule: %q\nwant both %q", got["ACME-SCHED-001"], got["ACME-SCHED-002"], want)
	}

	ends := s.Index.Tasks["no_successor"]
	if len(ends) == 0 || ends[0] != 96 {
		t.Fatalf("the index's open ends start at %v, want task 97 (position 96) first", ends)
	}
	s.Index.Tasks["no_successor"] = ends[2:] // without 97 (complete) and 194
	got = messages()
	if w := "24 open tasks have no successor (first: 291 Task 291)"; got["ACME-SCHED-001"] != w {
		t.Errorf("with an index leaving out task 194 the indexed rule says %q, want %q", got["ACME-SCHED-001"], w)
	}
	if got["ACME-SCHED-002"] != want {
		t.Errorf("the scanning rule changed with the index: %q", got["ACME-SCHED-002"])
	}
}
