package policy

import (
	"context"
	"encoding/json"
	"github.com/open-policy-agent/opa/v1/profiler"
	"github.com/open-policy-agent/opa/v1/rego"
	"os"
	"sort"
	"strings"
	"testing"
	"time"
)

func TestAdhocRuleTimes(t *testing.T) {
	p := os.Getenv("ART_FILE")
	if p == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(p)
	var m map[string]any
	json.Unmarshal(b, &m)
	eng, err := Compile(context.Background(), Options{Project: map[string]any{"as_of": "2026-09-08"}})
	if err != nil {
		t.Fatal(err)
	}
	in, _ := eng.Prepare(m)
	type rt struct {
		id string
		d  time.Duration
	}
	var out []rt
	var tot time.Duration
	for _, r := range eng.documentRules(in.kind) {
		t0 := time.Now()
		r.eval(context.Background(), in.value)
		d := time.Since(t0)
		tot += d
		out = append(out, rt{r.meta.ID, d})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].d > out[j].d })
	for _, r := range out[:15] {
		t.Logf("%-16s %v", r.id, r.d)
	}
	t.Logf("total %v", tot)
}

func TestAdhocRuleProfile(t *testing.T) {
	p := os.Getenv("ART_FILE")
	ids := os.Getenv("RULES")
	if p == "" || ids == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(p)
	var m map[string]any
	json.Unmarshal(b, &m)
	eng, err := Compile(context.Background(), Options{Packs: []string{"core", "schedule", "xdoc"}, Project: map[string]any{"as_of": "2026-09-08"}})
	if err != nil {
		t.Fatal(err)
	}
	in, _ := eng.Prepare(m)
	for _, r := range eng.documentRules(in.kind) {
		if !strings.Contains(ids, r.meta.ID) {
			continue
		}
		prof := profiler.New()
		r.query.Eval(context.Background(), rego.EvalParsedInput(in.value), rego.EvalQueryTracer(prof))
		for _, st := range prof.ReportTopNResults(8, []string{"total_time_ns"}) {
			t.Logf("%s %s:%d %v n=%d %s", r.meta.ID, st.Location.File, st.Location.Row, time.Duration(st.ExprTimeNs), st.NumEval, strings.Split(string(st.Location.Text), "\n")[0])
		}
	}
}
