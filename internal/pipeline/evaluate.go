package pipeline

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
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

// evalProjects runs the project rules once per project of the run (see
// splitProjects): a tree of unrelated projects is judged project by
// project. With more than one project, each submission-level result names
// its project in its scope, and a TG-SCOPE-002 note lists the projects.
// abs and kinds are each input's file and kind. Like a document's, a
// failed project evaluation is a finding on the submission: the
// per-document results stand.
func evalProjects(ctx context.Context, guard *memGuard, eng *policy.Engine, inputs []policy.Input, abs, kinds []string, o Options, res *finding.Result) {
	gctx := guard.context()
	pctx, cancel := context.WithTimeout(gctx, o.Limits.ProjectTimeout)
	defer cancel()
	var all policy.Outcome
	var err error
	projects := splitProjects(abs, kinds, o.Paths)
	if len(projects) <= 1 {
		all, err = eng.EvalProject(pctx, inputs)
	} else {
		base := commonDir(abs, seq(len(abs)))
		var names []string
		for _, p := range projects {
			ins := make([]policy.Input, 0, len(p.docs))
			for _, k := range p.docs {
				ins = append(ins, inputs[k])
			}
			rel, rerr := filepath.Rel(base, p.root)
			if rerr != nil || rel == "." {
				rel = "."
			}
			rel = filepath.ToSlash(rel)
			names = append(names, rel)
			po, perr := eng.EvalProject(pctx, ins)
			if perr != nil {
				err = fmt.Errorf("project %s: %w", rel, perr)
				break
			}
			scope := "project " + rel
			for _, f := range po.Findings {
				if f.Path == "" {
					f.Scope = joinScope(scope, f.Scope)
				}
				all.Findings = append(all.Findings, f)
			}
			for _, c := range po.Checks {
				if c.Path == "" {
					c.Scope = joinScope(scope, c.Scope)
				}
				all.Checks = append(all.Checks, c)
			}
		}
		res.Findings = append(res.Findings, finding.NewTool("TG-SCOPE-002", "",
			fmt.Sprintf("the tree holds %d separate projects (%s); cross-document rules compared documents within each project only", len(projects), strings.Join(names, ", ")), document.Loc{}))
	}
	if err != nil && ctx.Err() == nil {
		res.Findings = append(res.Findings, finding.NewTool("TG-EVAL-001", "",
			evalFailure("project rule evaluation", err, gctx, pctx, o.Limits.ProjectTimeout, limits.KeyProjectTimeout, o.Limits), document.Loc{}))
	}
	res.Findings = append(res.Findings, all.Findings...)
	res.Checks = append(res.Checks, all.Checks...)
}

func joinScope(project, scope string) string {
	if scope == "" {
		return project
	}
	return project + ": " + scope
}

func seq(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}
