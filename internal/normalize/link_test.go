package normalize

import "testing"

func pmpReferencing(ref string) map[string]any {
	return map[string]any{
		"kind": "pmp", "source": map[string]any{"path": "pmp.docx"},
		"pmp": map[string]any{"subsidiary_plans": []any{
			map[string]any{"key": "risk", "present": true, "mode": "reference", "reference": ref, "resolved": false},
			map[string]any{"key": "cost", "present": true, "mode": "inline"},
		}},
	}
}

func resolved(a map[string]any) (any, any) {
	sp := a["pmp"].(map[string]any)["subsidiary_plans"].([]any)[0].(map[string]any)
	return sp["resolved"], sp["resolved_path"]
}

func TestLinkReferencesByKindTitleOrName(t *testing.T) {
	for name, other := range map[string]map[string]any{
		"kind":  {"kind": "risk_plan", "title": "Plan", "source": map[string]any{"path": "plans/rmp.docx"}},
		"title": {"kind": "generic", "title": "DMA Risk Management Plan v2", "source": map[string]any{"path": "plans/x.docx"}},
		"file":  {"kind": "generic", "title": "", "source": map[string]any{"path": "plans/Risk-Management-Plan.md"}},
	} {
		pmp := pmpReferencing("Risk Management Plan")
		LinkReferences([]map[string]any{pmp, other})
		if ok, p := resolved(pmp); ok != true || p != other["source"].(map[string]any)["path"] {
			t.Errorf("%s: resolved=%v path=%v", name, ok, p)
		}
	}
	pmp := pmpReferencing("Risk Management Plan")
	LinkReferences([]map[string]any{pmp, {"kind": "charter", "title": "Charter", "source": map[string]any{"path": "charter.docx"}}})
	if ok, _ := resolved(pmp); ok != false {
		t.Errorf("no risk plan in the submission, yet resolved=%v", ok)
	}
}
