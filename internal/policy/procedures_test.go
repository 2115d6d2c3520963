package policy

import (
	"context"
	"encoding/json"
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/policies"
)

// Every rule a procedure cites is in RULES.md's catalog (catalogIDs), so a
// typo never makes a clause silently "not_evaluated"; the rules this
// release loads are all citable.
func TestProceduresCiteKnownRules(t *testing.T) {
	procs, err := Procedures()
	if err != nil {
		t.Fatal(err)
	}
	loaded := map[string]bool{}
	for _, r := range compile(t, Options{}).Rules() {
		loaded[r.ID] = true
	}
	for _, p := range procs {
		for _, r := range p.Rules {
			if !slices.Contains(catalogIDs, r.ID) && !loaded[r.ID] {
				t.Errorf("procedure %s cites %s, which is neither a loaded rule nor in RULES.md", p.ID, r.ID)
			}
		}
	}
}

// The M3 exit-criteria clauses are generated from m3.json, one per
// criterion, and cite M3-GATE-01 with the scope the rule gives that
// criterion's check.
func TestM3ExitCriteriaClausesMatchGateChecks(t *testing.T) {
	procs, err := Procedures()
	if err != nil {
		t.Fatal(err)
	}
	b, err := fs.ReadFile(policies.FS, "data/m3.json")
	if err != nil {
		t.Fatal(err)
	}
	var m3 m3Phases
	if err := json.Unmarshal(b, &m3); err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, ph := range m3.Phases {
		want += len(ph.Evidence)
	}
	scopes := map[string]bool{}
	got := 0
	for _, p := range procs {
		if !strings.HasPrefix(p.ID, "M3-EXIT-") {
			continue
		}
		got++
		if p.Pack != "m3" || p.Rules[0].ID != "M3-GATE-01" || p.Rules[0].Scope == "" {
			t.Errorf("%s: %+v", p.ID, p)
		}
		scopes[p.Rules[0].Scope] = true
	}
	if got != want || want == 0 {
		t.Errorf("%d exit-criteria clauses, m3.json has %d criteria", got, want)
	}
	// M3-GATE-01 on a program whose phases 1–5 have all begun judges every
	// criterion: each check's scope is one a clause cites.
	windows := []any{}
	for p := 1; p <= 5; p++ {
		windows = append(windows, map[string]any{"phase": p, "start": "2020-01-0" + string(rune('0'+p)), "end": "2020-01-0" + string(rune('0'+p))})
	}
	e := compile(t, Options{Packs: []string{"m3"}, Project: map[string]any{"as_of": "2026-01-01", "phase_windows": windows}})
	out, err := e.EvalProjectMaps(context.Background(), []map[string]any{{"kind": "charter", "source": map[string]any{"path": "C.docx"}}})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range out.Checks {
		if c.Rule != "M3-GATE-01" {
			continue
		}
		n++
		if !scopes[c.Scope] {
			t.Errorf("M3-GATE-01 check scope %q is cited by no procedure", c.Scope)
		}
	}
	if n != want {
		t.Errorf("M3-GATE-01 made %d scoped checks, want %d", n, want)
	}
}
