package finding

import "slices"

// Procedure verdicts (docs/architecture.md, "Statuses").
const (
	Satisfied     = "satisfied"
	NotSatisfied  = "not_satisfied"
	ProcWaived    = "waived"
	ProcNotAppl   = "not_applicable"
	NotEvaluated  = "not_evaluated"
	RuleNotLoaded = "not_loaded" // evidence status of a rule this run did not load
)

// Procedure is one clause of a procedure (a seed procedure activity, an M3
// exit criterion) and the rules whose results evidence it.
type Procedure struct {
	ID     string
	Title  string
	Source string
	// Pack: the clause belongs to a framework whose pack must be loaded for
	// it to apply (m3); "" applies to every run.
	Pack  string
	Rules []ProcedureRule
}

// ProcedureRule cites one rule; Scope narrows it to the checks and
// findings of one item the rule judges separately (an M3 exit criterion).
type ProcedureRule struct {
	ID    string
	Scope string
}

// ProcedureResult is a clause's verdict with its evidence.
type ProcedureResult struct {
	ID      string              `json:"id"`
	Title   string              `json:"title"`
	Source  string              `json:"source"`
	Verdict string              `json:"verdict"`
	Rules   []ProcedureEvidence `json:"rules"`
}

// ProcedureEvidence is what one cited rule showed: its combined check
// status (pass, fail, waived, not_assessable; not_applicable when it judged
// nothing here or the clause does not apply; not_loaded when the run did
// not load it) and the IDs of its findings.
type ProcedureEvidence struct {
	ID       string   `json:"id"`
	Scope    string   `json:"scope,omitempty"`
	Status   string   `json:"status"`
	Findings []string `json:"findings,omitempty"`
}

// EvaluateProcedures gives each clause its verdict from the decided result
// (waivers applied):
//   - not_applicable when the clause's pack is not loaded, or no cited rule
//     judged anything in this submission;
//   - not_satisfied when any cited rule failed (a fail finding, whatever its
//     severity: the clause is not evidenced);
//   - waived when none failed and some were waived;
//   - not_evaluated when none failed or was waived but some cited rule could
//     not judge (not_assessable) or was not loaded;
//   - satisfied when every cited rule that judged something passed.
func EvaluateProcedures(r *Result, procs []Procedure) []ProcedureResult {
	loaded := map[string]bool{}
	packs := map[string]bool{}
	for _, ru := range r.Rules {
		loaded[ru.ID] = true
		packs[ru.Pack] = true
	}
	out := make([]ProcedureResult, 0, len(procs))
	for _, p := range procs {
		pr := ProcedureResult{ID: p.ID, Title: p.Title, Source: p.Source}
		applies := p.Pack == "" || packs[p.Pack]
		for _, ref := range p.Rules {
			ev := ProcedureEvidence{ID: ref.ID, Scope: ref.Scope, Status: string(NotApplicable)}
			switch {
			case !applies:
			case !loaded[ref.ID]:
				ev.Status = RuleNotLoaded
			default:
				ev.Status, ev.Findings = evidence(r, ref)
			}
			pr.Rules = append(pr.Rules, ev)
		}
		pr.Verdict = verdict(applies, pr.Rules)
		out = append(out, pr)
	}
	return out
}

// evidence combines the checks of one cited rule and lists its findings.
func evidence(r *Result, ref ProcedureRule) (string, []string) {
	status := string(NotApplicable)
	rank := map[string]int{string(NotApplicable): 0, string(Pass): 1, string(NotAssessable): 2, string(Waived): 3, string(Fail): 4}
	for _, c := range r.Checks {
		if c.Rule != ref.ID || (ref.Scope != "" && c.Scope != ref.Scope) {
			continue
		}
		if s := string(c.Status); rank[s] > rank[status] {
			status = s
		}
	}
	var ids []string
	for _, f := range r.Findings {
		if f.Rule == ref.ID && (ref.Scope == "" || f.Scope == ref.Scope) {
			ids = append(ids, f.ID)
			// A finding without a check (a rule that reports only findings)
			// still counts.
			if s := string(f.Status); rank[s] > rank[status] {
				status = s
			}
		}
	}
	slices.Sort(ids)
	return status, slices.Compact(ids)
}

func verdict(applies bool, evs []ProcedureEvidence) string {
	if !applies {
		return ProcNotAppl
	}
	has := map[string]bool{}
	for _, e := range evs {
		has[e.Status] = true
	}
	switch {
	case has[string(Fail)]:
		return NotSatisfied
	case has[string(Waived)]:
		return ProcWaived
	case has[string(NotAssessable)] || has[RuleNotLoaded]:
		return NotEvaluated
	case has[string(Pass)]:
		return Satisfied
	}
	return ProcNotAppl
}
