package cli

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// guideStep is one thing docs/writing-rules.md tells the reader to do.
type guideStep struct {
	cmd  []string // tollgate arguments, or nil for a file to write
	exit int
	file string // path to write
	text string
	line int
}

var fileMarker = regexp.MustCompile(`^<!-- file: (\S+) -->$`)

// guideSteps reads the guide: every line of a ```sh block is a tollgate
// command (a trailing "# exit N" gives its exit code), and a fenced block
// right after "<!-- file: PATH -->" is written to PATH.
func guideSteps(t *testing.T, path string) []guideStep {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var steps []guideStep
	sc := bufio.NewScanner(f)
	n := 0
	fileNext := ""
	for sc.Scan() {
		n++
		line := sc.Text()
		if m := fileMarker.FindStringSubmatch(line); m != nil {
			fileNext = m[1]
			continue
		}
		if !strings.HasPrefix(line, "```") {
			continue
		}
		lang := strings.TrimPrefix(line, "```")
		start := n
		var body []string
		for sc.Scan() {
			n++
			if sc.Text() == "```" {
				break
			}
			body = append(body, sc.Text())
		}
		switch {
		case fileNext != "":
			steps = append(steps, guideStep{file: fileNext, text: strings.Join(body, "\n") + "\n", line: start})
			fileNext = ""
		case lang == "sh":
			for i, l := range body {
				if strings.TrimSpace(l) == "" {
					continue
				}
				cmdText, comment, _ := strings.Cut(l, "#")
				exit := 0
				if c := strings.TrimSpace(comment); strings.HasPrefix(c, "exit ") {
					exit, _ = strconv.Atoi(strings.TrimPrefix(c, "exit "))
				}
				args := splitArgs(t, cmdText)
				if len(args) == 0 || args[0] != "tollgate" {
					t.Fatalf("%s:%d: a sh block line that is not a tollgate command: %q", path, start+1+i, l)
				}
				steps = append(steps, guideStep{cmd: args[1:], exit: exit, line: start + 1 + i})
			}
		}
	}
	return steps
}

// splitArgs splits a command line on spaces, keeping "double" and
// 'single' quoted words whole.
func splitArgs(t *testing.T, s string) []string {
	var out []string
	var cur strings.Builder
	in, quote := false, rune(0)
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '"' || r == '\'':
			quote, in = r, true
		case r == ' ' || r == '\t':
			if in {
				out = append(out, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteRune(r)
			in = true
		}
	}
	if quote != 0 {
		t.Fatalf("unbalanced quote in %q", s)
	}
	if in {
		out = append(out, cur.String())
	}
	return out
}

// The guide's steps, run in order in an empty temporary directory, do
// what the guide says: init, the example's tests, explain, schema, a new
// rule with its tests on a fixture, coverage, strict, junit, fmt, check
// with the custom rule's finding and --trace; then the tollgate commands
// of the workflow init wrote pass too.
func TestWritingRulesGuide(t *testing.T) {
	guide, err := filepath.Abs("../../docs/writing-rules.md")
	if err != nil {
		t.Fatal(err)
	}
	steps := guideSteps(t, guide)
	t.Chdir(t.TempDir())
	commands := 0
	for _, s := range steps {
		if s.cmd == nil {
			if err := os.MkdirAll(filepath.Dir(s.file), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(s.file, []byte(s.text), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		commands++
		code, out, stderr := run(t, s.cmd...)
		if code != s.exit {
			t.Fatalf("writing-rules.md:%d: tollgate %s: exit %d, want %d\nstdout:\n%.2000s\nstderr:\n%.2000s", s.line, strings.Join(s.cmd, " "), code, s.exit, out, stderr)
		}
		joined := strings.Join(s.cmd, " ")
		switch {
		case joined == "test policies --run charter_training":
			if !strings.Contains(out, "PASS: 3/3") {
				t.Errorf("the new rule's tests: %s", out)
			}
		case strings.HasPrefix(joined, "test policies --coverage"):
			if !strings.Contains(out, "COVERAGE: 100.0%") {
				t.Errorf("coverage: %s", out)
			}
		case strings.HasPrefix(joined, "explain ORG-CHARTER-001"):
			if !strings.Contains(out, "See also") || !strings.Contains(out, "How to fix") {
				t.Errorf("explain: %s", out)
			}
		case joined == "check docs --as-of 2026-01-15":
			if !strings.Contains(out, "ORG-CHARTER-002") || !strings.Contains(out, "Charters plan staff training") {
				t.Errorf("check: the custom rule's finding is missing:\n%s", out)
			}
		case strings.Contains(joined, "--trace ORG-CHARTER-002"):
			if !strings.Contains(stderr, "── trace of ORG-CHARTER-002 on charter.md (charter)") {
				t.Errorf("trace: %.1000s", stderr)
			}
		}
		if len(stderr) > 0 && strings.Contains(stderr, "warning:") {
			t.Errorf("writing-rules.md:%d: unexpected warning: %s", s.line, stderr)
		}
	}
	if commands < 15 {
		t.Errorf("only %d commands found in the guide", commands)
	}
	rep, err := os.ReadFile("report.json")
	if err != nil || !strings.Contains(string(rep), `"remediation": "Add a training deliverable`) ||
		!strings.Contains(string(rep), `"PMO procedure 4.2: https://example.org/pmo/procedures#4.2"`) {
		t.Errorf("report.json lacks the custom rules' remediation and related resources (%v)", err)
	}

	// The typo the guide shows fails as the guide says.
	src, err := os.ReadFile("policies/charter_training.rego")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("policies/charter_training.rego", []byte(strings.Replace(string(src), "input.charter.deliverables", "input.charter.deliverabels", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run(t, "test", "policies")
	g, _ := os.ReadFile(guide)
	_, block, _ := strings.Cut(string(g), "```text\n")
	block, _, _ = strings.Cut(block, "```")
	if code != ExitToolError || strings.TrimSpace(stderr) != strings.TrimSpace(block) {
		t.Errorf("the typo: exit %d, stderr:\n%s\nthe guide shows:\n%s", code, stderr, block)
	}
	if err := os.WriteFile("policies/charter_training.rego", src, 0o644); err != nil {
		t.Fatal(err)
	}

	// The workflow init wrote: its tollgate run lines pass on this project.
	wf, err := os.ReadFile(".github/workflows/tollgate.yml")
	if err != nil {
		t.Fatal(err)
	}
	ran := 0
	for _, l := range strings.Split(string(wf), "\n") {
		l = strings.TrimSpace(l)
		if !strings.HasPrefix(l, "- run: tollgate ") {
			continue
		}
		ran++
		args := splitArgs(t, strings.TrimPrefix(l, "- run: tollgate "))
		if code, out, stderr := run(t, args...); code != ExitOK {
			t.Errorf("workflow step %q: exit %d\n%s%s", l, code, out, stderr)
		}
	}
	if ran != 2 || !strings.Contains(string(wf), "uses: tollgate-dev/tollgate@v1") {
		t.Errorf("workflow: %d tollgate steps run; it must test the rules and use the Action:\n%s", ran, wf)
	}
}
