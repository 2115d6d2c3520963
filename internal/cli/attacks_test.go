package cli

// The reproductions of issue 11 ("Untrusted pull requests: read nothing
// outside the tree, inject nothing, exhaust nothing"), one test per
// defect, on the fixtures in testdata/attacks. Each failed on the code
// before its fix. Timing is only a hang guard (hangguard.Within), its
// bound far above what the run needs.

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/internal/hangguard"
)

const attacksDir = "../../testdata/attacks"

// attackTree copies testdata/attacks/<name> into a temporary directory
// (tollgate.yaml becomes .tollgate.yaml: fixtures stay visible) and
// returns it.
func attackTree(t *testing.T, name string) string {
	t.Helper()
	return attackTreeAt(t, name, t.TempDir())
}

// attackTreeAt is attackTree into dst.
func attackTreeAt(t *testing.T, name, dst string) string {
	t.Helper()
	src := filepath.Join(attacksDir, name)
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		switch filepath.Base(rel) {
		case "tollgate.yaml", "tollgateignore":
			rel = filepath.Join(filepath.Dir(rel), "."+filepath.Base(rel))
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// attackFile is the bytes of one fixture file.
func attackFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(attacksDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// attackReport is the part of the JSON report these tests read.
type attackReport struct {
	Documents []struct {
		Path   string `json:"path"`
		Status string `json:"status"`
		Error  string `json:"error"`
	} `json:"documents"`
	Findings []struct {
		Rule     string `json:"rule"`
		Path     string `json:"path"`
		Message  string `json:"message"`
		Status   string `json:"status"`
		Severity string `json:"severity"`
	} `json:"findings"`
	Run struct {
		AsOf string `json:"as_of"`
	} `json:"run"`
	Artifacts []json.RawMessage `json:"artifacts"`
	Summary   struct {
		Verdict string `json:"verdict"`
		Waived  int    `json:"waived"`
	} `json:"summary"`
}

func decodeAttackReport(t *testing.T, out string) attackReport {
	t.Helper()
	var r attackReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, out)
	}
	return r
}

// hasFinding: some finding of rule ("" = any rule) has a message holding
// each of words.
func (r attackReport) hasFinding(rule string, words ...string) bool {
	for _, f := range r.Findings {
		if rule != "" && f.Rule != rule {
			continue
		}
		ok := true
		for _, w := range words {
			ok = ok && strings.Contains(f.Message, w)
		}
		if ok {
			return true
		}
	}
	return false
}

// Defect 6: a waiver path and a documents.kinds glob of 24 "**/" segments
// against a document 30 directories deep used to backtrack exponentially
// (over 150 s); every configured glob now matches in linear time.
func TestAttack06GlobBacktracking(t *testing.T) {
	t.Parallel()
	dir := attackTree(t, "06-glob")
	deep := filepath.Join(dir, strings.Repeat("d/", 30))
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(dir, "notes.md"), filepath.Join(deep, "notes.md")); err != nil {
		t.Fatal(err)
	}
	var code int
	var out, stderr string
	hangguard.Within(t, attackTimeout(60*time.Second), "the check", func() {
		code, out, stderr = run(t, "check", dir, "--format", "json", "--as-of", "2026-11-22", "--fail-on", "never")
	})
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if r := decodeAttackReport(t, out); !r.hasFinding("TG-WAIVER-002") {
		t.Errorf("the waiver should be reported unused: %+v", r.Findings)
	}
}

// attackTimeout is d, or TOLLGATE_ATTACK_TIMEOUT when set (a short guard
// to see a reproduction hang on old code without waiting for it).
func attackTimeout(d time.Duration) time.Duration {
	if v, err := time.ParseDuration(os.Getenv("TOLLGATE_ATTACK_TIMEOUT")); err == nil {
		return v
	}
	return d
}

// checkAttack runs check on the fixture tree name with args, under a hang
// guard, and returns the exit code, stdout and stderr.
func checkAttack(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	var code int
	var out, stderr string
	hangguard.Within(t, attackTimeout(120*time.Second), "the check", func() {
		code, out, stderr = run(t, append([]string{"check", dir, "--as-of", "2026-11-22"}, args...)...)
	})
	return code, out, stderr
}

// Defect 4: a user policy joining 200 copies of a 1 MB string (20,000 in
// the report: a fatal out-of-memory) now gets a TG-EVAL-001 finding on
// that document naming limits.eval_memory, and the run completes.
func TestAttack04EvalMemory(t *testing.T) {
	t.Parallel()
	dir := attackTree(t, "04-memory")
	code, out, stderr := checkAttack(t, dir, "--format", "json", "--fail-on", "never", "--limit", "eval_memory=64MiB")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	r := decodeAttackReport(t, out)
	if !r.hasFinding("TG-EVAL-001", "eval_memory") {
		t.Errorf("no TG-EVAL-001 naming eval_memory: %+v", r.Findings)
	}
	for _, f := range r.Findings {
		if strings.Contains(f.Message, "joined") {
			t.Errorf("the 200 MB value was built: %s", f.Message)
		}
	}
}

// Defect 4, the slow way: 400 distinct 1 MB strings, each under the
// per-value bound, are stopped by the memory guard (eval_memory 64 MiB)
// with a TG-EVAL-001 finding, and the run completes.
func TestAttack04EvalMemoryGradual(t *testing.T) {
	t.Parallel()
	dir := attackTree(t, "04-memory-gradual")
	code, out, stderr := checkAttack(t, dir, "--format", "json", "--fail-on", "never", "--limit", "eval_memory=64MiB")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	r := decodeAttackReport(t, out)
	if !r.hasFinding("TG-EVAL-001", "eval_memory") {
		t.Errorf("no TG-EVAL-001 naming eval_memory: %+v", r.Findings)
	}
	if r.hasFinding("", "built 400 strings") {
		t.Error("the 400 MB were built")
	}
}

// Defect 5: count([a | some _ in numbers.range(1, 1000000)]) ran for 135 s
// against a 10 s deadline; the range is now refused at once.
func TestAttack05HugeRange(t *testing.T) {
	t.Parallel()
	dir := attackTree(t, "05-range")
	code, out, stderr := checkAttack(t, dir, "--format", "json", "--fail-on", "never")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if r := decodeAttackReport(t, out); !r.hasFinding("TG-EVAL-001", "numbers.range") {
		t.Errorf("no TG-EVAL-001 naming numbers.range: %+v", r.Findings)
	}
}

// Defect 9: time.now_ns returns the run's as_of (midnight UTC), and
// rand.intn and uuid.rfc4122 do not compile.
func TestAttack09ClockAndRandomness(t *testing.T) {
	t.Parallel()
	code, out, stderr := checkAttack(t, attackTree(t, "09-clock"), "--format", "json", "--fail-on", "never")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	asOf := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC).UnixNano()
	if r := decodeAttackReport(t, out); !r.hasFinding("", fmt.Sprintf("now=%d", asOf)) {
		var msgs []string
		for _, f := range r.Findings {
			msgs = append(msgs, f.Rule+": "+f.Message)
		}
		t.Errorf("time.now_ns is not as_of (%d): %v", asOf, msgs)
	}
	code, _, stderr = checkAttack(t, attackTree(t, "09-random"))
	if code != ExitToolError || !strings.Contains(stderr, "rand.intn") {
		t.Errorf("randomness compiled: exit %d: %s", code, stderr)
	}
}

// Defect 12: --jobs N started N goroutines whatever the file count
// (--jobs 100000000: a fatal out-of-memory). It is capped at 4 × CPUs with
// a note, and at the file count.
func TestAttack12Jobs(t *testing.T) {
	t.Parallel()
	dir := attackTree(t, "12-jobs")
	code, _, stderr := checkAttack(t, dir, "--fail-on", "never", "--jobs", "5000")
	if code != ExitOK || !strings.Contains(stderr, "--jobs 5000 is more than") {
		t.Fatalf("exit %d, no note on the capped --jobs: %q", code, stderr)
	}
	code, _, stderr = checkAttack(t, dir, "--fail-on", "never", "--jobs", "100000000")
	if code != ExitOK || !strings.Contains(stderr, "using") {
		t.Fatalf("exit %d: %q", code, stderr)
	}
	if code, _, _ := checkAttack(t, dir, "--jobs", "-3"); code != ExitToolError {
		t.Errorf("--jobs -3: exit %d", code)
	}
}

// Defect 13: --output replaced a device or a symbolic link with a regular
// file (as root, /dev/full became a file, exit 1, no error). A target that
// is not a regular file is now refused (exit 2) and left as it was.
func TestAttack13OutputNotRegular(t *testing.T) {
	t.Parallel()
	dir := attackTree(t, "12-jobs")
	out := t.TempDir()
	target := filepath.Join(out, "target.txt")
	if err := os.WriteFile(target, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(out, "report.json")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(out, "fifo.json")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, o := range []string{link, fifo, out} {
		code, _, stderr := checkAttack(t, dir, "--format", "json", "--output", o)
		if code != ExitToolError || !strings.Contains(stderr, "not a regular file") {
			t.Errorf("--output %s: exit %d: %s", o, code, stderr)
		}
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the symbolic link was replaced: %v %v", st.Mode(), err)
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v", err)
	}
	if b, _ := os.ReadFile(target); string(b) != "keep" {
		t.Errorf("the link's target was written: %q", b)
	}
}

// symlink makes link point to target, failing the test if it cannot.
func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// Defect 1: the checked tree's config named files outside the tree
// (absolute, "../", symbolic links) and a policy of the tree printed them
// into the report. Each way is now refused with exit 2, and the secret
// reaches neither the report nor the error; --data on the command line
// (the user's own choice) still reads any file.
func TestAttack01ConfigReadsOutsideTree(t *testing.T) {
	t.Parallel()
	const secretMark = "TOLLGATE-FAKE-SECRET"
	base := t.TempDir()
	tree := filepath.Join(base, "tree")
	attackTreeAt(t, "01-config-outside", tree)
	outside := filepath.Join(base, "outside")
	if err := os.MkdirAll(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	secret := filepath.Join(outside, "secret.json")
	if err := os.Rename(filepath.Join(tree, "secret.json"), secret); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "evil.rego"), attackFile(t, "01-config-outside/p/leak.rego"), 0o644); err != nil {
		t.Fatal(err)
	}
	symlink(t, secret, filepath.Join(tree, "link.json"))
	if err := os.MkdirAll(filepath.Join(tree, "q"), 0o755); err != nil {
		t.Fatal(err)
	}
	symlink(t, filepath.Join(outside, "evil.rego"), filepath.Join(tree, "q", "evil.rego"))
	symlink(t, outside, filepath.Join(tree, "outdir"))
	for name, cfg := range map[string]string{
		"absolute data":         "packs: [core]\npolicies: [p/]\ndata: [" + secret + "]\n",
		"parent data":           "policies: [p/]\ndata: [../outside/secret.json]\n",
		"nested parent data":    "policies: [p/]\ndata: [p/../../outside/secret.json]\n",
		"symlinked data":        "policies: [p/]\ndata: [link.json]\n",
		"symlinked policy file": "policies: [q/]\ndata: [link.json]\n",
		"symlinked policy dir":  "policies: [outdir/]\n",
		"absolute policy dir":   "policies: [" + outside + "]\n",
	} {
		t.Run(name, func(t *testing.T) {
			if err := os.WriteFile(filepath.Join(tree, ".tollgate.yaml"), []byte(cfg), 0o644); err != nil {
				t.Fatal(err)
			}
			code, out, stderr := checkAttack(t, tree, "--format", "json")
			if code != ExitToolError {
				t.Errorf("exit %d, want %d: %s", code, ExitToolError, stderr)
			}
			if strings.Contains(out+stderr, secretMark) {
				t.Errorf("the secret reached the output:\n%s\n%s", out, stderr)
			}
		})
	}
	// A configuration symlinked out of the tree is refused too.
	os.Remove(filepath.Join(tree, ".tollgate.yaml"))
	symlink(t, secret, filepath.Join(tree, ".tollgate.yaml"))
	if code, out, stderr := checkAttack(t, tree); code != ExitToolError || strings.Contains(out+stderr, secretMark) {
		t.Errorf("symlinked config: exit %d:\n%s\n%s", code, out, stderr)
	}
	// The command line may name any file.
	os.Remove(filepath.Join(tree, ".tollgate.yaml"))
	code, out, stderr := checkAttack(t, tree, "--format", "json", "--policy", filepath.Join(tree, "p"), "--data", secret)
	if code == ExitToolError || !strings.Contains(out, secretMark) {
		t.Errorf("--data on the command line: exit %d: %s", code, stderr)
	}
}

// Defect 7: policy and data files had no size limit and could be any
// file: a policy that is a FIFO hung the run, /dev/zero exhausted the
// memory. A file that is not regular is refused, the user policies and
// data files are bounded (limits.policy_bytes, limits.data_bytes), and
// the compilation has a deadline (limits.compile_timeout): each is exit 2
// naming the cause.
func TestAttack07PolicySize(t *testing.T) {
	t.Parallel()
	dir := attackTree(t, "07-policy-files")
	pol := filepath.Join(dir, "p")
	fifo := filepath.Join(pol, "fifo.rego")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := checkAttack(t, dir, "--policy", pol)
	if code != ExitToolError || !strings.Contains(stderr, "not a regular file") {
		t.Errorf("FIFO policy: exit %d: %s", code, stderr)
	}
	os.Remove(fifo)
	symlink(t, "/dev/zero", filepath.Join(pol, "z.rego"))
	code, _, stderr = checkAttack(t, dir, "--policy", pol)
	if code != ExitToolError || !strings.Contains(stderr, "not a regular file") {
		t.Errorf("/dev/zero policy: exit %d: %s", code, stderr)
	}
	os.Remove(filepath.Join(pol, "z.rego"))

	big := "package attack.big\n\nimport rego.v1\n\n" + strings.Repeat("# padding padding padding padding\n", 200)
	if err := os.WriteFile(filepath.Join(pol, "big.rego"), []byte(big), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = checkAttack(t, dir, "--policy", pol, "--limit", "policy_bytes=4KiB")
	if code != ExitToolError || !strings.Contains(stderr, "limits.policy_bytes") {
		t.Errorf("large policy: exit %d: %s", code, stderr)
	}
	data := filepath.Join(dir, "data.json")
	if err := os.WriteFile(data, []byte(`{"x": "`+strings.Repeat("y", 5000)+`"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = checkAttack(t, dir, "--data", data, "--limit", "data_bytes=4KiB")
	if code != ExitToolError || !strings.Contains(stderr, "limits.data_bytes") {
		t.Errorf("large data: exit %d: %s", code, stderr)
	}
	code, _, stderr = checkAttack(t, dir, "--limit", "compile_timeout=1ns")
	if code != ExitToolError || !strings.Contains(stderr, "compile_timeout") {
		t.Errorf("compile deadline: exit %d: %s", code, stderr)
	}
}

// Defect 2: a symbolic link in the checked tree to a file outside it
// (ln -s /etc/passwd r/passwd.csv) was followed: its rows reached the
// rules' input and the report. It is now listed unread with TG-READ-007;
// --follow-symlinks opts in, and links inside the tree are still read.
func TestAttack02SymlinkOutOfTree(t *testing.T) {
	t.Parallel()
	const mark = "TOLLGATE-FAKE-PASSWD"
	base := t.TempDir()
	tree := attackTreeAt(t, "02-symlink", filepath.Join(base, "tree"))
	outside := filepath.Join(base, "passwd")
	if err := os.Rename(filepath.Join(tree, "outside-passwd.csv"), outside); err != nil {
		t.Fatal(err)
	}
	symlink(t, outside, filepath.Join(tree, "passwd.csv"))
	symlink(t, "charter.md", filepath.Join(tree, "linked-charter.md"))

	code, out, stderr := checkAttack(t, tree, "--format", "json", "--keep-artifacts", "--fail-on", "never")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Contains(out, mark) {
		t.Errorf("the linked file was read:\n%s", out)
	}
	r := decodeAttackReport(t, out)
	if !r.hasFinding("TG-READ-007", "outside the checked directory", "--follow-symlinks") {
		t.Errorf("the link is not listed with its reason: %+v", r.Findings)
	}
	var docs []string
	for _, d := range r.Documents {
		docs = append(docs, d.Path)
	}
	if strings.Join(docs, ",") != "charter.md,linked-charter.md,passwd.csv" {
		t.Errorf("documents = %v", docs)
	}
	code, out, stderr = checkAttack(t, tree, "--format", "json", "--keep-artifacts", "--fail-on", "never", "--follow-symlinks")
	if code != ExitOK || !strings.Contains(out, mark) {
		t.Errorf("--follow-symlinks did not read the link: exit %d: %s", code, stderr)
	}
}

// Defect 3 (end to end): a file named with a workflow command, a
// Markdown heading holding &#10;, a CSV header cell with
// ::stop-commands:: and ESC/OSC sequences print no line that starts with
// "::" and no control character in the text report.
func TestAttack03TextInjection(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, src := range map[string]string{
		"x\n::error file=README.md,line=1::Injected\n.md": "charter.md",
		"charter-escapes.md":                              "charter-escapes.md",
		"header-injection.csv":                            "header-injection.csv",
		"\x1b]0;pwned\x07.md":                             "charter.md",
		"::warning::path.md":                              "charter.md",
		"a\r::notice::cr\r.md":                            "charter.md",
		"tab\t::group::tab.md":                            "charter.md",
		"bell\x07\x1b[2J.md":                              "charter.md",
		"sep\u2028::error::x.md":                          "charter.md",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), attackFile(t, src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, stderr := checkAttack(t, dir, "--verbose")
	if code != ExitFail && code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for i, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(strings.TrimLeft(line, " \t"), "::") {
			t.Errorf("line %d starts a workflow command: %q", i+1, line)
		}
		if strings.ContainsFunc(line, func(r rune) bool { return r < 0x20 || r == 0x7f || r == 0x2028 }) {
			t.Errorf("line %d holds a control character: %q", i+1, line)
		}
	}
	if !strings.Contains(out, `x\n::error file=README.md,line=1::Injected\n.md`) {
		t.Errorf("the hostile name is not shown escaped:\n%s", out)
	}
}

// Defect 5, whole run: with every rule inside its own deadline (here a
// generous eval_timeout), limits.run_timeout still ends the run: exit 2
// naming the limit.
func TestAttack05RunTimeout(t *testing.T) {
	t.Parallel()
	dir := attackTree(t, "05-run-timeout")
	code, _, stderr := checkAttack(t, dir, "--limit", "eval_timeout=10m", "--limit", "run_timeout=2s")
	if code != ExitToolError || !strings.Contains(stderr, "limits.run_timeout") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

// TestTrustModel: under --trusted-config, a hostile checked-tree
// configuration cannot loosen the gate in any of the ways of issue 11
// (limits raised, fail_on: never, severity off or lowered, waivers on
// "**", documents excluded, .tollgateignore, an earlier as_of, looser
// thresholds); it can tighten it (a higher severity), and its waivers
// count only as trust.waivers says. Without a trusted configuration the
// same tree passes by excluding every document: the attack is real.
func TestTrustModel(t *testing.T) {
	t.Parallel()
	base := t.TempDir()
	tree := attackTreeAt(t, "trust/tree", filepath.Join(base, "tree"))
	big := append(attackFile(t, "charter.md"), []byte(strings.Repeat("\nMore text for the scope section.", 60))...)
	if err := os.WriteFile(filepath.Join(tree, "big.md"), big, 0o644); err != nil {
		t.Fatal(err)
	}
	trusted := filepath.Join(attacksDir, "trust/base/trusted.yaml")
	check := func(args ...string) (int, attackReport, string) {
		t.Helper()
		var code int
		var out, stderr string
		hangguard.Within(t, attackTimeout(120*time.Second), "the check", func() {
			code, out, stderr = run(t, append([]string{"check", tree, "--format", "json"}, args...)...)
		})
		if code == ExitToolError {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		return code, decodeAttackReport(t, out), stderr
	}

	code, r, _ := check()
	if code != ExitOK || len(r.Documents) != 0 {
		t.Errorf("untrusted run: exit %d, %d documents; the tree's config should decide here", code, len(r.Documents))
	}

	code, r, stderr := check("--trusted-config", trusted)
	if code != ExitFail {
		t.Errorf("fail_on: never applied: exit %d", code)
	}
	if len(r.Documents) != 2 || r.Documents[1].Status != "ok" {
		t.Errorf("documents.exclude or .tollgateignore applied: %+v", r.Documents)
	}
	if r.Run.AsOf != "2026-11-22" {
		t.Errorf("as_of = %s", r.Run.AsOf)
	}
	if !r.hasFinding("TG-LIMIT-001", "markdown_bytes") {
		t.Errorf("limits.markdown_bytes raised: %+v", r.Findings)
	}
	sev := map[string]string{}
	status := map[string]string{}
	for _, f := range r.Findings {
		if f.Path == "charter.md" {
			sev[f.Rule], status[f.Rule] = f.Severity, f.Status
		}
	}
	for rule, want := range map[string]string{"CHARTER-001": "error", "CHARTER-002": "error", "GEN-002": "error"} {
		if sev[rule] != want {
			t.Errorf("%s severity %q, want %q", rule, sev[rule], want)
		}
	}
	if status["CHARTER-003"] != "fail" || status["CHARTER-004"] != "waived" {
		t.Errorf("waivers: CHARTER-003 %s (approved by attacker), CHARTER-004 %s (approved by lead)",
			status["CHARTER-003"], status["CHARTER-004"])
	}
	if !r.hasFinding("CHARTER-001", "7 words") {
		t.Errorf("thresholds loosened: %+v", r.Findings)
	}
	for _, want := range []string{"fail_on: never", "severity.CHARTER-001: off",
		"limits.markdown_bytes", "limits.file_bytes", "documents:", "thresholds:", "waiver for CHARTER-003", "project.as_of"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not say %q was not applied:\n%s", want, stderr)
		}
	}

	for policy, waived := range map[string][]string{"deny": nil, "allow": {"CHARTER-003", "CHARTER-004"}} {
		cfg := filepath.Join(base, policy+".yaml")
		b := strings.Replace(string(attackFile(t, "trust/base/trusted.yaml")), "waivers: require_approved_by", "waivers: "+policy, 1)
		if err := os.WriteFile(cfg, []byte(b), 0o644); err != nil {
			t.Fatal(err)
		}
		_, r, _ := check("--trusted-config", cfg)
		var got []string
		for _, f := range r.Findings {
			if f.Status == "waived" && f.Path == "charter.md" {
				got = append(got, f.Rule)
			}
		}
		if strings.Join(got, ",") != strings.Join(waived, ",") {
			t.Errorf("trust.waivers %s: waived %v, want %v", policy, got, waived)
		}
	}
}

// Defect 3, stderr: a tool error quoting a hostile path (a policy file
// named with a workflow command that does not compile) prints no line
// starting with "::" — a CI log shows stderr too.
func TestAttack03StderrInjection(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	pol := filepath.Join(dir, "p")
	if err := os.MkdirAll(pol, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pol, "x\n::error file=README.md::pwned\n.rego"), []byte("package x\n\ndeny contains m if {\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "charter.md"), attackFile(t, "charter.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".tollgate.yaml"), []byte("policies: [p/]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := checkAttack(t, dir)
	if code != ExitToolError {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for i, line := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(strings.TrimLeft(line, " \t"), "::") {
			t.Errorf("stderr line %d starts a workflow command: %q", i+1, line)
		}
	}
}
