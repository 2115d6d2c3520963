package policy

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/policies"
)

// procedureFile is policies/procedures.yaml.
type procedureFile struct {
	Procedures []struct {
		ID     string   `yaml:"id"`
		Title  string   `yaml:"title"`
		Source string   `yaml:"source"`
		Pack   string   `yaml:"pack"`
		Rules  []string `yaml:"rules"`
	} `yaml:"procedures"`
	M3ExitCriteria struct {
		Pack  string   `yaml:"pack"`
		Rules []string `yaml:"rules"`
	} `yaml:"m3_exit_criteria"`
}

// m3Phases is the part of m3.json the exit-criteria clauses are made from.
type m3Phases struct {
	Phases []struct {
		Phase    int    `json:"phase"`
		Name     string `json:"name"`
		Source   string `json:"source"`
		Evidence []struct {
			Criterion string   `json:"criterion"`
			Rules     []string `json:"rules"`
		} `json:"exit_criteria_evidence"`
	} `json:"phases"`
}

// Procedures returns the built-in procedure clauses: those listed in
// policies/procedures.yaml, then one per M3 exit criterion generated from
// m3.json (so the criteria are never copied by hand). A criterion's clause
// cites M3-GATE-01 scoped to that criterion — the scope is the one the rule
// gives its check, "phase N exit: <criterion>" — and the rules its evidence
// mapping names.
func Procedures() ([]finding.Procedure, error) {
	b, err := fs.ReadFile(policies.FS, "procedures.yaml")
	if err != nil {
		return nil, fmt.Errorf("read built-in procedures: %w", err)
	}
	var pf procedureFile
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(&pf); err != nil {
		return nil, fmt.Errorf("policies/procedures.yaml: %w", err)
	}
	var out []finding.Procedure
	seen := map[string]bool{}
	add := func(p finding.Procedure) error {
		if p.ID == "" || p.Title == "" || p.Source == "" || len(p.Rules) == 0 {
			return fmt.Errorf("policies/procedures.yaml: procedure %q needs id, title, source and rules", p.ID)
		}
		if seen[p.ID] {
			return fmt.Errorf("policies/procedures.yaml: procedure id %s is used twice", p.ID)
		}
		seen[p.ID] = true
		out = append(out, p)
		return nil
	}
	for _, p := range pf.Procedures {
		fp := finding.Procedure{ID: p.ID, Title: p.Title, Source: p.Source, Pack: p.Pack}
		for _, r := range p.Rules {
			fp.Rules = append(fp.Rules, finding.ProcedureRule{ID: r})
		}
		if err := add(fp); err != nil {
			return nil, err
		}
	}

	mb, err := fs.ReadFile(policies.FS, "data/m3.json")
	if err != nil {
		return nil, fmt.Errorf("read built-in M3 data: %w", err)
	}
	var m3 m3Phases
	if err := json.Unmarshal(mb, &m3); err != nil {
		return nil, fmt.Errorf("policies/data/m3.json: %w", err)
	}
	gen := pf.M3ExitCriteria
	for _, ph := range m3.Phases {
		for i, ev := range ph.Evidence {
			scope := fmt.Sprintf("phase %d exit: %s", ph.Phase, ev.Criterion)
			p := finding.Procedure{
				ID:     fmt.Sprintf("M3-EXIT-%d.%d", ph.Phase, i+1),
				Title:  ev.Criterion,
				Source: fmt.Sprintf("M3 phase %d (%s) exit criteria, %s; evidence per RULES.md §14", ph.Phase, ph.Name, ph.Source),
				Pack:   gen.Pack,
			}
			for _, r := range gen.Rules {
				p.Rules = append(p.Rules, finding.ProcedureRule{ID: r, Scope: scope})
			}
			for _, r := range ev.Rules {
				p.Rules = append(p.Rules, finding.ProcedureRule{ID: r})
			}
			if err := add(p); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}
