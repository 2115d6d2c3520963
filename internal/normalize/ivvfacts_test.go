package normalize

import (
	"testing"

	"github.com/tollgate-dev/tollgate/internal/classify"
	"github.com/tollgate-dev/tollgate/internal/document"
)

// IV&V plans state their provider as a label, their independence with
// coordinated adverbs and their cadence in words (issue 10's patterns).
func TestIVVPlanFacts(t *testing.T) {
	para := func(s string) document.Block { return document.Block{Kind: document.BlockParagraph, Text: s} }
	tr := &document.Tree{Path: "ivv.md", Format: document.FormatMD, Blocks: []document.Block{
		{Kind: document.BlockHeading, Level: 1, Text: "IV&V Plan"},
		para("IV&V provider: Northgate Assurance LLC"),
		para("The IV&V team is technically, managerially and financially independent of the developer."),
		para("Findings are logged in the findings log and reviewed every two weeks; overdue ones are escalated and closed by the sponsor."),
	}}
	p := Normalize(tr, classify.Result{Kind: "ivv_plan"}, Options{}).IVVPlan
	if p.Provider.Organization != "Northgate Assurance LLC" {
		t.Errorf("provider = %+v", p.Provider)
	}
	if !p.Independence.Technical || !p.Independence.Managerial || !p.Independence.Financial {
		t.Errorf("independence = %+v", p.Independence)
	}
	if p.FindingsReviewCadence != "every two weeks" {
		t.Errorf("cadence = %q", p.FindingsReviewCadence)
	}
	// "technically sound and independent" does not affirm financial independence.
	if independence("the team is technically sound", "financial") || !independence("technical and managerial independence", "managerial") {
		t.Error("independence reading")
	}
}
