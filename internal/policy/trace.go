package policy

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/topdown/print"
)

// Trace evaluates one rule (by ID, case-insensitive) with OPA's tracer on
// each prepared document it applies to — or, for a project rule, once on
// the whole submission — and writes the evaluation trace and the rule's
// print() output to w. print() reaches w only when the engine was compiled
// with Options.Print.
func (e *Engine) Trace(ctx context.Context, id string, ins []Input, w io.Writer) error {
	var r *rule
	for _, x := range e.rules {
		if strings.EqualFold(x.meta.ID, id) {
			r = x
		}
	}
	if r == nil {
		return fmt.Errorf("--trace %s: no such rule runs (see tollgate rules)", id)
	}
	if r.isProject() {
		input, err := projectInput(ins)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "── trace of %s on the submission (%d documents) ──\n", r.meta.ID, len(ins))
		return r.trace(ctx, e, input, w)
	}
	n := 0
	for _, in := range ins {
		applies := false
		for _, k := range r.meta.Kinds {
			applies = applies || k == "*" || k == in.kind
		}
		if !applies {
			continue
		}
		n++
		fmt.Fprintf(w, "── trace of %s on %s (%s) ──\n", r.meta.ID, in.path, in.kind)
		if err := r.trace(ctx, e, in.value, w); err != nil {
			return err
		}
	}
	if n == 0 {
		fmt.Fprintf(w, "── %s applies to %s; none of the documents is one ──\n", r.meta.ID, strings.Join(r.meta.Kinds, ", "))
	}
	return nil
}

type printTo struct{ w io.Writer }

func (p printTo) Print(ctx print.Context, msg string) error {
	loc := ""
	if ctx.Location != nil {
		loc = fmt.Sprintf("%s:%d: ", ctx.Location.File, ctx.Location.Row)
	}
	_, err := fmt.Fprintf(p.w, "print: %s%s\n", loc, msg)
	return err
}

func (r *rule) trace(ctx context.Context, e *Engine, input ast.Value, w io.Writer) error {
	var parts []string
	for _, name := range r.sets {
		parts = append(parts, fmt.Sprintf("%s := %s.%s", name, r.pkg, name))
	}
	body, err := ast.ParseBody(strings.Join(parts, "; "))
	if err != nil {
		return err
	}
	buf := topdown.NewBufferTracer()
	rs, err := rego.New(
		rego.ParsedQuery(body),
		rego.Compiler(r.compiler),
		rego.Store(e.store),
		rego.ParsedInput(input),
		rego.QueryTracer(buf),
		rego.EnablePrintStatements(true),
		rego.PrintHook(printTo{w}),
		rego.StrictBuiltinErrors(true),
	).Eval(ctx)
	topdown.PrettyTraceWithLocation(w, *buf)
	if err != nil {
		return fmt.Errorf("%s: %w", r.meta.ID, err)
	}
	if len(rs) > 0 {
		for _, name := range r.sets {
			fmt.Fprintf(w, "result %s = %v\n", name, rs[0].Bindings[name])
		}
	}
	return nil
}
