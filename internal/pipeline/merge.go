package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/normalize"
	"github.com/tollgate-dev/tollgate/internal/policy"
)

// Merge joins the partial results of a sharded run (check --shard I/N,
// each with its artifacts) into the result one unsharded run would give,
// and decides it: the documents, findings and checks of every shard; the
// per-document rules again for the documents whose artifacts linking
// edits (a PMP's references to separate plans, which may be in another
// shard); and the project rules once, over every artifact. The shards
// must have run the rules o compiles (the same policy digest).
func Merge(ctx context.Context, o Options, parts []*finding.Result) (*finding.Result, error) {
	started := time.Now()
	if len(parts) == 0 {
		return nil, errors.New("merge: no partial reports")
	}
	first := parts[0].Run
	o.AsOf = first.AsOf
	o.Shard, o.Shards, o.Partial = 0, 0, ""
	o, err := o.settle()
	if err != nil {
		return nil, err
	}
	eng, err := o.compileOnce(ctx)
	if err != nil {
		return nil, err
	}
	if eng.Digest() != first.PolicyDigest {
		return nil, errors.New("the policies are not the ones the shards ran (policy digest differs): give merge the shards' --policy and --data, and the same tollgate version")
	}
	if err := o.checkEngine(eng); err != nil {
		return nil, err
	}
	out := &finding.Result{}
	seenDoc := map[string]bool{}
	var arts []*artifact.Artifact
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
		for i, v := range p.Artifacts {
			a, err := decodeArtifact(v)
			if err != nil {
				return nil, fmt.Errorf("merge: artifact %d of shard %s: %w", i, p.Run.Shard, err)
			}
			arts = append(arts, a)
		}
	}
	// Linking sees the whole submission now: re-evaluate the documents it
	// edits, replacing their rule results (the tool's own findings, from
	// reading and the schema check, stand).
	normalize.LinkReferences(arts)
	inputs := make([]policy.Input, 0, len(arts))
	for _, a := range arts {
		in, err := policy.NewInput(a)
		if err != nil {
			return nil, fmt.Errorf("merge: %s: %w", a.Source.Path, err)
		}
		inputs = append(inputs, in)
		if a.PMP == nil {
			continue
		}
		path := a.Source.Path
		out.Findings = dropRuleResults(out.Findings, path)
		out.Checks = dropChecks(out.Checks, path)
		ectx, cancel := context.WithTimeout(ctx, o.Limits.EvalTimeout)
		oc, err := eng.Eval(ectx, in)
		cancel()
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			out.Findings = append(out.Findings, finding.NewTool("TG-EVAL-001", path, fmt.Sprintf("rule evaluation failed: %v", err), document.Loc{}))
		}
		out.Findings = append(out.Findings, oc.Findings...)
		out.Checks = append(out.Checks, oc.Checks...)
	}
	pctx, cancel := context.WithTimeout(ctx, o.Limits.ProjectTimeout)
	defer cancel()
	po, err := eng.EvalProject(pctx, inputs)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		out.Findings = append(out.Findings, finding.NewTool("TG-EVAL-001", "",
			evalFailure("project rule evaluation", err, ctx, pctx, o.Limits.ProjectTimeout, limits.KeyProjectTimeout, o.Limits), document.Loc{}))
	}
	out.Findings = append(out.Findings, po.Findings...)
	out.Checks = append(out.Checks, po.Checks...)
	if err := o.finish(out, eng, started); err != nil {
		return nil, err
	}
	out.Run.Root = first.Root
	return out, nil
}

// decodeArtifact reads an artifact a shard's JSON report carries.
func decodeArtifact(v any) (*artifact.Artifact, error) {
	if _, ok := v.(map[string]any); !ok {
		return nil, errors.New("not an object")
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	a := &artifact.Artifact{}
	if err := json.Unmarshal(b, a); err != nil {
		return nil, err
	}
	return a, nil
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
