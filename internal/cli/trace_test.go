package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// check --trace RULE-ID writes the rule's evaluation trace and its print()
// output for the document to stderr; an unknown rule is a tool error.
func TestCheckTrace(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"policies/budget.rego": `# METADATA
# title: Charters state a budget
# custom:
#   id: ORG-CHARTER-001
#   kinds: [charter]
package org.charter_budget

deny contains "the charter states no budget amount" if {
	print("budget seen:", object.get(input.charter, "budget", null))
	not input.charter.budget.amount
}
`,
		"docs/charter.md": "---\nkind: charter\ntitle: Portal Charter\n---\n\n# Portal Charter\n\n## Purpose\n\nBuild the portal.\n",
	})
	doc := filepath.Join(dir, "docs", "charter.md")
	code, _, stderr := run(t, "check", doc, "--policy", filepath.Join(dir, "policies"), "--as-of", "2026-01-15", "-q", "--trace", "org-charter-001")
	if code != ExitFail {
		t.Fatalf("exit %d, want 1 (the charter fails); stderr:\n%s", code, stderr)
	}
	for _, want := range []string{"── trace of ORG-CHARTER-001 on ", "print: ", "budget seen: null", "Enter data.org.charter_budget.deny", `result deny = [the charter states no budget amount]`} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%.3000s", want, stderr)
		}
	}
	code, _, stderr = run(t, "check", doc, "--as-of", "2026-01-15", "-q", "--trace", "NOPE-1")
	if code != ExitToolError || !strings.Contains(stderr, "--trace NOPE-1: no such rule") {
		t.Errorf("unknown rule: exit %d %s", code, stderr)
	}
}
