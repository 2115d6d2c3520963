package pipeline

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/policy"
)

// evaluated is what the document rules made of one document, and its
// converted input for the project rules (nil when it has none).
type evaluated struct {
	input    *policy.Input
	findings []finding.Finding
	checks   []finding.Check
}

// evaluate converts a read document for the rules and runs the document
// rules on it, under the evaluation deadline; an error becomes a
// TG-EVAL-001 finding. The conversion does not need the rules, so it runs
// while they may still be compiling. Unless the run keeps artifacts, the
// typed artifact is let go once converted: a large schedule is then never
// held in both forms for long.
func evaluate(ctx context.Context, guard *memGuard, comp *compilation, d *Document, o Options) (out evaluated) {
	a := d.Artifact
	if a == nil {
		return out
	}
	path := d.Info.Path
	defer func() {
		if p := recover(); p != nil {
			out.findings = append(out.findings, finding.NewTool("TG-EVAL-001", path, fmt.Sprintf("internal error while evaluating rules: %v", p), document.Loc{}))
		}
	}()
	in, err := policy.NewInput(a)
	if !o.KeepArtifacts {
		d.Artifact = nil
	}
	if err != nil {
		out.findings = append(out.findings, finding.NewTool("TG-EVAL-001", path, fmt.Sprintf("the artifact cannot be given to the rules: %v", err), document.Loc{}))
		return out
	}
	out.input = &in
	eng, err := comp.wait()
	if err != nil || ctx.Err() != nil {
		return out // the run stops with the compile error or the cancellation
	}
	gctx := guard.context()
	ectx, cancel := context.WithTimeout(gctx, o.Limits.EvalTimeout)
	defer cancel()
	oc, err := eng.Eval(ectx, in)
	if err != nil {
		out.findings = append(out.findings, finding.NewTool("TG-EVAL-001", path,
			evalFailure("rule evaluation", err, gctx, ectx, o.Limits.EvalTimeout, limits.KeyEvalTimeout, o.Limits), document.Loc{}))
	}
	out.findings = append(out.findings, oc.Findings...)
	out.checks = append(out.checks, oc.Checks...)
	return out
}

// evalFailure says why an evaluation failed: the memory guard stopped it,
// it ran past its deadline, or a rule failed.
func evalFailure(what string, err error, guarded, deadlined context.Context, timeout time.Duration, key string, lim limits.Limits) string {
	switch {
	case errors.Is(context.Cause(guarded), errEvalMemory):
		return fmt.Sprintf("%s stopped: %v (%s); %s", what, errEvalMemory, limits.FormatBytes(lim.EvalMemory), limits.Hint(limits.KeyEvalMemory))
	case errors.Is(deadlined.Err(), context.DeadlineExceeded):
		return fmt.Sprintf("%s did not finish within %s: %v; %s", what, timeout, err, limits.Hint(key))
	}
	return fmt.Sprintf("%s failed: %v", what, err)
}
