package cli

import (
	"strings"
	"testing"
)

// --verbose (-v) lists the documents without findings too (text format).
func TestVerboseListsCleanDocuments(t *testing.T) {
	t.Parallel()
	_, quiet, _ := run(t, "check", "../../examples/harbor")
	_, verbose, _ := run(t, "check", "../../examples/harbor", "-v")
	const clean = "IVV-Plan.docx (ivv_plan, docx)"
	if strings.Contains(quiet, clean) {
		t.Errorf("without -v a document without findings is listed:\n%s", quiet)
	}
	if !strings.Contains(verbose, clean) {
		t.Errorf("with -v the document without findings is not listed:\n%s", verbose)
	}
}
