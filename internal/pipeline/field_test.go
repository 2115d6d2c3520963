package pipeline

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/tollgate-dev/tollgate/internal/config"
	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

// The field corpus (testdata/field) holds documents other teams wrote and,
// beside each, a reviewer's expectations written from reading the document
// (testdata/field/README.md). TestFieldCorpus checks the folder in one run,
// as a user would check a tree of several projects, and scores the result
// against them. The targets are issue 10's.
const (
	fieldErrorPrecision   = 0.95
	fieldWarningPrecision = 0.85
	fieldErrorRecall      = 0.90
	fieldFactAccuracy     = 0.80
)

type fieldRuleExpect struct {
	Expect   string `yaml:"expect"`
	Severity string `yaml:"severity"`
	Why      string `yaml:"why"`
}

type fieldExpect struct {
	File   string                     `yaml:"file"`
	Kind   string                     `yaml:"kind"`
	Facts  map[string]any             `yaml:"facts"`
	Absent []string                   `yaml:"absent"`
	Rules  map[string]fieldRuleExpect `yaml:"rules"`
}

func loadFieldExpectations(t *testing.T, root string) map[string]fieldExpect {
	t.Helper()
	out := map[string]fieldExpect{}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".expect.yaml") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var e fieldExpect
		if err := yaml.Unmarshal(b, &e); err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		rel, _ := filepath.Rel(root, strings.TrimSuffix(p, ".expect.yaml"))
		out[filepath.ToSlash(rel)] = e
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// fieldScore accumulates the measures over the corpus.
type fieldScore struct {
	docs, kindsRight                  int
	facts, factsRight                 int
	firedTrue, firedFalse             map[finding.Severity]int
	expectedErrors, expectedErrorsHit int
	lines                             []string
}

func TestFieldCorpus(t *testing.T) {
	root := filepath.Join("..", "..", "testdata", "field")
	expects := loadFieldExpectations(t, root)
	if len(expects) == 0 {
		t.Skip("no expectation files in testdata/field")
	}
	eng := compiledEngine(t, []string{"core", "schedule", "xdoc"}, map[string]any{"as_of": "2026-12-01"})
	out, err := Run(context.Background(), Options{Engine: eng,
		Paths:         []string{root},
		Config:        &config.Config{Documents: config.Documents{Exclude: []string{"**/*.expect.yaml", "README.md", "MANIFEST.md"}}},
		Jobs:          2,
		Limits:        limits.Default(),
		KeepArtifacts: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]finding.Document{}
	for _, d := range out.Documents {
		docs[d.Path] = d
	}
	arts := map[string]map[string]any{}
	for _, a := range artifactMaps(t, out) {
		arts[str(a, "source", "path")] = a
	}
	// fired[path][rule] is the highest severity of the rule's failures on path.
	fired := map[string]map[string]finding.Severity{}
	for _, f := range out.Findings {
		if f.Status != finding.Fail || f.Path == "" {
			continue
		}
		m := fired[f.Path]
		if m == nil {
			m = map[string]finding.Severity{}
			fired[f.Path] = m
		}
		if f.Severity.Rank() > m[f.Rule].Rank() {
			m[f.Rule] = f.Severity
		}
	}

	s := fieldScore{firedTrue: map[finding.Severity]int{}, firedFalse: map[finding.Severity]int{}}
	paths := make([]string, 0, len(expects))
	for p := range expects {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		e := expects[p]
		d, ok := docs[p]
		if !ok {
			t.Errorf("%s: has expectations but was not checked", p)
			continue
		}
		s.docs++
		line := fmt.Sprintf("%-70s kind %-20s", p, d.Kind)
		if d.Kind == e.Kind {
			s.kindsRight++
		} else {
			line += fmt.Sprintf(" WANT %s", e.Kind)
		}
		fr, fn := scoreFacts(arts[p], e)
		s.facts += fr + len(fn)
		s.factsRight += fr
		if len(fn) > 0 {
			line += "  facts wrong: " + strings.Join(fn, "; ")
		}
		var falses, misses []string
		for rule, sev := range fired[p] {
			if sev == finding.Info {
				continue
			}
			x, labelled := e.Rules[rule]
			switch {
			case labelled && x.Expect == "either":
			case labelled && x.Expect == "fire" && finding.Severity(x.Severity) == sev:
				s.firedTrue[sev]++
			default:
				s.firedFalse[sev]++
				want := "unlabelled"
				if labelled {
					want = x.Expect + " " + x.Severity
				}
				falses = append(falses, fmt.Sprintf("%s %s (want %s)", rule, sev, strings.TrimSpace(want)))
			}
		}
		for rule, x := range e.Rules {
			if x.Expect != "fire" || x.Severity != "error" {
				continue
			}
			s.expectedErrors++
			if fired[p][rule] == finding.Error {
				s.expectedErrorsHit++
			} else {
				misses = append(misses, rule)
			}
		}
		sort.Strings(falses)
		sort.Strings(misses)
		if len(falses) > 0 {
			line += "\n      false: " + strings.Join(falses, ", ")
		}
		if len(misses) > 0 {
			line += "\n      missed errors: " + strings.Join(misses, ", ")
		}
		s.lines = append(s.lines, line)
	}
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 1
		}
		return float64(a) / float64(b)
	}
	precision := func(sev finding.Severity) float64 {
		return ratio(s.firedTrue[sev], s.firedTrue[sev]+s.firedFalse[sev])
	}
	report := strings.Join(s.lines, "\n") + fmt.Sprintf(`

field corpus: %d documents
  kind accuracy      %3d/%-3d %.0f%%
  fact accuracy      %3d/%-3d %.0f%%
  error precision    %3d/%-3d %.0f%%   (target %.0f%%)
  warning precision  %3d/%-3d %.0f%%   (target %.0f%%)
  error recall       %3d/%-3d %.0f%%   (target %.0f%%)
`, s.docs,
		s.kindsRight, s.docs, 100*ratio(s.kindsRight, s.docs),
		s.factsRight, s.facts, 100*ratio(s.factsRight, s.facts),
		s.firedTrue[finding.Error], s.firedTrue[finding.Error]+s.firedFalse[finding.Error], 100*precision(finding.Error), 100*fieldErrorPrecision,
		s.firedTrue[finding.Warning], s.firedTrue[finding.Warning]+s.firedFalse[finding.Warning], 100*precision(finding.Warning), 100*fieldWarningPrecision,
		s.expectedErrorsHit, s.expectedErrors, 100*ratio(s.expectedErrorsHit, s.expectedErrors), 100*fieldErrorRecall)
	t.Log("\n" + report)
	if s.kindsRight != s.docs {
		t.Errorf("kind accuracy %d/%d: every reviewer kind must be right", s.kindsRight, s.docs)
	}
	if r := ratio(s.factsRight, s.facts); r < fieldFactAccuracy {
		t.Errorf("fact accuracy %.2f below %.2f", r, fieldFactAccuracy)
	}
	if p := precision(finding.Error); p < fieldErrorPrecision {
		t.Errorf("error precision %.2f below %.2f", p, fieldErrorPrecision)
	}
	if p := precision(finding.Warning); p < fieldWarningPrecision {
		t.Errorf("warning precision %.2f below %.2f", p, fieldWarningPrecision)
	}
	if r := ratio(s.expectedErrorsHit, s.expectedErrors); r < fieldErrorRecall {
		t.Errorf("error recall %.2f below %.2f", r, fieldErrorRecall)
	}
}

// str reads a string at a path of object keys.
func str(m map[string]any, keys ...string) string {
	v := get(m, keys...)
	s, _ := v.(string)
	return s
}

func get(m map[string]any, keys ...string) any {
	var v any = m
	for _, k := range keys {
		o, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = o[k]
	}
	return v
}

func count(m map[string]any, keys ...string) int {
	a, _ := get(m, keys...).([]any)
	return len(a)
}

// fieldFact reads the value tollgate gives for a fact key of the
// expectation format (nil when it gives none).
func fieldFact(a map[string]any, key string) any {
	kind := str(a, "kind")
	people := func(role string) any {
		for _, p := range asList(get(a, "metadata", "people")) {
			if str(p, "role") == role && str(p, "name") != "" {
				return str(p, "name")
			}
		}
		return nil
	}
	nonEmpty := func(s string) any {
		if s == "" {
			return nil
		}
		return s
	}
	switch key {
	case "title":
		return nonEmpty(str(a, "title"))
	case "version":
		return nonEmpty(str(a, "metadata", "version"))
	case "project_manager":
		if v := str(a, "charter", "project_manager", "name"); v != "" {
			return v
		}
		return people("project_manager")
	case "sponsor":
		if v := str(a, "charter", "sponsor", "name"); v != "" {
			return v
		}
		return people("sponsor")
	case "objectives":
		return count(a, "charter", "objectives")
	case "out_of_scope":
		return count(a, "charter", "scope", "out_of_scope")
	case "budget":
		if v, ok := get(a, "charter", "budget", "amount").(float64); ok {
			return v
		}
		return nil
	case "milestones":
		return count(a, "charter", "milestones")
	case "milestones_dated":
		n := 0
		for _, m := range asList(get(a, "charter", "milestones")) {
			if str(m, "date") != "" {
				n++
			}
		}
		return n
	case "stakeholders":
		return count(a, "charter", "stakeholders")
	case "revision_rows":
		return count(a, "metadata", "revision_history")
	case "approvals":
		n := 0
		for _, ap := range asList(get(a, "metadata", "approvals")) {
			if ap["signed"] == true || str(ap, "date") != "" {
				n++
			}
		}
		return n
	case "risk_rows":
		if kind == "status_report" {
			return count(a, "status_report", "risks")
		}
		return count(a, "risk_register", "risks")
	case "risk_owners":
		n := 0
		for _, r := range asList(get(a, "risk_register", "risks")) {
			if str(r, "owner") != "" {
				n++
			}
		}
		return n
	case "raci_activities":
		return count(a, "raci", "activities")
	case "raci_roles":
		return count(a, "raci", "roles")
	case "requirements":
		return count(a, "qasp", "performance_requirements")
	case "as_of_date":
		return nonEmpty(str(a, "status_report", "as_of_date"))
	case "overall_status":
		return nonEmpty(str(a, "status_report", "overall_status"))
	case "tasks":
		n := 0
		for _, tk := range asList(get(a, "schedule", "tasks")) {
			if lvl, ok := tk["outline_level"].(float64); ok && lvl == 0 {
				continue
			}
			n++
		}
		return n
	case "ivv_provider":
		if v := str(a, "ivv_plan", "provider", "organization"); v != "" {
			return v
		}
		return nonEmpty(str(a, "ivv_plan", "provider", "name"))
	}
	return nil
}

func asList(v any) []map[string]any {
	a, _ := v.([]any)
	out := make([]map[string]any, 0, len(a))
	for _, x := range a {
		if m, ok := x.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// scoreFacts compares the expected facts (and absences) with the artifact:
// the count right and a word for each wrong one.
func scoreFacts(a map[string]any, e fieldExpect) (right int, wrong []string) {
	if a == nil {
		a = map[string]any{}
	}
	keys := make([]string, 0, len(e.Facts))
	for k := range e.Facts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		got := fieldFact(a, k)
		if factMatches(e.Facts[k], got) {
			right++
		} else {
			wrong = append(wrong, fmt.Sprintf("%s=%v (want %v)", k, got, e.Facts[k]))
		}
	}
	for _, k := range e.Absent {
		got := fieldFact(a, k)
		if got == nil || got == 0 || got == "" {
			right++
		} else {
			wrong = append(wrong, fmt.Sprintf("%s=%v (want absent)", k, got))
		}
	}
	return right, wrong
}

func factMatches(want, got any) bool {
	if got == nil {
		return false
	}
	switch w := want.(type) {
	case []any: // [min, max]
		if len(w) != 2 {
			return false
		}
		lo, ok1 := number(w[0])
		hi, ok2 := number(w[1])
		g, ok3 := number(got)
		return ok1 && ok2 && ok3 && g >= lo && g <= hi
	case int, float64:
		wn, _ := number(w)
		g, ok := number(got)
		return ok && math.Abs(g-wn) <= 0.005*math.Max(1, math.Abs(wn))
	case string:
		g := fmt.Sprint(got)
		if w == "" {
			return g == ""
		}
		nw, ng := normFact(w), normFact(g)
		return ng != "" && (strings.Contains(ng, nw) || strings.Contains(nw, ng))
	}
	return fmt.Sprint(want) == fmt.Sprint(got)
}

func number(v any) (float64, bool) {
	switch n := v.(type) {
	case int:
		return float64(n), true
	case float64:
		return n, true
	}
	return 0, false
}

func normFact(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "v")
	return strings.Join(strings.Fields(s), " ")
}
