package report

import (
	"cmp"
	"path"
	"slices"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/finding"
)

// Helpers the formats share. Every format renders from the one
// finding.Result; these only look things up in it, so no format can
// disagree with another about what a finding, rule or verdict is.

// ruleIndex maps rule IDs to the rules of the result's catalog.
func ruleIndex(r *finding.Result) map[string]finding.Rule {
	m := make(map[string]finding.Rule, len(r.Rules))
	for _, ru := range r.Rules {
		m[ru.ID] = ru
	}
	for _, f := range r.Findings {
		if _, ok := m[f.Rule]; !ok {
			if tr, ok := finding.ToolRules[f.Rule]; ok {
				m[f.Rule] = tr
			} else {
				m[f.Rule] = finding.Rule{ID: f.Rule, Title: f.Title, Severity: f.Severity,
					Remediation: f.Remediation, Source: f.Source}
			}
		}
	}
	return m
}

// usedRules lists the rules that have a check or a finding in the result,
// sorted by ID (the rules a report about this run talks about).
func usedRules(r *finding.Result) []finding.Rule {
	idx := ruleIndex(r)
	seen := map[string]bool{}
	for _, c := range r.Checks {
		seen[c.Rule] = true
	}
	for _, f := range r.Findings {
		seen[f.Rule] = true
	}
	out := make([]finding.Rule, 0, len(seen))
	for id := range seen {
		out = append(out, idx[id])
	}
	slices.SortFunc(out, func(a, b finding.Rule) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// where is a finding's location without its path: "Schedule!F42",
// "3.2 Scope › table 2, row 4", "" when the finding has none.
func where(l document.Loc) string {
	l.Path = ""
	return l.String()
}

// fullWhere is the location a reviewer reads, path first:
// "IMS.xlsx › Schedule!F42"; "submission" for submission-level findings.
func fullWhere(f finding.Finding) string {
	l := f.Location
	l.Path = f.Path
	if s := l.String(); s != "" {
		return s
	}
	return "submission"
}

// docLabel names a finding's document ("submission" for project rules).
func docLabel(p string) string {
	if p == "" {
		return "submission"
	}
	return p
}

// findingLabel is the one word for a finding's state: its severity while
// it fails, else waived / not assessable.
func findingLabel(f finding.Finding) string {
	switch f.Status {
	case finding.Waived:
		return "waived"
	case finding.NotAssessable:
		return "not assessable"
	}
	return string(f.Severity)
}

// failing reports whether a finding counts against the run (not waived,
// not "could not assess").
func failing(f finding.Finding) bool { return f.Status == finding.Fail }

// docGroup is one document's findings, in result order.
type docGroup struct {
	Path     string
	Doc      *finding.Document // nil for the submission and unknown paths
	Findings []finding.Finding
}

// groupByDocument groups findings by document in document order, then the
// submission, then any path that is not a document of the run. With all,
// documents without findings are listed too.
func groupByDocument(r *finding.Result, all bool) []docGroup {
	by := map[string][]finding.Finding{}
	for _, f := range r.Findings {
		by[f.Path] = append(by[f.Path], f)
	}
	var out []docGroup
	for i := range r.Documents {
		d := &r.Documents[i]
		fs := by[d.Path]
		delete(by, d.Path)
		if len(fs) == 0 && !all {
			continue
		}
		out = append(out, docGroup{Path: d.Path, Doc: d, Findings: fs})
	}
	if fs, ok := by[""]; ok {
		out = append(out, docGroup{Path: "", Findings: fs})
		delete(by, "")
	}
	rest := make([]string, 0, len(by))
	for p := range by {
		rest = append(rest, p)
	}
	slices.Sort(rest)
	for _, p := range rest {
		out = append(out, docGroup{Path: p, Findings: by[p]})
	}
	return out
}

// scorecard counts one document's checks.
type scorecard struct {
	Pass, Fail, Waived, NotAssessable, Errors, Warnings, Infos int
}

func scorecards(r *finding.Result) map[string]*scorecard {
	m := map[string]*scorecard{}
	get := func(p string) *scorecard {
		s := m[p]
		if s == nil {
			s = &scorecard{}
			m[p] = s
		}
		return s
	}
	for _, c := range r.Checks {
		s := get(c.Path)
		switch c.Status {
		case finding.Pass:
			s.Pass++
		case finding.Fail:
			s.Fail++
		case finding.Waived:
			s.Waived++
		case finding.NotAssessable:
			s.NotAssessable++
		}
	}
	for _, f := range r.Findings {
		if !failing(f) {
			continue
		}
		s := get(f.Path)
		switch f.Severity {
		case finding.Error:
			s.Errors++
		case finding.Warning:
			s.Warnings++
		case finding.Info:
			s.Infos++
		}
	}
	return m
}

// procedureGroup is the clauses of one procedure (the part of a clause ID
// before "/": "OSI-AP-08-003", "M3") with their verdict counts.
type procedureGroup struct {
	Name    string
	Clauses []finding.ProcedureResult
	Count   map[string]int
}

func procedureGroups(ps []finding.ProcedureResult) []procedureGroup {
	var out []procedureGroup
	at := map[string]int{}
	for _, p := range ps {
		name := procedureName(p.ID)
		i, ok := at[name]
		if !ok {
			i = len(out)
			at[name] = i
			out = append(out, procedureGroup{Name: name, Count: map[string]int{}})
		}
		out[i].Clauses = append(out[i].Clauses, p)
		out[i].Count[p.Verdict]++
	}
	return out
}

// verdictWords are the plain words of a clause verdict.
var verdictWords = map[string]string{
	finding.Satisfied:    "satisfied",
	finding.NotSatisfied: "not satisfied",
	finding.ProcWaived:   "waived",
	finding.ProcNotAppl:  "not applicable",
	finding.NotEvaluated: "not evaluated",
}

// failedRules lists the rules that failed a clause.
func failedRules(p finding.ProcedureResult) []string {
	var ids []string
	for _, e := range p.Rules {
		if e.Status == string(finding.Fail) && !slices.Contains(ids, e.ID) {
			ids = append(ids, e.ID)
		}
	}
	return ids
}

// passedRules are the rules with at least one check that every check passed.
func passedRules(r *finding.Result) []finding.Rule {
	var out []finding.Rule
	for _, ru := range r.Rules {
		if ru.Checked > 0 && ru.Passed == ru.Checked {
			out = append(out, ru)
		}
	}
	return out
}

// checkStatus combines the checks of a rule on one document: the worst of
// fail, waived, not_assessable, pass; "" when the rule judged nothing there.
func checkStatus(r *finding.Result) map[[2]string]finding.Status {
	rank := map[finding.Status]int{finding.NotApplicable: 1, finding.Pass: 2, finding.NotAssessable: 3, finding.Waived: 4, finding.Fail: 5}
	m := map[[2]string]finding.Status{}
	put := func(rule, p string, s finding.Status) {
		k := [2]string{rule, p}
		if rank[s] > rank[m[k]] {
			m[k] = s
		}
	}
	for _, c := range r.Checks {
		put(c.Rule, c.Path, c.Status)
	}
	for _, f := range r.Findings {
		put(f.Rule, f.Path, f.Status)
	}
	return m
}

// uri is a document's path as a URI reference relative to the repository
// root: the run's root prefix joined with the path, slash-separated.
func uri(root, p string) string {
	if root == "" || root == "." {
		return p
	}
	return path.Join(root, p)
}

// procedureName names the procedure a clause belongs to, in plain words:
// "OSI-AP-08-003/4.1" → "Project Execution Procedure (OSI-AP-08-003)",
// "M3-EXIT-1.6" → "M3 phase 1 exit criteria".
func procedureName(id string) string {
	prefix, _, ok := strings.Cut(id, "/")
	switch {
	case prefix == "OSI-AP-08-003":
		return "Project Execution Procedure (OSI-AP-08-003)"
	case strings.HasPrefix(prefix, "M3-KT-"):
		return "M3 key task " + strings.TrimPrefix(prefix, "M3-KT-")
	case prefix == "PMO-service-framework":
		return "PMO service framework"
	case strings.HasPrefix(id, "M3-EXIT-"):
		phase, _, _ := strings.Cut(strings.TrimPrefix(id, "M3-EXIT-"), ".")
		return "M3 phase " + phase + " exit criteria"
	case ok:
		return prefix
	}
	return "Other clauses"
}
