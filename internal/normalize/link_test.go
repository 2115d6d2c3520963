package normalize

import (
	"testing"

	"github.com/tollgate-dev/tollgate/internal/artifact"
)

func pmpReferencing(ref string) *artifact.Artifact {
	mode, inline, no := "reference", "inline", false
	return &artifact.Artifact{Kind: "pmp", Source: artifact.Source{Path: "pmp.docx"},
		PMP: &artifact.PMP{SubsidiaryPlans: []artifact.SubsidiaryPlan{
			{Key: "risk", Present: true, Mode: &mode, Reference: ref, Resolved: &no},
			{Key: "cost", Present: true, Mode: &inline},
		}}}
}

func resolved(a *artifact.Artifact) (bool, string) {
	sp := a.PMP.SubsidiaryPlans[0]
	return sp.Resolved != nil && *sp.Resolved, sp.ResolvedPath
}

func TestLinkReferencesByKindTitleOrName(t *testing.T) {
	for name, other := range map[string]*artifact.Artifact{
		"kind":  {Kind: "risk_plan", Title: "Plan", Source: artifact.Source{Path: "plans/rmp.docx"}},
		"title": {Kind: "generic", Title: "DMA Risk Management Plan v2", Source: artifact.Source{Path: "plans/x.docx"}},
		"file":  {Kind: "generic", Source: artifact.Source{Path: "plans/Risk-Management-Plan.md"}},
	} {
		pmp := pmpReferencing("Risk Management Plan")
		LinkReferences([]*artifact.Artifact{pmp, other})
		if ok, p := resolved(pmp); !ok || p != other.Source.Path {
			t.Errorf("%s: resolved=%v path=%v", name, ok, p)
		}
		if pmp.PMP.SubsidiaryPlans[1].Resolved != nil {
			t.Errorf("%s: an inline plan was marked resolved", name)
		}
	}
	pmp := pmpReferencing("Risk Management Plan")
	LinkReferences([]*artifact.Artifact{pmp, {Kind: "charter", Title: "Charter", Source: artifact.Source{Path: "charter.docx"}}})
	if ok, _ := resolved(pmp); ok {
		t.Errorf("no risk plan in the submission, yet resolved=%v", ok)
	}
}
