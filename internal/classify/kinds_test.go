package classify_test

import (
	"testing"

	"github.com/tollgate-dev/tollgate/internal/classify"
	"github.com/tollgate-dev/tollgate/internal/document"
	// The kinds and their signals are registered by normalize
	// (internal/normalize/kinds.go), as in every run.
	_ "github.com/tollgate-dev/tollgate/internal/normalize"
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
	r := classify.Classify(headings("Major Activities", "Major Milestones", "Key Recent Accomplishments", "Key Upcoming Activities"), "weekly.docx", classify.Options{})
	if r.Kind != "status_report" || r.Source != classify.SourceHeadings {
		t.Errorf("M3 dashboard headings: %+v", r)
	}
	r = classify.Classify(headings("Milestones", "Risks", "Key Activities"), "plan.docx", classify.Options{})
	if r.Kind == "status_report" {
		t.Errorf("plan headings classified as a status report: %+v", r)
	}
}

func TestSLATitle(t *testing.T) {
	tr := &document.Tree{FrontMatter: map[string]any{"title": "Hosting Service Level Agreement"}}
	if r := classify.Classify(tr, "x.md", classify.Options{}); r.Kind != "sla" {
		t.Errorf("SLA title: %+v", r)
	}
}

// Titles are matched as whole words, the longest registered phrase
// winning, whatever surrounds them in a template's title line.
func TestRegisteredTitles(t *testing.T) {
	for title, want := range map[string]string{
		"[Project Name] <Project/Program> Status: [Date of Report]": "status_report",
		"Independent Verification and Validation (IV&V) Plan":       "ivv_plan",
		"Harbor Risk Management Plan":                               "risk_plan",
	} {
		tr := &document.Tree{FrontMatter: map[string]any{"title": title}}
		if r := classify.Classify(tr, "x.md", classify.Options{}); string(r.Kind) != want {
			t.Errorf("%q: %+v, want %s", title, r, want)
		}
	}
}
