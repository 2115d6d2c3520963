package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/normalize"
	"github.com/tollgate-dev/tollgate/internal/policy"
)

// Merge joins the partial results of a sharded run (check --shard I/N,
// each with its artifacts) into the result one unsharded run would give,
// before deciding: the documents, findings and checks of every shard; the
// per-document rules again for the documents whose artifacts linking
// edits (a PMP's references to separate plans, which may be in another
// shard); and the project rules once, over every artifact.
func Merge(ctx context.Context, eng *policy.Engine, parts []*finding.Result, lim limits.Limits) (*finding.Result, error) {
	if len(parts) == 0 {
		return nil, errors.New("merge: no partial reports")
	}
	out := &finding.Result{}
	seenDoc := map[string]bool{}
	var arts []map[string]any
	for _, p := range parts {
		for _, d := range p.Documents {
			if seenDoc[d.Path] {
				if d.Status == finding.DocSkipped {
					continue // every shard lists the skipped files
				}
				return nil, fmt.Errorf("merge: %s is in more than one shard", d.Path)
			}
			seenDoc[d.Path] = true
			out.Documents = append(out.Documents, d)
		}
		for _, f := range p.Findings {
			// A shard says the project rules were not run; here they are.
			if f.Rule != "TG-SCOPE-001" {
				out.Findings = append(out.Findings, f)
			}
		}
		out.Checks = append(out.Checks, p.Checks...)
		for i, a := range p.Artifacts {
			m, ok := a.(map[string]any)
			if !ok {
				return nil, fmt.Errorf("merge: artifact %d of shard %s is not an object", i, p.Run.Shard)
			}
			arts = append(arts, m)
		}
	}
	// Linking sees the whole submission now: re-evaluate the documents it
	// edits, replacing their rule results (the tool's own findings, from
	// reading and the schema check, stand).
	normalize.LinkReferences(arts)
	for _, a := range arts {
		if _, ok := a["pmp"].(map[string]any); !ok {
			continue
		}
		src, _ := a["source"].(map[string]any)
		path, _ := src["path"].(string)
		out.Findings = dropRuleResults(out.Findings, path)
		out.Checks = dropChecks(out.Checks, path)
		ectx, cancel := context.WithTimeout(ctx, lim.EvalTimeout)
		o, err := eng.EvalDocument(ectx, a)
		cancel()
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			out.Findings = append(out.Findings, finding.NewTool("TG-EVAL-001", path, fmt.Sprintf("rule evaluation failed: %v", err), document.Loc{}))
		}
		out.Findings = append(out.Findings, o.Findings...)
		out.Checks = append(out.Checks, o.Checks...)
	}
	pctx, cancel := context.WithTimeout(ctx, lim.ProjectTimeout)
	defer cancel()
	po, err := eng.EvalProject(pctx, arts)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		msg := fmt.Sprintf("project rule evaluation failed: %v", err)
		if errors.Is(pctx.Err(), context.DeadlineExceeded) {
			msg = fmt.Sprintf("project rule evaluation did not finish within %s: %v; %s",
				lim.ProjectTimeout, err, limits.Hint(limits.KeyProjectTimeout))
		}
		out.Findings = append(out.Findings, finding.NewTool("TG-EVAL-001", "", msg, document.Loc{}))
	}
	out.Findings = append(out.Findings, po.Findings...)
	out.Checks = append(out.Checks, po.Checks...)
	return out, nil
}

func dropRuleResults(fs []finding.Finding, path string) []finding.Finding {
	kept := fs[:0]
	for _, f := range fs {
		if f.Path == path && !strings.HasPrefix(f.Rule, "TG-") {
			continue
		}
		kept = append(kept, f)
	}
	return kept
}

func dropChecks(cs []finding.Check, path string) []finding.Check {
	kept := cs[:0]
	for _, c := range cs {
		if c.Path != path {
			kept = append(kept, c)
		}
	}
	return kept
}
