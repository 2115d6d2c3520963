package policy

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/topdown/print"
)

// trace writes the traced rule's evaluation on input to the trace
// writer when it is among rules (the rules just evaluated); about says
// what input is.
func (e *Engine) trace(ctx context.Context, rules []*rule, input ast.Value, about string) error {
	if e.traced == nil || !slices.Contains(rules, e.traced) {
		return nil
	}
	e.traceMu.Lock()
	defer e.traceMu.Unlock()
	fmt.Fprintf(e.traceTo, "── trace of %s on %s ──\n", e.traced.meta.ID, about)
	return e.traced.trace(ctx, e, input, e.traceTo)
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
