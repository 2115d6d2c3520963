package normalize

import (
	"testing"

	"github.com/tollgate-dev/tollgate/internal/classify"
	"github.com/tollgate-dev/tollgate/internal/document"
)

// Markdown documents write an approval block one field per line; a field
// that repeats starts the next approver. An unfilled block ("Signature:
// ________") records no approval.
func TestApprovalLines(t *testing.T) {
	para := func(s string) document.Block { return document.Block{Kind: document.BlockParagraph, Text: s} }
	tr := &document.Tree{Path: "c.md", Format: document.FormatMD, Blocks: []document.Block{
		{Kind: document.BlockHeading, Level: 1, Text: "Project Charter"},
		{Kind: document.BlockHeading, Level: 2, Text: "Approvals"},
		para("Approved by: Jane Doe\nRole: Project Sponsor\nSignature: /s/ Jane Doe\nDate: 2024-03-01"),
		para("Approved by: Bob Smith\nRole: Project Manager\nDate: March 3, 2024"),
		para("Name: ________\nSignature: ________\nDate: ________"),
		{Kind: document.BlockHeading, Level: 2, Text: "Notes"},
		para("Name: Not An Approver\nDate: 2024-01-01"),
	}}
	a := Normalize(tr, classify.Result{Kind: "charter"}, Options{})
	ap := a.Metadata.Approvals
	if len(ap) != 2 {
		t.Fatalf("approvals = %+v", ap)
	}
	if ap[0].Name != "Jane Doe" || ap[0].Role != "sponsor" || !ap[0].Signed || *ap[0].Date != "2024-03-01" || *ap[0].Decision != "approved" {
		t.Errorf("first = %+v", ap[0])
	}
	if ap[1].Name != "Bob Smith" || ap[1].Signed || *ap[1].Date != "2024-03-03" {
		t.Errorf("second = %+v", ap[1])
	}
}
