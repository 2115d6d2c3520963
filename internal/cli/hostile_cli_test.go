package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/internal/hangguard"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

// TestEveryLimitIsAFindingNamingFlagAndKey lowers each limit in turn with
// --limit and checks a file that exceeds it: the run goes on, and the
// finding names the limit's config key and the flag that raises it.
func TestEveryLimitIsAFindingNamingFlagAndKey(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := map[string][]byte{
		"plan.docx": testdocs.Corpus(t, "gsa/M3-Playbook-Governance-Plan-Template.docx"),
		"raci.xlsx": testdocs.Corpus(t, "packt-tpm2e/RACI.xlsx"),
		"qasp.md":   testdocs.Corpus(t, "18f/QASP.md"),
		// A tree of its own: project rules run on a whole tree only (a
		// file named alone is part of a submission: TG-SCOPE-001).
		"tree/qasp.md": testdocs.Corpus(t, "18f/QASP.md"),
	}
	if err := os.MkdirAll(filepath.Join(dir, "tree"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, b := range files {
		writeTestFile(t, filepath.Join(dir, name), b)
	}
	cases := map[string]struct {
		file, value, rule string
	}{
		limits.KeyFileBytes:      {"plan.docx", "1KiB", "TG-LIMIT-001"},
		limits.KeyPartBytes:      {"plan.docx", "4KiB", "TG-LIMIT-001"},
		limits.KeyPackageBytes:   {"plan.docx", "64KiB", "TG-LIMIT-001"},
		limits.KeyZipEntries:     {"plan.docx", "3", "TG-LIMIT-001"},
		limits.KeyXMLDepth:       {"plan.docx", "4", "TG-LIMIT-001"},
		limits.KeyRows:           {"raci.xlsx", "3", "TG-LIMIT-001"},
		limits.KeyColumns:        {"raci.xlsx", "2", "TG-LIMIT-001"},
		limits.KeyCells:          {"raci.xlsx", "10", "TG-LIMIT-001"},
		limits.KeyTableCells:     {"qasp.md", "5", "TG-LIMIT-001"},
		limits.KeySharedStrings:  {"raci.xlsx", "100B", "TG-LIMIT-001"},
		limits.KeyMarkdownBytes:  {"qasp.md", "100B", "TG-LIMIT-001"},
		limits.KeyReadTimeout:    {"plan.docx", "1ns", "TG-LIMIT-001"},
		limits.KeyEvalTimeout:    {"qasp.md", "1ns", "TG-EVAL-001"},
		limits.KeyProjectTimeout: {"tree", "1ns", "TG-EVAL-001"},
	}
	// The limits of the run as a whole are not a finding on one file:
	// each has its own test (attacks_test.go, issue 11).
	runLevel := map[string]string{
		limits.KeyEvalMemory:     "TestAttack04EvalMemory",
		limits.KeyRunTimeout:     "TestAttack05RunTimeout",
		limits.KeyPolicyBytes:    "TestAttack07PolicySize",
		limits.KeyDataBytes:      "TestAttack07PolicySize",
		limits.KeyCompileTimeout: "TestAttack07PolicySize",
	}
	for _, key := range limits.Keys() {
		if _, ok := runLevel[key]; ok {
			continue
		}
		if _, ok := cases[key]; !ok {
			t.Errorf("limit %s has no test case", key)
		}
	}
	for _, key := range sortedKeys(cases) {
		c := cases[key]
		t.Run(key, func(t *testing.T) {
			t.Parallel()
			code, out, stderr := run(t, "check", filepath.Join(dir, c.file), "--format", "json",
				"--as-of", "2026-11-22", "--fail-on", "never", "--limit", key+"="+c.value)
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			rep := parseReport(t, []byte(out))
			var hits []string
			for _, f := range rep.Findings {
				if f.Rule == c.rule && strings.Contains(f.Message, "limits."+key) {
					hits = append(hits, f.Message)
					if !strings.Contains(f.Message, "--limit "+key+"=") {
						t.Errorf("message does not say how to raise it: %s", f.Message)
					}
				}
			}
			if len(hits) == 0 {
				t.Fatalf("no %s naming limits.%s; findings: %+v", c.rule, key, rep.Findings)
			}
			if len(rep.Documents) != 1 {
				t.Errorf("documents = %d", len(rep.Documents))
			}
		})
	}
	t.Run("config key", func(t *testing.T) {
		cfg := filepath.Join(t.TempDir(), "tollgate.yaml")
		writeTestFile(t, cfg, []byte("limits: {table_cells: 5}\n"))
		code, out, _ := run(t, "check", filepath.Join(dir, "qasp.md"), "--config", cfg, "--format", "json", "--fail-on", "never")
		if code != ExitOK || !strings.Contains(out, "limits.table_cells") {
			t.Errorf("limits.table_cells in the config: exit %d, no finding naming it", code)
		}
		// The flag overrides the file.
		code, out, _ = run(t, "check", filepath.Join(dir, "qasp.md"), "--config", cfg, "--limit", "table_cells=100000", "--format", "json", "--fail-on", "never")
		if code != ExitOK || strings.Contains(out, "TG-LIMIT-001") {
			t.Errorf("--limit did not override the config: exit %d", code)
		}
	})
	t.Run("bad flag", func(t *testing.T) {
		for _, bad := range []string{"rowz=5", "rows", "rows=-1", "part_bytes=lots", "eval_timeout=soon"} {
			if code, _, stderr := run(t, "check", dir, "--limit", bad); code != ExitToolError || !strings.Contains(stderr, "--limit") {
				t.Errorf("--limit %s: exit %d, stderr %q", bad, code, stderr)
			}
		}
	})
}

// fileState is what a run must not change about an input.
type fileState struct {
	sha  string
	mode fs.FileMode
	mod  time.Time
	size int64
}

func snapshot(t *testing.T, root string) map[string]fileState {
	t.Helper()
	out := map[string]fileState{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		st := fileState{mode: info.Mode(), mod: info.ModTime(), size: info.Size()}
		if !d.IsDir() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			sum := sha256.Sum256(b)
			st.sha = hex.EncodeToString(sum[:])
		}
		out[p] = st
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestInputsUntouchedAndReportsAtomic: after a run over real and hostile
// documents every input is byte-identical (same hash, size, mode and
// modification time), no file appeared or vanished in the input tree, and
// the report replaced the old one in one piece, leaving no temporary file.
func TestInputsUntouchedAndReportsAtomic(t *testing.T) {
	t.Parallel()
	in := t.TempDir()
	for _, rel := range []string{"gsa/M3-Playbook-Governance-Plan-Template.docx", "gsa/M3-Playbook-Master-Schedule-Template.xlsx",
		"18f/QASP.md", "mpxj/mspdirelations.xml", "packt-tpm2e/RACI.xlsx"} {
		writeTestFile(t, filepath.Join(in, filepath.Base(rel)), testdocs.Corpus(t, rel))
	}
	for _, c := range testdocs.HostileCases(t) {
		if c.Name == "rows-200k.xlsx" {
			continue // big and slow; nothing about it is specific to this test
		}
		writeTestFile(t, filepath.Join(in, "hostile", c.Name), c.Data)
	}
	// Read-only inputs must be enough (root ignores the bits; the hashes
	// below are the real check).
	filepath.WalkDir(in, func(p string, d fs.DirEntry, _ error) error {
		if !d.IsDir() {
			os.Chmod(p, 0o444)
		}
		return nil
	})
	before := snapshot(t, in)

	outDir := t.TempDir()
	reportPath := filepath.Join(outDir, "report.json")
	writeTestFile(t, reportPath, []byte("old report\n"))
	code, _, stderr := run(t, "check", in, "--format", "json="+reportPath, "--format", "text="+filepath.Join(outDir, "report.txt"),
		"--as-of", "2026-11-22", "--fail-on", "never", "--quiet")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	after := snapshot(t, in)
	if len(after) != len(before) {
		t.Errorf("the input tree changed: %d entries before, %d after", len(before), len(after))
	}
	for p, b := range before {
		a, ok := after[p]
		switch {
		case !ok:
			t.Errorf("%s: gone after the run", p)
		case a != b:
			t.Errorf("%s: changed by the run: %+v → %+v", p, b, a)
		}
	}
	rep, err := os.ReadFile(reportPath)
	if err != nil {
		t.Fatal(err)
	}
	if r := parseReport(t, rep); len(r.Documents) != len(before)-2 { // minus the two directories
		t.Errorf("report lists %d documents, want %d", len(r.Documents), len(before)-2)
	}
	entries, _ := os.ReadDir(outDir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, ",") != "report.json,report.txt" {
		t.Errorf("output dir holds %v, want only the two reports (no temporary files)", names)
	}
}

// slowPolicy never finishes on any document in a sensible time: a deep
// walk of the input inside two large loops, and a huge comprehension.
// Neither materialises a large value, so only the deadline stops them.
const slowPolicy = `package slow

import rego.v1

deny contains msg if {
	some i in numbers.range(1, 100000)
	some j in numbers.range(1, 100000)
	walk(input, [path, value])
	is_string(value)
	i == j - 100001
	msg := sprintf("%v", [path])
}

deny contains msg if {
	xs := [x | some x in numbers.range(1, 20000); some y in numbers.range(1, 20000); x == y + 1000000]
	count(xs) > 0
	msg := "never"
}
`

// TestLoopingUserPolicyHitsTheDeadline: a user policy that loops is
// stopped at limits.eval_timeout on every document, each gets one
// TG-EVAL-001 naming the limit, and the run completes with its report.
func TestLoopingUserPolicyHitsTheDeadline(t *testing.T) {
	t.Parallel()
	pol := t.TempDir()
	writeTestFile(t, filepath.Join(pol, "slow.rego"), []byte(slowPolicy))
	docs := t.TempDir()
	writeTestFile(t, filepath.Join(docs, "qasp.md"), testdocs.Corpus(t, "18f/QASP.md"))
	writeTestFile(t, filepath.Join(docs, "ims.xlsx"), testdocs.Corpus(t, "gsa/M3-Playbook-Master-Schedule-Template.xlsx"))
	writeTestFile(t, filepath.Join(docs, "plan.docx"), testdocs.Corpus(t, "gsa/M3-Playbook-Risk-Management-Plan-Template.docx"))
	start := time.Now()
	code, out, stderr := run(t, "check", docs, "--policy", pol, "--limit", "eval_timeout=400ms",
		"--format", "json", "--as-of", "2026-11-22")
	took := time.Since(start)
	if code != ExitFail {
		t.Fatalf("exit %d, want 1 (the timeouts are error findings); stderr: %s", code, stderr)
	}
	hangguard.Check(t, "three documents at a 400 ms eval deadline", took, 100*time.Second)
	rep := parseReport(t, []byte(out))
	perDoc := map[string]int{}
	for _, f := range rep.Findings {
		if f.Rule == "TG-EVAL-001" {
			perDoc[f.Path]++
			if !strings.Contains(f.Message, "limits.eval_timeout") || !strings.Contains(f.Message, "--limit eval_timeout=") {
				t.Errorf("TG-EVAL-001 does not name the limit: %s", f.Message)
			}
		}
	}
	if len(rep.Documents) != 3 {
		t.Fatalf("documents = %d, want 3", len(rep.Documents))
	}
	for _, d := range rep.Documents {
		if perDoc[d.Path] != 1 {
			t.Errorf("%s: %d TG-EVAL-001 findings, want 1", d.Path, perDoc[d.Path])
		}
	}
}

// TestPolicyCompileErrorIsAToolError: a user policy that does not compile
// stops the run with exit 2 and names the file and line.
func TestPolicyCompileErrorIsAToolError(t *testing.T) {
	t.Parallel()
	pol := t.TempDir()
	writeTestFile(t, filepath.Join(pol, "broken.rego"), []byte("package broken\n\nimport rego.v1\n\ndeny contains msg if {\n\tmsg := undefined_var\n}\n"))
	code, out, stderr := run(t, "check", "../../testdata/corpus/18f/QASP.md", "--policy", pol)
	if code != ExitToolError {
		t.Fatalf("exit %d, want 2", code)
	}
	if want := filepath.Join(pol, "broken.rego") + ":6"; !strings.Contains(stderr, want) {
		t.Errorf("stderr %q lacks %q", stderr, want)
	}
	if out != "" {
		t.Errorf("a report was printed: %.200s", out)
	}
}

// TestInterruptLeavesNoHalfReport signals a run busy on a large, slow
// input (many documents under a looping policy) with SIGINT and SIGTERM:
// it exits 130 saying so, the previous report is intact and no temporary
// file is left in the output directory.
func TestInterruptLeavesNoHalfReport(t *testing.T) {
	t.Parallel()
	pol := t.TempDir()
	writeTestFile(t, filepath.Join(pol, "slow.rego"), []byte(slowPolicy))
	docs := t.TempDir()
	qasp := testdocs.Corpus(t, "18f/QASP.md")
	for i := range 200 {
		writeTestFile(t, filepath.Join(docs, fmt.Sprintf("qasp-%03d.md", i)), qasp)
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			outDir := t.TempDir()
			reportPath := filepath.Join(outDir, "report.json")
			writeTestFile(t, reportPath, []byte("previous report\n"))
			cmd := exec.Command(os.Args[0], "check", docs, "--policy", pol, "--limit", "eval_timeout=1m",
				"--format", "json="+reportPath, "--format", "text")
			cmd.Env = append(os.Environ(), childEnv+"=1")
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(2 * time.Second) // compiled and busy evaluating
			cmd.Process.Signal(sig)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(30 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("still running 30 s after %s", sig)
			}
			if code := cmd.ProcessState.ExitCode(); code != ExitInterrupted {
				t.Errorf("exit %d, want 130; stderr: %s", code, stderr.String())
			}
			if !strings.Contains(stderr.String(), "interrupted") {
				t.Errorf("stderr does not say it was interrupted: %q", stderr.String())
			}
			if b, _ := os.ReadFile(reportPath); string(b) != "previous report\n" {
				t.Errorf("the previous report was replaced or damaged: %.100q", b)
			}
			if entries, _ := os.ReadDir(outDir); len(entries) != 1 {
				t.Errorf("output dir holds %d entries, want only the previous report", len(entries))
			}
		})
	}
}

// TestThousandFilesHundredBroken: in a run over 1,000 small files of which
// 100 are broken, each broken file gives exactly one TG-READ-* finding and
// each of the other 900 is read and checked.
func TestThousandFilesHundredBroken(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	legacy := testdocs.LegacyDoc(t)
	encrypted := testdocs.Corpus(t, "robust/spreadsheet__protected_passtika.xlsx")
	broken := map[string]bool{}
	for i := range 1000 {
		var name string
		var b []byte
		switch {
		case i%10 != 7: // 900 good documents
			name = fmt.Sprintf("good/charter-%04d.md", i)
			b = fmt.Appendf(nil, "---\nkind: charter\n---\n# Project Charter %d\n\n## Purpose\n\nThis charter authorizes project %d to modernize payroll.\n\n| Milestone | Date |\n|---|---|\n| Kickoff | 2026-01-%02d |\n", i, i, i%28+1)
		case i%40 == 7:
			name, b = fmt.Sprintf("bad/empty-%04d.docx", i), nil
		case i%40 == 17:
			name, b = fmt.Sprintf("bad/legacy-%04d.doc", i), legacy
		case i%40 == 27:
			name, b = fmt.Sprintf("bad/encrypted-%04d.xlsx", i), encrypted
		default:
			name, b = fmt.Sprintf("bad/truncated-%04d.json", i), []byte(`{"kind": "charter", "title": "cut`)
		}
		writeTestFile(t, filepath.Join(dir, name), b)
		if strings.HasPrefix(name, "bad/") {
			broken[name] = true
		}
	}
	if len(broken) != 100 {
		t.Fatalf("generated %d broken files", len(broken))
	}
	start := time.Now()
	code, out, stderr := run(t, "check", dir, "--format", "json", "--as-of", "2026-11-22", "--fail-on", "never")
	t.Logf("1,000 files checked in %s", time.Since(start))
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	rep := parseReport(t, []byte(out))
	if len(rep.Documents) != 1000 {
		t.Fatalf("documents = %d", len(rep.Documents))
	}
	read := map[string]int{}
	for _, f := range rep.Findings {
		if strings.HasPrefix(f.Rule, "TG-READ-") {
			read[f.Path]++
		}
	}
	total := 0
	for p, n := range read {
		total += n
		if !broken[p] {
			t.Errorf("%s: good file got a read finding", p)
		}
	}
	if total != 100 || len(read) != 100 {
		t.Errorf("%d TG-READ-* findings on %d files, want 100 on 100", total, len(read))
	}
	checked := map[string]int{}
	for _, c := range rep.Checks {
		checked[c.Path]++
	}
	good := 0
	for _, d := range rep.Documents {
		if broken[d.Path] {
			continue
		}
		good++
		if d.Status != "ok" || d.Kind != "charter" || checked[d.Path] == 0 {
			t.Errorf("%s: status %s, kind %s, %d checks", d.Path, d.Status, d.Kind, checked[d.Path])
		}
	}
	if good != 900 {
		t.Errorf("good documents = %d, want 900", good)
	}
}
