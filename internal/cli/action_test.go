package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

type actionInput struct {
	Description string  `yaml:"description"`
	Required    bool    `yaml:"required"`
	Default     *string `yaml:"default"`
}

type actionOutput struct {
	Description string `yaml:"description"`
	Value       string `yaml:"value"`
}

type actionStep struct {
	Name  string            `yaml:"name"`
	ID    string            `yaml:"id"`
	Uses  string            `yaml:"uses"`
	Run   string            `yaml:"run"`
	Shell string            `yaml:"shell"`
	Env   map[string]string `yaml:"env"`
	With  map[string]string `yaml:"with"`
	If    string            `yaml:"if"`
}

type actionFile struct {
	Name        string                  `yaml:"name"`
	Description string                  `yaml:"description"`
	Inputs      map[string]actionInput  `yaml:"inputs"`
	Outputs     map[string]actionOutput `yaml:"outputs"`
	Runs        struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

func loadAction(t *testing.T) actionFile {
	t.Helper()
	b, err := os.ReadFile("../../action.yml")
	if err != nil {
		t.Fatal(err)
	}
	var a actionFile
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	if err := dec.Decode(&a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	return a
}

// TestActionStructure: the composite action declares the inputs and
// outputs the README promises, each described; every run step names its
// shell; the pre-commit hook uses pre-commit's golang language.
func TestActionStructure(t *testing.T) {
	a := loadAction(t)
	if a.Name == "" || a.Description == "" {
		t.Error("action.yml needs a name and a description")
	}
	if a.Runs.Using != "composite" {
		t.Errorf("runs.using = %q, want composite", a.Runs.Using)
	}
	want := []string{"baseline", "config", "fail-on", "formats", "paths", "sarif-file", "version"}
	var got []string
	for k, in := range a.Inputs {
		got = append(got, k)
		if strings.TrimSpace(in.Description) == "" {
			t.Errorf("input %s has no description", k)
		}
	}
	sort.Strings(got)
	if !slices.Equal(got, want) {
		t.Errorf("inputs %v, want %v", got, want)
	}
	got = nil
	for k, out := range a.Outputs {
		got = append(got, k)
		if strings.TrimSpace(out.Description) == "" || out.Value == "" {
			t.Errorf("output %s needs a description and a value", k)
		}
	}
	sort.Strings(got)
	if !slices.Equal(got, []string{"errors", "report", "verdict", "warnings"}) {
		t.Errorf("outputs %v", got)
	}
	for i, s := range a.Runs.Steps {
		if s.Name == "" {
			t.Errorf("step %d has no name", i)
		}
		if s.Run != "" && s.Shell == "" {
			t.Errorf("step %q runs a script without a shell", s.Name)
		}
		if s.Run == "" && s.Uses == "" {
			t.Errorf("step %q neither runs nor uses", s.Name)
		}
		// Inputs reach scripts through env, never spliced into the script
		// (a path or format holding shell syntax must not run).
		if strings.Contains(s.Run, "${{") {
			t.Errorf("step %q splices an expression into its script", s.Name)
		}
	}
	b, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var hooks []map[string]any
	if err := yaml.Unmarshal(b, &hooks); err != nil || len(hooks) == 0 {
		t.Fatalf(".pre-commit-hooks.yaml: %v", err)
	}
	if hooks[0]["language"] != "golang" || hooks[0]["id"] != "tollgate" || !strings.HasPrefix(fmt.Sprint(hooks[0]["entry"]), "tollgate ") {
		t.Errorf("pre-commit hook: %v", hooks[0])
	}
}

// readmeWorkflow is the README's example workflow (the YAML block after
// the "action-example" marker).
func readmeWorkflow(t *testing.T) map[string]any {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(b), "<!-- action-example")
	if !ok {
		t.Fatal("README has no action-example workflow")
	}
	_, rest, _ = strings.Cut(rest, "```yaml\n")
	block, _, _ := strings.Cut(rest, "```")
	var wf map[string]any
	if err := yaml.Unmarshal([]byte(block), &wf); err != nil {
		t.Fatalf("README workflow: %v", err)
	}
	return wf
}

var expr = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)

// TestActionRunsLocally runs the action's steps as a runner would, with
// a fake GITHUB_* environment, on a copy of the example program, using the
// README workflow's inputs: the tollgate step is built from this checkout,
// writes the annotations, the job summary, the SARIF file the README
// uploads and the Markdown report it comments, and sets the outputs.
func TestActionRunsLocally(t *testing.T) {
	if testing.Short() {
		t.Skip("builds tollgate")
	}
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("SKIPPED: no bash to run the action's steps")
	}
	a := loadAction(t)
	wf := readmeWorkflow(t)

	// The README's tollgate step and what the later steps read from it.
	var with map[string]any
	var later []map[string]any
	steps := wf["jobs"].(map[string]any)["tollgate"].(map[string]any)["steps"].([]any)
	for _, s := range steps {
		m := s.(map[string]any)
		if u, _ := m["uses"].(string); strings.HasPrefix(u, "tollgate-dev/tollgate@") {
			with, _ = m["with"].(map[string]any)
			if m["id"] != "tollgate" {
				t.Errorf("README's tollgate step has id %v; the later steps read steps.tollgate", m["id"])
			}
			continue
		}
		if with != nil {
			later = append(later, m)
		}
	}
	if with == nil {
		t.Fatal("README workflow has no tollgate-dev/tollgate step")
	}
	for k := range with {
		if _, ok := a.Inputs[k]; !ok {
			t.Errorf("README passes input %q the action does not declare", k)
		}
	}
	laterText, _ := yaml.Marshal(later)
	for _, m := range regexp.MustCompile(`steps\.tollgate\.outputs\.([a-z-]+)`).FindAllStringSubmatch(string(laterText), -1) {
		if _, ok := a.Outputs[m[1]]; !ok {
			t.Errorf("README reads output %q the action does not set", m[1])
		}
	}

	actionPath, _ := filepath.Abs("../..")
	work := t.TempDir()
	workspace := filepath.Join(work, "repo")
	runnerTemp := filepath.Join(work, "runner-temp")
	os.MkdirAll(runnerTemp, 0o755)
	copyDir(t, "../../examples/harbor", workspace)
	summary := filepath.Join(work, "step-summary.md")

	inputs := map[string]string{}
	for k, in := range a.Inputs {
		if in.Default != nil {
			inputs[k] = *in.Default
		}
	}
	for k, v := range with {
		inputs[k] = fmt.Sprint(v)
	}
	stepOutputs := map[string]map[string]string{}
	eval := func(s string) string {
		return expr.ReplaceAllStringFunc(s, func(m string) string {
			e := expr.FindStringSubmatch(m)[1]
			switch {
			case strings.HasPrefix(e, "inputs."):
				return inputs[strings.TrimPrefix(e, "inputs.")]
			case e == "github.action_path":
				return actionPath
			case e == "runner.temp":
				return runnerTemp
			case strings.HasPrefix(e, "steps."):
				parts := strings.Split(e, ".")
				if len(parts) == 4 && parts[2] == "outputs" {
					return stepOutputs[parts[1]][parts[3]]
				}
			}
			t.Fatalf("expression %q is not one the local runner knows", e)
			return ""
		})
	}

	var checkCode int
	var annotations string
	for i, s := range a.Runs.Steps {
		if s.Uses != "" {
			if !strings.HasPrefix(s.Uses, "actions/setup-go@") {
				t.Fatalf("step %q uses %s, which the local run cannot stand in for", s.Name, s.Uses)
			}
			for _, v := range s.With {
				eval(v) // the expressions must resolve
			}
			continue // Go is already set up here
		}
		out := filepath.Join(work, fmt.Sprintf("output-%d", i))
		os.WriteFile(out, nil, 0o644)
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", s.Run)
		cmd.Dir = workspace
		cmd.Env = append(os.Environ(),
			"GITHUB_ACTIONS=true", "GITHUB_WORKSPACE="+workspace, "GITHUB_ACTION_PATH="+actionPath,
			"GITHUB_OUTPUT="+out, "GITHUB_STEP_SUMMARY="+summary, "RUNNER_TEMP="+runnerTemp,
			"GITHUB_REPOSITORY=example/program", "GITHUB_EVENT_NAME=pull_request", "NO_COLOR=1")
		for k, v := range s.Env {
			cmd.Env = append(cmd.Env, k+"="+eval(v))
		}
		b, err := cmd.CombinedOutput()
		code := 0
		if err != nil {
			ee, ok := err.(*exec.ExitError)
			if !ok {
				t.Fatalf("step %q: %v", s.Name, err)
			}
			code = ee.ExitCode()
		}
		if s.ID == "check" {
			checkCode, annotations = code, string(b)
		} else if code != 0 {
			t.Fatalf("step %q exit %d:\n%s", s.Name, code, b)
		}
		stepOutputs[s.ID] = readOutputs(t, out)
	}

	if checkCode != ExitFail {
		t.Errorf("check step exit %d, want 1 (the example fails on purpose):\n%s", checkCode, annotations)
	}
	outputs := map[string]string{}
	for k, o := range a.Outputs {
		outputs[k] = eval(o.Value)
	}
	if outputs["verdict"] != "fail" || outputs["errors"] != "3" || outputs["warnings"] != "0" {
		t.Errorf("outputs %v, want verdict fail, 3 errors, 0 warnings", outputs)
	}
	if !strings.Contains(annotations, "::error file=RACI.xlsx,title=RACI-001 ") {
		t.Errorf("no RACI-001 annotation:\n%s", annotations)
	}
	report, err := os.ReadFile(outputs["report"])
	if err != nil || !strings.Contains(string(report), "tollgate: FAIL") {
		t.Errorf("report output %q: %v", outputs["report"], err)
	}
	if b, _ := os.ReadFile(summary); !strings.Contains(string(b), "### Failing rules") {
		t.Errorf("no job summary")
	}
	// What the README's later steps read: the SARIF it uploads and the
	// reports it keeps.
	var sarif map[string]any
	b, err := os.ReadFile(filepath.Join(workspace, inputs["sarif-file"]))
	if err != nil || json.Unmarshal(b, &sarif) != nil || sarif["version"] != "2.1.0" {
		t.Errorf("SARIF file %s: %v", inputs["sarif-file"], err)
	}
	for _, m := range later {
		w, _ := m["with"].(map[string]any)
		if f, ok := w["sarif_file"]; ok && f != inputs["sarif-file"] {
			t.Errorf("README uploads %v, the action wrote %s", f, inputs["sarif-file"])
		}
		if p, ok := w["path"].(string); ok {
			for _, f := range strings.Fields(p) {
				if _, err := os.Stat(filepath.Join(workspace, f)); err != nil {
					t.Errorf("README keeps %s, which the action did not write", f)
				}
			}
		}
	}
}

func readOutputs(t *testing.T, p string) map[string]string {
	t.Helper()
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), "="); ok {
			m[k] = v
		}
	}
	return m
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestInitWorkflowUsesDeclaredInputs: the workflow tollgate init writes
// passes the action only inputs it declares.
func TestInitWorkflowUsesDeclaredInputs(t *testing.T) {
	a := loadAction(t)
	b, err := os.ReadFile("initfiles/workflows/tollgate.yml")
	if err != nil {
		t.Skip("no init workflow in this tree")
	}
	var wf struct {
		Jobs map[string]struct {
			Steps []actionStep `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(b, &wf); err != nil {
		t.Fatal(err)
	}
	used := 0
	for _, j := range wf.Jobs {
		for _, s := range j.Steps {
			if !strings.HasPrefix(s.Uses, "tollgate-dev/tollgate@") {
				continue
			}
			used++
			for k := range s.With {
				if _, ok := a.Inputs[k]; !ok {
					t.Errorf("init's workflow passes input %q the action does not declare", k)
				}
			}
		}
	}
	if used == 0 {
		t.Error("init's workflow does not use the action")
	}
}
