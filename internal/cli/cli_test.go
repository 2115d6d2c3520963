package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

var update = flag.Bool("update", false, "rewrite golden files")

func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	testdocs.Golden(t, filepath.Join("../../testdata/golden/report", name), got, *update)
}

// TestExampleReportGolden: the bundled example program's JSON and text
// reports, with the run's clock fields blanked, match the checked-in
// reports; the run fails (exit 1) on exactly its two deliberate defects.
func TestExampleReportGolden(t *testing.T) {
	t.Parallel()
	code, out, stderr := run(t, "check", "../../examples/harbor", "--format", "json")
	if code != ExitFail {
		t.Fatalf("exit %d, want %d; stderr: %s", code, ExitFail, stderr)
	}
	var rep map[string]any
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, out)
	}
	for _, k := range []string{"schema_version", "tool", "run", "documents", "findings", "checks", "rules", "summary"} {
		if _, ok := rep[k]; !ok {
			t.Errorf("report lacks %q", k)
		}
	}
	runInfo := rep["run"].(map[string]any)
	if runInfo["as_of"] != "2026-11-16" {
		t.Errorf("as_of = %v, want the pinned 2026-11-16", runInfo["as_of"])
	}
	// Clock and policy-source fields change with every run or rule edit;
	// the digest itself is tested in internal/policy.
	policyDigest, _ := runInfo["policy_digest"].(string)
	runInfo["started"], runInfo["duration_ms"], runInfo["command"], runInfo["policy_digest"] = "", 0, "", ""
	rep["tool"].(map[string]any)["version"] = ""
	var rules []string
	for _, f := range rep["findings"].([]any) {
		m := f.(map[string]any)
		if m["status"] == "fail" && m["severity"] == "error" {
			rules = append(rules, m["rule"].(string))
		}
	}
	sort.Strings(rules)
	// The two deliberate defects, and XDOC-009: the early start is also
	// before the IV&V plan's approval.
	if strings.Join(rules, ",") != "RACI-001,XDOC-001,XDOC-009" {
		t.Errorf("error findings %v, want the deliberate defects XDOC-001 and RACI-001 and XDOC-009", rules)
	}
	b, _ := json.MarshalIndent(rep, "", "  ")
	golden(t, "harbor.json", append(b, '\n'))

	code, text, _ := run(t, "check", "../../examples/harbor")
	if code != ExitFail {
		t.Fatalf("text run exit %d", code)
	}
	// The text report's audit line names the policy digest too.
	if len(policyDigest) >= 12 {
		text = strings.ReplaceAll(text, policyDigest[:12], "<policy>")
	}
	golden(t, "harbor.txt", []byte(text))
}

func TestExitCodes(t *testing.T) {
	t.Parallel()
	if code, _, _ := run(t, "check", "../../examples/harbor", "--fail-on", "never"); code != ExitOK {
		t.Errorf("--fail-on never: exit %d, want 0", code)
	}
	if code, _, _ := run(t, "check", "no/such/dir"); code != ExitToolError {
		t.Errorf("missing path: exit %d, want 2", code)
	}
	if code, _, _ := run(t, "check", "--fail-on", "sometimes", "../../examples/harbor"); code != ExitToolError {
		t.Errorf("bad flag value: exit %d, want 2", code)
	}
}

func TestParsePrintsArtifactAndTree(t *testing.T) {
	t.Parallel()
	code, out, stderr := run(t, "parse", "../../examples/harbor/RACI.xlsx")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, `"kind": "raci"`) || !strings.Contains(out, `"Assess readiness for go-live"`) {
		t.Errorf("parse output lacks the RACI payload:\n%.600s", out)
	}
	code, out, _ = run(t, "parse", "--tree", "../../examples/harbor/Program-Charter.docx")
	if code != 0 || !strings.Contains(out, `"blocks"`) || !strings.Contains(out, `"Purpose"`) {
		t.Errorf("parse --tree: exit %d, output:\n%.600s", code, out)
	}
}

// TestRulesMarkdownInSync: docs/rules.md is `tollgate rules --format
// markdown`; regenerate it with that command (or -update) after a rule edit.
func TestRulesMarkdownInSync(t *testing.T) {
	t.Parallel()
	code, out, stderr := run(t, "rules", "--format", "markdown")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	p := "../../docs/rules.md"
	if *update {
		if err := os.WriteFile(p, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != out {
		t.Errorf("docs/rules.md is out of date: run go run ./cmd/tollgate rules --format markdown > docs/rules.md")
	}
	for _, id := range []string{"GEN-001", "PMP-012", "SCHED-DCMA-14", "XDOC-004"} {
		if !strings.Contains(out, "| "+id+" |") {
			t.Errorf("catalog lacks %s", id)
		}
	}
}

func TestExplain(t *testing.T) {
	t.Parallel()
	code, out, _ := run(t, "explain", "raci-001")
	if code != 0 || !strings.Contains(out, "RACI-001 — Exactly one Accountable per activity") || !strings.Contains(out, "How to fix") {
		t.Errorf("explain: exit %d\n%s", code, out)
	}
	if code, _, _ := run(t, "explain", "NOPE-999"); code != ExitToolError {
		t.Errorf("unknown rule: exit %d, want 2", code)
	}
	if code, out, _ := run(t, "explain", "TG-READ-002"); code != 0 || !strings.Contains(out, "encrypted") {
		t.Errorf("tool rule: exit %d\n%s", code, out)
	}
}
