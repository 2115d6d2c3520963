package normalize

import (
	"path"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/vocab"
)

// planKinds are the artifact kinds that hold a PMP subsidiary plan as a
// separate document (MODEL.md §2 kinds; the M3 Resource Management Plan
// normalizes to raci).
var planKinds = map[string][]string{
	"risk":          {"risk_plan"},
	"communication": {"communications_plan"},
	"governance":    {"governance_plan"},
	"staff":         {"raci"},
	"configuration": {"cm_plan"},
	"change":        {"ocm_plan", "cm_plan"},
	"schedule":      {"schedule"},
	"quality":       {"qasp"},
}

// LinkReferences resolves, across one submission, what a document says
// lives in another: each PMP subsidiary plan given by reference ("see the
// Risk Management Plan") is resolved when a document of the plan's kind,
// or whose title or file name carries the referenced name, is in the
// submission. It must run after every file is read and before the rules
// run.
func LinkReferences(arts []*artifact.Artifact) {
	for _, a := range arts {
		if a.PMP == nil {
			continue
		}
		for i := range a.PMP.SubsidiaryPlans {
			sp := &a.PMP.SubsidiaryPlans[i]
			if sp.Mode == nil || *sp.Mode != "reference" {
				continue
			}
			if doc := findPlan(arts, a, sp.Key, sp.Reference); doc != "" {
				resolved := true
				sp.Resolved, sp.ResolvedPath = &resolved, doc
			}
		}
	}
}

func findPlan(arts []*artifact.Artifact, self *artifact.Artifact, key, ref string) string {
	want := vocab.Normalize(ref)
	for _, b := range arts {
		if b == self || b.Source.Path == self.Source.Path {
			continue
		}
		p := b.Source.Path
		for _, k := range planKinds[key] {
			if string(b.Kind) == k {
				return p
			}
		}
		base := strings.TrimSuffix(path.Base(p), path.Ext(p))
		if want != "" && (strings.Contains(vocab.Normalize(b.Title), want) || strings.Contains(vocab.Normalize(base), want)) {
			return p
		}
	}
	return ""
}
