package normalize

import (
	"path"
	"strings"

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
// submission. It works on the artifacts as policies see them (JSON maps)
// and must run after every file is normalized and before rules run.
func LinkReferences(arts []map[string]any) {
	for _, a := range arts {
		pmp, _ := a["pmp"].(map[string]any)
		plans, _ := pmp["subsidiary_plans"].([]any)
		for _, p := range plans {
			sp, _ := p.(map[string]any)
			if sp == nil || sp["mode"] != "reference" {
				continue
			}
			key, _ := sp["key"].(string)
			ref, _ := sp["reference"].(string)
			if doc := findPlan(arts, a, key, ref); doc != "" {
				sp["resolved"], sp["resolved_path"] = true, doc
			}
		}
	}
}

func findPlan(arts []map[string]any, self map[string]any, key, ref string) string {
	want := vocab.Normalize(ref)
	for _, b := range arts {
		if sameDoc(b, self) {
			continue
		}
		kind, _ := b["kind"].(string)
		src, _ := b["source"].(map[string]any)
		p, _ := src["path"].(string)
		for _, k := range planKinds[key] {
			if kind == k {
				return p
			}
		}
		title, _ := b["title"].(string)
		base := strings.TrimSuffix(path.Base(p), path.Ext(p))
		if want != "" && (strings.Contains(vocab.Normalize(title), want) || strings.Contains(vocab.Normalize(base), want)) {
			return p
		}
	}
	return ""
}

func sameDoc(a, b map[string]any) bool {
	sa, _ := a["source"].(map[string]any)
	sb, _ := b["source"].(map[string]any)
	return sa != nil && sb != nil && sa["path"] == sb["path"]
}
