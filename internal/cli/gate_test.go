package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/report"
)

// TestBaselineOnlyNewDefectFails: against a baseline that lacks one of
// the example's defects (RACI-001), --fail-on-new fails on that defect
// alone; every other finding is existing and does not fail the run.
// Against the full baseline nothing is new and the run passes.
func TestBaselineOnlyNewDefectFails(t *testing.T) {
	dir := t.TempDir()
	full := filepath.Join(dir, "full.json")
	if code, _, stderr := run(t, "check", "../../examples/harbor", "--format", "json="+full); code != ExitFail {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	prev, err := report.ReadResult(full)
	if err != nil {
		t.Fatal(err)
	}
	var kept []finding.Finding
	for _, f := range prev.Findings {
		if f.Rule != "RACI-001" {
			kept = append(kept, f)
		}
	}
	if len(kept) != len(prev.Findings)-1 {
		t.Fatalf("the example should hold one RACI-001 finding")
	}
	prev.Findings = kept
	older := filepath.Join(dir, "older.json")
	b, _ := json.Marshal(prev)
	os.WriteFile(older, b, 0o644)

	out := filepath.Join(dir, "r.json")
	code, _, stderr := run(t, "check", "../../examples/harbor", "--baseline", older, "--fail-on-new", "--format", "json="+out)
	if code != ExitFail {
		t.Fatalf("one new defect: exit %d, want 1: %s", code, stderr)
	}
	res, _ := report.ReadResult(out)
	var newOnes []string
	for _, f := range res.Findings {
		switch f.Baseline {
		case finding.BaselineNew:
			newOnes = append(newOnes, f.Rule)
		case finding.BaselineExisting:
		default:
			t.Errorf("finding %s not marked: %q", f.Rule, f.Baseline)
		}
	}
	if strings.Join(newOnes, ",") != "RACI-001" {
		t.Errorf("new findings %v, want only RACI-001", newOnes)
	}
	if !res.Run.FailOnNew || res.Run.Baseline != older {
		t.Errorf("run record lacks the baseline: %+v", res.Run)
	}

	if code, _, stderr := run(t, "check", "../../examples/harbor", "--baseline", full, "--fail-on-new", "--format", "json="+out); code != ExitOK {
		t.Errorf("nothing new: exit %d, want 0: %s", code, stderr)
	}
	// Without --fail-on-new the baseline only marks: the old defects fail.
	if code, _, _ := run(t, "check", "../../examples/harbor", "--baseline", full, "--format", "json="+out); code != ExitFail {
		t.Errorf("baseline without --fail-on-new: exit %d, want 1", code)
	}
	if code, _, _ := run(t, "check", "../../examples/harbor", "--fail-on-new"); code != ExitToolError {
		t.Errorf("--fail-on-new without a baseline: exit %d, want 2", code)
	}
	if code, _, _ := run(t, "check", "../../examples/harbor", "--baseline", filepath.Join(dir, "missing.json")); code != ExitToolError {
		t.Errorf("missing baseline: exit %d, want 2", code)
	}
}

// TestConfigFailsClosed: each configuration that would check less than it
// says is exit 2 with the key named.
func TestConfigFailsClosed(t *testing.T) {
	cases := []struct{ yaml, key string }{
		{"packs: [core, nosuch]\n", "packs[1]"},
		{"documents:\n  kinds: [{path: \"*.xlsx\", kind: raci_matrix}]\n", "documents.kinds[0].kind"},
		{"severity: {RACI-999: warning}\n", "severity.RACI-999"},
		{"thresholds: {dcma: {logic_pcnt: 5}}\n", "thresholds.dcma.logic_pcnt"},
		{"fail_onn: error\n", "fail_onn"},
		{"waivers:\n  - {rule: \"RACI-*\", path: RACI.xlsx, reason: r, approved_by: a}\n", "waivers[0].rule"},
		{"waivers:\n  - {rule: RACI-999, path: RACI.xlsx, reason: r, approved_by: a}\n", "waivers[0].rule"},
		{"waivers:\n  - {rule: RACI-001, path: \"[RACI.xlsx\", reason: r, approved_by: a}\n", "waivers[0].path"},
	}
	for _, c := range cases {
		dir := t.TempDir()
		copyDir(t, "../../examples/harbor", dir)
		os.WriteFile(filepath.Join(dir, ".tollgate.yaml"), []byte(c.yaml), 0o644)
		code, _, stderr := run(t, "check", dir)
		if code != ExitToolError || !strings.Contains(stderr, c.key) {
			t.Errorf("%q: exit %d, stderr %q; want 2 naming %s", c.yaml, code, stderr, c.key)
		}
	}
	// What rules do read is accepted.
	dir := t.TempDir()
	copyDir(t, "../../examples/harbor", dir)
	os.WriteFile(filepath.Join(dir, ".tollgate.yaml"), []byte("thresholds: {dcma: {logic_pct: 6}, lessons_learned: {after_phase_days: 20}}\nseverity: {RACI-001: warning}\npacks: [core, schedule, xdoc]\n"), 0o644)
	if code, _, stderr := run(t, "check", dir, "--fail-on", "never"); code != ExitOK {
		t.Errorf("valid config: exit %d: %s", code, stderr)
	}
}

// TestNoDocumentsSaysSo: a run over nothing says so on stderr and in the
// report; --require-documents makes it a tool error.
func TestNoDocumentsSaysSo(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("minutes"), 0o644)
	os.WriteFile(filepath.Join(dir, "plan.odt"), []byte("PK"), 0o644)
	code, out, stderr := run(t, "check", dir, "--format", "markdown")
	if code != ExitOK || !strings.Contains(stderr, "no documents were found") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if !strings.Contains(out, "No documents were found") || !strings.Contains(out, "2 files skipped as unsupported") {
		t.Errorf("report does not say nothing was checked:\n%s", out)
	}
	if code, _, _ := run(t, "check", dir, "--require-documents"); code != ExitToolError {
		t.Errorf("--require-documents: exit %d, want 2", code)
	}
}

// TestUnsupportedFilesListed: files in formats tollgate does not read are
// in the report with the reason, and the text report counts them.
func TestUnsupportedFilesListed(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, "../../examples/harbor", dir)
	os.WriteFile(filepath.Join(dir, "minutes.txt"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "Old-Charter.rtf"), []byte(`{\rtf1}`), 0o644)
	out := filepath.Join(t.TempDir(), "r.json")
	code, text, _ := run(t, "check", dir, "--format", "text", "--format", "json="+out)
	if code != ExitFail {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(text, "(0 unreadable, 2 skipped as unsupported)") {
		t.Errorf("text report does not count the skipped files:\n%s", text)
	}
	res, _ := report.ReadResult(out)
	got := map[string]string{}
	for _, d := range res.Documents {
		if d.Status == finding.DocSkipped {
			got[d.Path] = d.Error
		}
	}
	if !strings.Contains(got["Old-Charter.rtf"], "save as .docx") || got["minutes.txt"] == "" || len(got) != 2 {
		t.Errorf("skipped documents %v", got)
	}
	if res.Summary.Documents != 5 || res.Summary.Skipped != 2 {
		t.Errorf("summary %+v", res.Summary)
	}
}

// TestVerboseShowsPassedChecks: -v lists the documents without findings
// and the checks that passed.
func TestVerboseShowsPassedChecks(t *testing.T) {
	_, quiet, _ := run(t, "check", "../../examples/harbor")
	_, verbose, _ := run(t, "check", "../../examples/harbor", "-v")
	if strings.Contains(quiet, "IVV-Plan.docx") || strings.Contains(quiet, "pass    IVV-001") {
		t.Errorf("without -v the clean document is listed")
	}
	for _, want := range []string{"IVV-Plan.docx (ivv_plan, docx — title ", "  pass    IVV-001       IV&V plan names the independent party\n",
		// and what each passed check was read from
		"  pass    GEN-002       Document carries a version\n          read: metadata.version ← paragraph 4: \"Version 1.2\"\n"} {
		if !strings.Contains(verbose, want) {
			t.Errorf("-v lacks %q", want)
		}
	}
}

// TestShardsAddUp: merge(shard 1/N … N/N) is the unsharded run: the same
// documents, findings, checks, rule tallies, procedures and verdict; only
// the clock and the command line differ. A merge that would check less
// (a shard missing or given twice, another configuration) is a tool error.
func TestShardsAddUp(t *testing.T) {
	dir := t.TempDir()
	full := filepath.Join(dir, "full.json")
	if code, _, _ := run(t, "check", "../../examples/harbor", "--format", "json="+full); code != ExitFail {
		t.Fatalf("unsharded exit %d", code)
	}
	want := normalizedReport(t, full)
	cfg := "../../examples/harbor/.tollgate.yaml"
	for _, n := range []int{2, 3} {
		var parts []string
		for i := 1; i <= n; i++ {
			p := filepath.Join(dir, fmt.Sprintf("part-%d-of-%d.json", i, n))
			code, _, stderr := run(t, "check", "../../examples/harbor", "--shard", fmt.Sprintf("%d/%d", i, n), "--format", "json="+p)
			if code != ExitOK {
				t.Fatalf("shard %d/%d exit %d: %s", i, n, code, stderr)
			}
			parts = append(parts, p)
		}
		merged := filepath.Join(dir, fmt.Sprintf("merged-%d.json", n))
		code, _, stderr := run(t, append([]string{"merge", "--config", cfg, "--format", "json=" + merged}, parts...)...)
		if code != ExitFail {
			t.Fatalf("merge of %d shards: exit %d, want the unsharded 1: %s", n, code, stderr)
		}
		if got := normalizedReport(t, merged); got != want {
			t.Errorf("merge of %d shards differs from the unsharded run:\n%s", n, firstDiff(got, want))
		}
		if n == 3 {
			if code, _, stderr := run(t, "merge", "--config", cfg, parts[0], parts[1]); code != ExitToolError || !strings.Contains(stderr, "shards missing: 3/3") {
				t.Errorf("missing shard: exit %d %s", code, stderr)
			}
			if code, _, _ := run(t, "merge", "--config", cfg, parts[0], parts[0], parts[1], parts[2]); code != ExitToolError {
				t.Errorf("shard given twice: exit %d", code)
			}
			if code, _, stderr := run(t, append([]string{"merge"}, parts...)...); code != ExitToolError || !strings.Contains(stderr, "configuration") {
				t.Errorf("another configuration: exit %d %s", code, stderr)
			}
			if code, _, _ := run(t, "merge", "--config", cfg, full); code != ExitToolError {
				t.Errorf("a full report is not a shard: exit %d", code)
			}
		}
	}
}

// normalizedReport is a JSON report without what differs between runs.
func normalizedReport(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	run := m["run"].(map[string]any)
	for _, k := range []string{"started", "duration_ms", "command"} {
		delete(run, k)
	}
	out, _ := json.MarshalIndent(m, "", " ")
	return string(out)
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			lo := max(0, i-3)
			return fmt.Sprintf("line %d:\n got: %s\nwant: %s\n(context: %s)", i, al[i], bl[i], strings.Join(al[lo:i], " / "))
		}
	}
	return fmt.Sprintf("lengths %d, %d", len(al), len(bl))
}
