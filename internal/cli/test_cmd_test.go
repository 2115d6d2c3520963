package cli

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// writeFiles writes name → text under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

const budgetRule = `# METADATA
# title: Charters state a budget
# custom:
#   id: ORG-CHARTER-001
#   severity: error
#   kinds: [charter]
package org.charter_budget

import data.tollgate.lib

deny contains "the charter states no budget" if not input.charter.budget.amount

deny contains "a budget under $1M still needs an approval date" if {
	input.charter.budget.amount < 1000000
	not lib.approved_on(input)
}
`

const budgetTest = `package org.charter_budget_test

import data.org.charter_budget

test_no_budget if {
	"the charter states no budget" in charter_budget.deny with input as {"kind": "charter", "charter": {}}
}

test_real_charter if {
	doc := tollgate.parse_file("testdata/charter.docx")
	doc.kind == "charter"
	count(charter_budget.deny) == 0 with input as doc
}

test_shows_print if {
	print("the budget seen was", 42)
	1 == 2
}
`

// tollgate test runs Rego unit tests with the embedded lib (the rule
// imports data.tollgate.lib) and a real fixture document read by
// tollgate.parse_file; a failing test shows its print() output; --run
// filters; the coverage threshold fails below and passes at or above;
// junit is well-formed XML; --strict names the rule without remediation.
func TestTestCommand(t *testing.T) {
	dir := t.TempDir()
	pol := filepath.Join(dir, "policies")
	writeFiles(t, pol, map[string]string{"budget.rego": budgetRule, "budget_test.rego": budgetTest})
	copyFile(t, "../../examples/harbor/Program-Charter.docx", filepath.Join(pol, "testdata", "charter.docx"))

	code, out, stderr := run(t, "test", pol)
	if strings.Contains(stderr, "warning") {
		t.Errorf("unexpected warning: %s", stderr)
	}
	if code != ExitFail || !strings.Contains(out, "test_shows_print: FAIL") || !strings.Contains(out, "the budget seen was 42") || !strings.Contains(out, "PASS: 2/3") {
		t.Fatalf("exit %d, want 1 with the failing test's print output\nstdout:\n%s\nstderr:\n%s", code, out, stderr)
	}

	passing := []string{"test", pol, "--run", "no_budget|real_charter"}
	code, out, stderr = run(t, append(passing, "--coverage")...)
	// budget.rego counts 4 lines (the one-line rule, the second rule's
	// head and its two expressions); the two tests never make the second
	// rule true (the harbor charter's budget is over $1M), so its head
	// (line 13) is not covered: 3 of 4.
	if code != ExitOK || !strings.Contains(out, "COVERAGE: 75.0% (3 of 4 lines)") || !strings.Contains(out, "not covered: 13") {
		t.Fatalf("--coverage: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, stderr)
	}
	if code, _, stderr = run(t, append(passing, "--coverage-threshold", "75")...); code != ExitOK {
		t.Errorf("--coverage-threshold 75 at 75%%: exit %d, want 0; %s", code, stderr)
	}
	code, _, stderr = run(t, append(passing, "--coverage-threshold", "75.1")...)
	if code != ExitFail || !strings.Contains(stderr, "below --coverage-threshold 75.1") {
		t.Errorf("--coverage-threshold 75.1 at 75%%: exit %d, want 1; %s", code, stderr)
	}

	code, out, _ = run(t, "test", pol, "--format", "junit")
	var suites junitSuites
	if err := xml.Unmarshal([]byte(out), &suites); err != nil || code != ExitFail {
		t.Fatalf("junit: exit %d, %v\n%s", code, err, out)
	}
	if suites.Tests != 3 || suites.Failures != 1 || !strings.Contains(out, "the budget seen was 42") {
		t.Errorf("junit = %+v\n%s", suites, out)
	}

	code, _, stderr = run(t, append(passing, "--strict")...)
	if code != ExitFail || !strings.Contains(stderr, "ORG-CHARTER-001 has no METADATA custom.remediation") {
		t.Errorf("--strict: exit %d, want 1 naming the missing remediation; %s", code, stderr)
	}

	// A file defining no rule is a warning naming it (its test file is not).
	writeFiles(t, pol, map[string]string{"stray.rego": "package org.stray\n\nallow if true\n"})
	if _, _, stderr = run(t, passing...); !strings.Contains(stderr, "warning: "+filepath.Join(pol, "stray.rego")+": package org.stray defines no rule") {
		t.Errorf("stray file: stderr %q", stderr)
	}

	// --strict compiles strictly: an unused variable is an error.
	writeFiles(t, pol, map[string]string{"unused.rego": `# METADATA
# title: Unused
# custom:
#   id: ORG-X-1
#   remediation: none
package org.unused

deny contains "x" if {
	n := 1
	input.kind == "charter"
}
`})
	code, _, stderr = run(t, "test", pol, "--run", "no_budget", "--strict")
	if code != ExitToolError || !strings.Contains(stderr, "assigned var n unused") {
		t.Errorf("--strict with an unused variable: exit %d, want 2; %s", code, stderr)
	}
}

// A rule reading a field the charter does not have fails to compile,
// naming the field and the nearest real names.
func TestTypoInFieldFailsToCompile(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"sponsor.rego": `# METADATA
# title: A sponsor is named
# custom:
#   id: ORG-CHARTER-009
#   kinds: [charter]
package org.sponsor

deny contains "no sponsor" if not input.charter.sponser.name
`, "sponsor_test.rego": "package org.sponsor_test\n\ntest_x if true\n"})
	for _, args := range [][]string{{"test", dir}, {"rules", "--policy", dir}} {
		code, _, stderr := run(t, args...)
		if code != ExitToolError || !strings.Contains(stderr, "undefined ref: input.charter.sponser.name") ||
			!strings.Contains(stderr, `input.charter has no field "sponser"; nearest: sponsor`) {
			t.Errorf("%v: exit %d, want 2 naming the field and its nearest names; stderr:\n%s", args, code, stderr)
		}
	}
}

// http.send and opa.runtime are refused by default, and the message names
// what allows them; --allow-net opens http.send.
func TestSandboxRefusalsNameTheFlag(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"net.rego": `package org.net

deny contains "down" if http.send({"method": "GET", "url": "https://registry.example.gov/status"}).status_code != 200
`})
	code, _, stderr := run(t, "rules", "--policy", dir)
	if code != ExitToolError || !strings.Contains(stderr, "undefined function http.send") || !strings.Contains(stderr, "--allow-net HOST") {
		t.Errorf("http.send: exit %d, want 2 naming --allow-net; stderr:\n%s", code, stderr)
	}
	code, out, stderr := run(t, "rules", "--policy", dir, "--allow-net", "registry.example.gov")
	if code != ExitOK || !strings.Contains(out, "org.net.deny") {
		t.Errorf("--allow-net: exit %d; stdout %s; stderr %s", code, out, stderr)
	}

	rt := t.TempDir()
	writeFiles(t, rt, map[string]string{"env.rego": `package org.env

deny contains "no token" if not opa.runtime().env.TOKEN
`})
	code, _, stderr = run(t, "rules", "--policy", rt)
	if code != ExitToolError || !strings.Contains(stderr, "undefined function opa.runtime") || !strings.Contains(stderr, "--data FILE") {
		t.Errorf("opa.runtime: exit %d, want 2 naming --data; stderr:\n%s", code, stderr)
	}
}

// A conftest-style policy (internal/policy/testdata/conftest, package
// main) runs unchanged through check on real documents: its deny,
// deny_budget, violation and warn findings are reported under derived IDs,
// and the pilot charter's budget finding is lifted by its exception (shown
// waived).
func TestConftestPolicyThroughCheck(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		".tollgate.yaml": "packs: [xdoc]\n",
		"portal.md":      "---\nkind: charter\ntitle: Portal Charter\n---\n\n# Portal Charter\n\n## Deliverables\n\n- Portal\n",
		"pilot.md":       "---\nkind: charter\ntitle: Pilot Charter\n---\n\n# Pilot Charter\n\n## Purpose\n\nTry the portal with one office.\n\n## Sponsor\n\nJordan Lee, Deputy Director, Records Division\n",
	})
	code, out, stderr := run(t, "check", dir, "--policy", "../policy/testdata/conftest", "--as-of", "2026-01-15", "--format", "json")
	if code != ExitFail {
		t.Fatalf("exit %d, want 1; %s", code, stderr)
	}
	var rep struct {
		Findings []struct {
			Rule, Path, Message, Status, Severity string
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range rep.Findings {
		if strings.HasPrefix(f.Rule, "main.") {
			got = append(got, f.Path+" "+f.Rule+" "+f.Severity+" "+f.Status+": "+f.Message)
		}
	}
	sort.Strings(got)
	want := []string{
		"pilot.md main.deny_budget error waived: the charter states no budget amount",
		"portal.md main.deny error fail: portal.md: the charter names no sponsor",
		"portal.md main.deny_budget error fail: the charter states no budget amount",
		"portal.md main.violation error fail: the charter has no purpose statement",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("conftest findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// tollgate test --builtin runs the built-in packs' own Rego tests (with the
// as_of they are written against); --run narrows them.
func TestTestBuiltin(t *testing.T) {
	code, out, stderr := run(t, "test", "--builtin", "--run", `core\.charter_00[12]_test`, "--coverage")
	if code != ExitOK || !strings.Contains(out, "PASS: ") || strings.Contains(out, "FAIL") || !strings.Contains(out, "COVERAGE: ") {
		t.Errorf("test --builtin: exit %d\n%.2000s\n%s", code, out, stderr)
	}
}
