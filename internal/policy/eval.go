package policy

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/finding"
)

// Input is one artifact converted once into OPA's value form. Converting a
// large artifact is a real cost (about 0.3 s for a 10,000-task schedule), so
// a caller that evaluates both the document rules and the project rules
// converts each artifact once (Prepare) and hands the same value to both:
// the project input is then assembled from the already-converted values.
// An Input is read-only and safe to share between goroutines.
type Input struct {
	kind  string
	path  string
	value ast.Value
}

// Kind is the artifact's kind ("" when it has none).
func (in Input) Kind() string { return in.kind }

// Path is the artifact's source.path.
func (in Input) Path() string { return in.path }

// Prepare converts an artifact (generic JSON: maps, slices, float64 or
// json.Number, strings, bools, nil) for EvalDocumentInput and
// EvalProjectInputs. The artifact must not change afterwards: the Input does
// not see later edits.
func (e *Engine) Prepare(art map[string]any) (Input, error) {
	return prepare(art, false)
}

// PrepareOwned is Prepare for an artifact the caller hands over: the
// conversion empties art as it goes (every map and slice in it), so the
// generic form of a large schedule is freed while its converted form is
// built instead of both being held at once. art must not be used
// afterwards, also when an error is returned.
func (e *Engine) PrepareOwned(art map[string]any) (Input, error) {
	return prepare(art, true)
}

func prepare(art map[string]any, consume bool) (Input, error) {
	in := Input{path: sourcePath(art)}
	in.kind, _ = art["kind"].(string)
	c := converter{consume: consume, terms: newASTBuilder()}
	v, err := c.value(art)
	if err != nil {
		return Input{}, fmt.Errorf("%s: artifact is not JSON data: %w", in.path, err)
	}
	in.value = indexSets(v)
	return in, nil
}

// converter makes the value ast.InterfaceToValue makes of generic JSON, in
// less memory: a 10,000-task schedule repeats the same object keys, dates,
// codes and numbers tens of thousands of times, and InterfaceToValue gives
// each occurrence its own term. Here every distinct key, string and number
// is one term shared by all its occurrences (OPA treats terms of a value as
// immutable and shares interned terms the same way). Objects and arrays are
// still built by ast.NewObject and ast.NewArray, so the value compares,
// hashes and iterates exactly as InterfaceToValue's does.
type converter struct {
	consume bool        // empty maps and slices once converted
	terms   *astBuilder // the shared key, string and number terms
}

func (c *converter) value(x any) (ast.Value, error) {
	switch x := x.(type) {
	case map[string]any:
		kvs := make([][2]*ast.Term, 0, len(x))
		for k, v := range x {
			t, err := c.term(v)
			if err != nil {
				return nil, err
			}
			kvs = append(kvs, [2]*ast.Term{c.terms.key(k), t})
			if c.consume {
				delete(x, k)
			}
		}
		return ast.NewObject(kvs...), nil
	case []any:
		ts := make([]*ast.Term, len(x))
		for i, e := range x {
			t, err := c.term(e)
			if err != nil {
				return nil, err
			}
			ts[i] = t
			if c.consume {
				x[i] = nil
			}
		}
		return ast.NewArray(ts...), nil
	}
	return ast.InterfaceToValue(x)
}

func (c *converter) term(x any) (*ast.Term, error) {
	switch x := x.(type) {
	case string:
		return c.terms.String(x), nil
	case float64:
		return c.terms.Number(x), nil
	case nil:
		return c.terms.Null(), nil
	case bool:
		return c.terms.Bool(x), nil
	}
	v, err := c.value(x)
	if err != nil {
		return nil, err
	}
	return ast.NewTerm(v), nil
}

// EvalDocument runs the document rules whose kinds include the artifact's
// kind (or "*") on one artifact. A rule that errors (a built-in error, or
// the context's deadline) gives no check; the others still run, and the
// errors come back joined with the partial outcome.
func (e *Engine) EvalDocument(ctx context.Context, art map[string]any) (Outcome, error) {
	kind, _ := art["kind"].(string)
	if len(e.documentRules(kind)) == 0 {
		return Outcome{}, nil
	}
	in, err := e.Prepare(art)
	if err != nil {
		return Outcome{}, err
	}
	return e.EvalDocumentInput(ctx, in)
}

// EvalDocumentInput is EvalDocument on a prepared artifact.
func (e *Engine) EvalDocumentInput(ctx context.Context, in Input) (Outcome, error) {
	rules := e.documentRules(in.kind)
	if len(rules) == 0 {
		return Outcome{}, nil
	}
	if in.value == nil {
		return Outcome{}, fmt.Errorf("%s: artifact was not prepared", in.path)
	}
	// Rules of one document run in parallel (prepared queries are safe for
	// concurrent use): a single large schedule is then not bound to one
	// core. Results are merged in catalog order, so output is stable.
	res, errs := e.evalAll(ctx, rules, in.value)
	var out Outcome
	for i, r := range rules {
		if errs[i] == nil {
			r.documentOutcome(res[i], in.path, &out)
		}
	}
	return out, errors.Join(errs...)
}

// EvalProject runs the project rules over the whole submission: input is
// {"artifacts": [...], "by_kind": {kind: [...]}}.
func (e *Engine) EvalProject(ctx context.Context, arts []map[string]any) (Outcome, error) {
	if len(e.project) == 0 {
		return Outcome{}, nil
	}
	ins := make([]Input, len(arts))
	for i, a := range arts {
		in, err := e.Prepare(a)
		if err != nil {
			return Outcome{}, fmt.Errorf("project input is not JSON data: %w", err)
		}
		ins[i] = in
	}
	return e.EvalProjectInputs(ctx, ins)
}

// EvalProjectInputs is EvalProject on prepared artifacts. The project input
// is built from the artifacts' converted values (shared, not copied): it is
// the same value InterfaceToValue would make of
// {"artifacts": arts, "by_kind": {kind: arts of that kind}}.
func (e *Engine) EvalProjectInputs(ctx context.Context, ins []Input) (Outcome, error) {
	if len(e.project) == 0 {
		return Outcome{}, nil
	}
	input, err := projectInput(ins)
	if err != nil {
		return Outcome{}, err
	}
	// Project rules run in parallel too (a large IMS makes each of them
	// scan its tasks); results are merged in catalog order.
	res, errs := e.evalAll(ctx, e.project, input)
	var out Outcome
	for i, r := range e.project {
		if errs[i] == nil {
			r.projectOutcome(res[i], &out)
		}
	}
	return out, errors.Join(errs...)
}

// evalAll evaluates rules on input on e.parallel workers; a rule not
// started before ctx ends gets ctx's error.
//
// The deadline is enforced from outside the evaluation too: OPA looks at
// its context only between evaluation steps, so a rule inside a long
// built-in call could hold the document past its deadline. When ctx ends,
// evalAll returns at once with ctx's error for every rule not finished;
// the workers still running write only to their own channel and end at
// OPA's next cancellation check (the run does not wait for them).
func (e *Engine) evalAll(ctx context.Context, rules []*rule, input ast.Value) ([]results, []error) {
	type answer struct {
		i   int
		res results
		err error
	}
	next := make(chan int, len(rules))
	for i := range rules {
		next <- i
	}
	close(next)
	answers := make(chan answer, len(rules)) // never blocks an abandoned worker
	for range min(e.parallel, len(rules)) {
		go func() {
			for i := range next {
				if err := ctx.Err(); err != nil {
					answers <- answer{i: i, err: fmt.Errorf("%s: %w", rules[i].meta.ID, err)}
					continue
				}
				res, err := rules[i].eval(ctx, input)
				answers <- answer{i, res, err}
			}
		}()
	}
	res := make([]results, len(rules))
	errs := make([]error, len(rules))
	got := make([]bool, len(rules))
	for n := 0; n < len(rules); n++ {
		select {
		case a := <-answers:
			res[a.i], errs[a.i], got[a.i] = a.res, a.err, true
		case <-ctx.Done():
			for i := range rules {
				if !got[i] {
					errs[i] = fmt.Errorf("%s: evaluation stopped: %w", rules[i].meta.ID, ctx.Err())
				}
			}
			return res, errs
		}
	}
	return res, errs
}

// projectInput assembles {"artifacts": [...], "by_kind": {kind: [...]}}
// from prepared artifacts, sharing their values.
func projectInput(ins []Input) (ast.Value, error) {
	all := make([]*ast.Term, 0, len(ins))
	byKind := map[string][]*ast.Term{}
	var kinds []string
	for _, in := range ins {
		if in.value == nil {
			return nil, fmt.Errorf("project input: %s: artifact was not prepared", in.path)
		}
		t := ast.NewTerm(in.value)
		all = append(all, t)
		if _, ok := byKind[in.kind]; !ok {
			kinds = append(kinds, in.kind)
		}
		byKind[in.kind] = append(byKind[in.kind], t)
	}
	bk := make([][2]*ast.Term, 0, len(kinds))
	for _, k := range kinds {
		bk = append(bk, ast.Item(ast.StringTerm(k), ast.ArrayTerm(byKind[k]...)))
	}
	return ast.NewObject(
		ast.Item(ast.StringTerm("artifacts"), ast.ArrayTerm(all...)),
		ast.Item(ast.StringTerm("by_kind"), ast.ObjectTerm(bk...)),
	), nil
}

// documentRules are the rules for kind, in catalog order.
func (e *Engine) documentRules(kind string) []*rule {
	seen := map[*rule]bool{}
	var rs []*rule
	for _, r := range append(append([]*rule(nil), e.byKind[kind]...), e.byKind["*"]...) {
		if !seen[r] {
			seen[r] = true
			rs = append(rs, r)
		}
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].meta.ID < rs[j].meta.ID })
	return rs
}

// results are a rule's result sets as decoded JSON.
type results map[string][]any

func (r *rule) eval(ctx context.Context, input ast.Value) (results, error) {
	rs, err := r.query.Eval(ctx, rego.EvalParsedInput(input), rego.EvalTime(r.now))
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("%s: evaluation stopped: %w", r.meta.ID, ctx.Err())
		}
		return nil, fmt.Errorf("%s (%s): %w", r.meta.ID, r.file, err)
	}
	out := results{}
	if len(rs) == 0 {
		return out, nil
	}
	for _, name := range r.sets {
		if v, ok := rs[0].Bindings[name].([]any); ok {
			out[name] = v
		}
	}
	return out, nil
}

// item is one fail / not_assessable / deny entry.
type item struct {
	Msg      string           `json:"msg"`
	Loc      document.Loc     `json:"loc"`
	Severity string           `json:"severity"`
	Metrics  *finding.Metrics `json:"metrics"`
	Related  []document.Loc   `json:"related"`
	Path     *string          `json:"path"`
	Missing  []string         `json:"missing"`
	Scope    string           `json:"scope"`
	// Absent names the field a "missing" finding says the document lacks;
	// Mentions are where the document mentions it without a value the
	// normalizer could read (lib.missing).
	Absent   string    `json:"absent"`
	Mentions []mention `json:"mentions"`
}

// mention is one place a document mentions a fact it could not be read from.
type mention struct {
	Text string       `json:"text"`
	Loc  document.Loc `json:"loc"`
}

// decodeItem reads one result entry: an object per the contract, or a bare
// string (conftest's deny contains msg).
func decodeItem(v any) item {
	if s, ok := v.(string); ok {
		return item{Msg: s}
	}
	var it item
	b, err := json.Marshal(v)
	if err == nil {
		err = json.Unmarshal(b, &it)
	}
	if err != nil {
		// A malformed entry still reports something rather than vanishing.
		it = item{Msg: fmt.Sprintf("%v", v)}
	}
	return it
}

func (r *rule) documentOutcome(res results, path string, out *Outcome) {
	status := finding.Pass
	sets := []string{"fail", "not_assessable"}
	excepted := false
	if r.conftest != "" {
		sets = []string{r.conftest}
		excepted = r.excepted(res["exception"])
	}
	for _, set := range sets {
		for _, v := range res[set] {
			it := decodeItem(v)
			f := r.finding(it, set, path)
			if excepted {
				// conftest tallies exceptions apart; here they are waived
				// findings, so a report still shows what was lifted.
				f.Status = finding.Waived
				f.Waiver = &finding.Waiver{Reason: "lifted by the exception rule of package " + strings.TrimPrefix(r.pkg, "data."), ApprovedBy: r.file}
				status = finding.Waived
				out.Findings = append(out.Findings, f)
				continue
			}
			out.Findings = append(out.Findings, f)
			status = worse(status, f.Status)
		}
	}
	out.Checks = append(out.Checks, finding.Check{Rule: r.meta.ID, Path: path, Status: status, Metrics: decodeMetric(res["metric"])})
}

// excepted says whether a conftest exception covers the rule: conftest's
// "exception contains rules if { …; rules := ["name"] }" lifts deny_name
// and violation_name (here fail_name too); "" lifts the bare deny,
// violation and fail. warn rules are not lifted, as in conftest.
func (r *rule) excepted(exceptions []any) bool {
	set, suffix, _ := strings.Cut(r.conftest, "_")
	if set == "warn" {
		return false
	}
	for _, e := range exceptions {
		names, ok := e.([]any)
		if !ok {
			names = []any{e}
		}
		for _, n := range names {
			if s, ok := n.(string); ok && s == suffix {
				return true
			}
		}
	}
	return false
}

// decodeMetric reads a rule's "metric" set: the measured value of a
// threshold rule, reported whether the check passes or fails. A rule emits
// at most one per document; should there be several, the first in Rego's
// set order is kept (deterministic), and a malformed one is ignored.
func decodeMetric(set []any) *finding.Metrics {
	if len(set) == 0 {
		return nil
	}
	b, err := json.Marshal(set[0])
	if err != nil {
		return nil
	}
	var m finding.Metrics
	if err := json.Unmarshal(b, &m); err != nil {
		return nil
	}
	return &m
}

// projectOutcome makes one check per document a project rule named (its
// "checked" set and the paths of its results); a rule without a "checked"
// set gets one submission-level check (path ""). A "checked" entry may be
// an object {path, scope}: the rule judged one item of that document (or
// of the submission) separately, and results carrying the same scope
// decide that check alone.
func (r *rule) projectOutcome(res results, out *Outcome) {
	type key struct{ path, scope string }
	status := map[key]finding.Status{}
	_, declared := res["checked"]
	if declared {
		for _, v := range res["checked"] {
			switch c := v.(type) {
			case string:
				status[key{path: c}] = finding.Pass
			case map[string]any:
				p, _ := c["path"].(string)
				sc, _ := c["scope"].(string)
				status[key{p, sc}] = finding.Pass
			}
		}
	} else {
		status[key{}] = finding.Pass
	}
	for _, set := range []string{"fail", "not_assessable"} {
		for _, v := range res[set] {
			it := decodeItem(v)
			p := ""
			if it.Path != nil {
				p = *it.Path
			}
			f := r.finding(it, set, p)
			out.Findings = append(out.Findings, f)
			k := key{p, it.Scope}
			status[k] = worse(status[k], f.Status)
		}
	}
	keys := make([]key, 0, len(status))
	for k := range status {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].path != keys[j].path {
			return keys[i].path < keys[j].path
		}
		return keys[i].scope < keys[j].scope
	})
	for _, k := range keys {
		out.Checks = append(out.Checks, finding.Check{Rule: r.meta.ID, Path: k.path, Scope: k.scope, Status: status[k]})
	}
}

// finding builds the finding of one result entry of set on path.
func (r *rule) finding(it item, set, path string) finding.Finding {
	f := finding.Finding{
		Rule: r.meta.ID, Title: r.meta.Title, Severity: r.meta.Severity, Status: finding.Fail,
		Path: path, Message: it.Msg, Location: it.Loc, Related: it.Related, Metrics: it.Metrics,
		Remediation: r.meta.Remediation, Source: r.meta.Source, Scope: it.Scope,
	}
	if f.Location.Path == "" {
		f.Location.Path = path
	}
	switch {
	case set == "not_assessable":
		// RULES.md conventions: not assessable is reported at info.
		f.Status = finding.NotAssessable
		f.Severity = finding.Info
		if len(it.Missing) > 0 {
			f.Message += " (missing: " + strings.Join(it.Missing, ", ") + ")"
		}
	case it.Absent != "" && len(it.Mentions) > 0:
		// The document mentions what the rule finds missing, but no value
		// could be read there: saying "missing" would be a false finding.
		f.Status = finding.NotAssessable
		f.Severity = finding.Info
		f.Message = fmt.Sprintf("not assessable: %s — yet the document mentions it where no value could be read: %s", f.Message, describeMentions(it.Mentions))
		if f.Location.IsZero() || f.Location == (document.Loc{Path: path}) {
			f.Location = it.Mentions[0].Loc
			if f.Location.Path == "" {
				f.Location.Path = path
			}
		}
	case !r.forced && validSeverity(it.Severity):
		f.Severity = finding.Severity(it.Severity)
	}
	if f.Message == "" {
		f.Message = r.meta.Title
	}
	return f
}

func validSeverity(s string) bool {
	switch finding.Severity(s) {
	case finding.Error, finding.Warning, finding.Info:
		return true
	}
	return false
}

// worse combines check statuses: fail beats not_assessable beats pass.
func worse(a, b finding.Status) finding.Status {
	rank := func(s finding.Status) int {
		switch s {
		case finding.Fail:
			return 2
		case finding.NotAssessable:
			return 1
		}
		return 0
	}
	if rank(b) > rank(a) {
		return b
	}
	if a == "" {
		return finding.Pass
	}
	return a
}

func sourcePath(art map[string]any) string {
	src, _ := art["source"].(map[string]any)
	p, _ := src["path"].(string)
	return p
}

// describeMentions lists up to three mentions: where, and what was seen.
func describeMentions(ms []mention) string {
	var parts []string
	for i, m := range ms {
		if i == 3 {
			parts = append(parts, fmt.Sprintf("and %d more", len(ms)-3))
			break
		}
		where := m.Loc.String()
		if where == "" {
			where = "the document"
		}
		parts = append(parts, fmt.Sprintf("%s: %q", where, m.Text))
	}
	return strings.Join(parts, "; ")
}
