package classify

import (
	"testing"

	"github.com/tollgate-dev/tollgate/internal/document"
)

func headings(texts ...string) *document.Tree {
	t := &document.Tree{}
	for _, s := range texts {
		t.Blocks = append(t.Blocks, document.Block{Kind: document.BlockHeading, Level: 2, Text: s})
	}
	return t
}

// A status report re-created from the M3 dashboard without a title is
// known by its list headings; a plan with milestone and risk sections is not.
func TestStatusReportHeadings(t *testing.T) {
	r := Classify(headings("Major Activities", "Major Milestones", "Key Recent Accomplishments", "Key Upcoming Activities"), "weekly.docx", nil)
	if r.Kind != "status_report" || r.Source != SourceHeadings {
		t.Errorf("M3 dashboard headings: %+v", r)
	}
	r = Classify(headings("Milestones", "Risks", "Key Activities"), "plan.docx", nil)
	if r.Kind == "status_report" {
		t.Errorf("plan headings classified as a status report: %+v", r)
	}
}

func TestSLATitle(t *testing.T) {
	tr := &document.Tree{FrontMatter: map[string]any{"title": "Hosting Service Level Agreement"}}
	if r := Classify(tr, "x.md", nil); r.Kind != "sla" {
		t.Errorf("SLA title: %+v", r)
	}
}
