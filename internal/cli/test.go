package cli

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/tester"
	"github.com/spf13/cobra"

	"github.com/tollgate-dev/tollgate/internal/config"
	"github.com/tollgate-dev/tollgate/internal/discover"
	"github.com/tollgate-dev/tollgate/internal/policy"
	"github.com/tollgate-dev/tollgate/internal/report"
)

type testFlags struct {
	builtin   bool
	run       string
	coverage  bool
	threshold float64
	format    string
	strict    bool
	verbose   bool
	data      []string
	asOf      string
	allowNet  []string
}

// newTestCmd runs Rego unit tests with the embedded lib and data: what
// `opa test` would need the repository's policies/lib and data for.
func newTestCmd() *cobra.Command {
	var fl testFlags
	cmd := &cobra.Command{
		Use:   "test [DIR...]",
		Short: "Run the Rego unit tests of policy directories (default: ./policies) with tollgate's lib and data",
		Long: `test loads every .rego file under the given directories (default: policies),
*_test.rego included, with tollgate's embedded lib (import data.tollgate.lib)
and data (data.tollgate.thresholds, data.tollgate.m3, data.tollgate.project),
and runs every test_ rule. A failing test shows its print() output.

A test may read a real document: tollgate.parse_file("testdata/charter.docx")
returns its normalized artifact (the path is taken from the test file's
directory, then from the working directory).

Rules of one kind (METADATA custom.kinds: [charter]) are type-checked against
that kind's schema: reading a field the artifact does not have fails to compile.

Exit codes: 0 every test passes (and coverage ≥ --coverage-threshold);
1 a test fails, coverage is below the threshold, or --strict finds a problem;
2 the policies do not compile or no test was found.`,
		RunE: func(cmd *cobra.Command, args []string) error { return runTest(cmd, args, fl) },
	}
	f := cmd.Flags()
	f.BoolVar(&fl.builtin, "builtin", false, "also test the built-in packs")
	f.StringVar(&fl.run, "run", "", "run only the tests whose package.name matches this regular expression")
	f.BoolVar(&fl.coverage, "coverage", false, "report line coverage of the rule files (test files are not counted)")
	f.Float64Var(&fl.threshold, "coverage-threshold", 0, "fail (exit 1) when coverage is below this percentage (implies --coverage)")
	f.StringVar(&fl.format, "format", "text", "text, json or junit")
	f.BoolVar(&fl.strict, "strict", false, "compile in OPA's strict mode (unused variables, deprecated built-ins …) and fail on custom rules without METADATA custom.id or custom.remediation")
	f.BoolVarP(&fl.verbose, "verbose", "v", false, "list passing tests too, with their print() output")
	f.StringArrayVar(&fl.data, "data", nil, "extra data file, JSON or YAML (repeatable)")
	f.StringVar(&fl.asOf, "as-of", "", "data.tollgate.project.as_of (YYYY-MM-DD)")
	f.StringArrayVar(&fl.allowNet, "allow-net", nil, "let http.send reach HOST (repeatable); none by default")
	return cmd
}

func runTest(cmd *cobra.Command, args []string, fl testFlags) error {
	switch fl.format {
	case "text", "json", "junit":
	default:
		return toolError(fmt.Errorf("--format %q: want text, json or junit", fl.format))
	}
	if len(args) == 0 && !fl.builtin {
		args = []string{"policies"}
	}
	project := map[string]any{}
	if fl.asOf != "" {
		project["as_of"] = fl.asOf
	} else if fl.builtin {
		project["as_of"] = policy.BuiltinTestAsOf
	}
	run, err := policy.RunTests(cmd.Context(), policy.TestOptions{
		Dirs: args, Builtin: fl.builtin, Run: fl.run,
		Coverage: fl.coverage || fl.threshold > 0,
		Project:  project, DataFiles: fl.data, AllowNet: fl.allowNet,
		ParseFile: parseFixture, Strict: fl.strict,
	})
	if err != nil {
		return toolError(err)
	}
	for _, msg := range run.Warnings {
		fmt.Fprintln(cmd.ErrOrStderr(), "tollgate: warning:", msg)
	}
	if len(run.Results) == 0 {
		return toolError(errors.New("no tests found (test rules are named test_… in *_test.rego files)"))
	}
	w := cmd.OutOrStdout()
	switch fl.format {
	case "json":
		err = tester.JSONReporter{Output: w}.Report(resultChan(run.Results))
	case "junit":
		err = writeJUnit(w, run.Results)
	default:
		err = tester.PrettyReporter{Output: w, Verbose: fl.verbose}.Report(resultChan(run.Results))
	}
	if err != nil {
		return toolError(err)
	}
	failed := false
	for _, r := range run.Results {
		if r.Fail || r.Error != nil {
			failed = true
		}
	}
	stderr := cmd.ErrOrStderr()
	if run.Coverage != nil {
		if fl.format == "text" {
			writeCoverage(w, run)
		} else {
			fmt.Fprintf(stderr, "coverage: %.1f%%\n", run.Coverage.Coverage)
		}
		if fl.threshold > 0 && run.Coverage.Coverage < fl.threshold {
			fmt.Fprintf(stderr, "tollgate: coverage %.1f%% is below --coverage-threshold %g\n", run.Coverage.Coverage, fl.threshold)
			failed = true
		}
	}
	if fl.strict {
		for _, msg := range strictProblems(run) {
			fmt.Fprintln(stderr, "tollgate: strict:", msg)
			failed = true
		}
	}
	if failed {
		return &exitError{code: ExitFail}
	}
	return nil
}

// strictProblems are the custom rules --strict objects to: an ID derived
// from the package (no METADATA custom.id) or no remediation.
func strictProblems(run *policy.TestRun) []string {
	var out []string
	for _, r := range run.Rules {
		if !r.HasID {
			out = append(out, fmt.Sprintf("%s: rule %s has no METADATA custom.id (its ID is derived from the package and changes if the package is renamed)", r.File, r.ID))
		}
		if !r.HasRemediation {
			out = append(out, fmt.Sprintf("%s: rule %s has no METADATA custom.remediation (reports cannot say how to fix a finding)", r.File, r.ID))
		}
	}
	return out
}

func resultChan(rs []*tester.Result) chan *tester.Result {
	ch := make(chan *tester.Result, len(rs))
	for _, r := range rs {
		ch <- r
	}
	close(ch)
	return ch
}

// writeCoverage prints the overall and per-file line coverage with the
// rows not covered.
func writeCoverage(w io.Writer, run *policy.TestRun) {
	rep := run.Coverage
	fmt.Fprintf(w, "COVERAGE: %.1f%% (%d of %d lines)\n", rep.Coverage, rep.CoveredLines, rep.CoveredLines+rep.NotCoveredLines)
	for _, name := range run.Files {
		fr := rep.Files[name]
		if fr == nil {
			fmt.Fprintf(w, "  %-50s no lines\n", name)
			continue
		}
		var missed []string
		for _, r := range fr.NotCovered {
			if r.Start.Row == r.End.Row {
				missed = append(missed, fmt.Sprint(r.Start.Row))
			} else {
				missed = append(missed, fmt.Sprintf("%d-%d", r.Start.Row, r.End.Row))
			}
		}
		line := fmt.Sprintf("  %-50s %5.1f%%", name, fr.Coverage)
		if len(missed) > 0 {
			line += "  not covered: " + strings.Join(missed, ", ")
		}
		fmt.Fprintln(w, line)
	}
}

// JUnit XML, as CI systems read it.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Time      string        `xml:"time,attr"`
	Failure   *junitMessage `xml:"failure,omitempty"`
	Error     *junitMessage `xml:"error,omitempty"`
	Skipped   *junitMessage `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitMessage struct {
	Message string `xml:"message,attr"`
	Text    string `xml:",chardata"`
}

// writeJUnit writes one testsuite per Rego package.
func writeJUnit(w io.Writer, rs []*tester.Result) error {
	out := junitSuites{}
	idx := map[string]int{}
	for _, r := range rs {
		pkg := strings.TrimPrefix(r.Package, "data.")
		i, ok := idx[pkg]
		if !ok {
			i = len(out.Suites)
			idx[pkg] = i
			out.Suites = append(out.Suites, junitSuite{Name: pkg})
		}
		s := &out.Suites[i]
		c := junitCase{Name: r.Name, Classname: pkg, Time: fmt.Sprintf("%.3f", r.Duration.Seconds()), SystemOut: string(r.Output)}
		if r.Location != nil {
			c.File, c.Line = r.Location.File, r.Location.Row
		}
		s.Tests++
		out.Tests++
		switch {
		case r.Skip:
			s.Skipped++
			c.Skipped = &junitMessage{Message: "skipped (todo_ test)"}
		case r.Error != nil:
			s.Errors++
			out.Errors++
			c.Error = &junitMessage{Message: r.Error.Error(), Text: r.Error.Error()}
		case r.Fail:
			s.Failures++
			out.Failures++
			msg := "test failed"
			if r.FailedAt != nil {
				msg = "failed at " + r.FailedAt.String()
			}
			c.Failure = &junitMessage{Message: msg, Text: string(r.Output)}
		}
		s.Cases = append(s.Cases, c)
	}
	sort.SliceStable(out.Suites, func(i, j int) bool { return out.Suites[i].Name < out.Suites[j].Name })
	return report.WriteXML(w, out)
}

// parseFixture reads one document as `tollgate parse` does, for
// tollgate.parse_file in Rego tests.
func parseFixture(ctx context.Context, path string) (any, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, err
	}
	cfg := &config.Config{}
	lim, err := runLimits(cfg, nil)
	if err != nil {
		return nil, err
	}
	files, err := discover.Walk([]string{path}, discover.Options{Limits: lim})
	if err != nil {
		return nil, err
	}
	if len(files) != 1 {
		return nil, fmt.Errorf("%s: not a document tollgate reads", path)
	}
	return parseFile(ctx, files[0], lim, cfg, false)
}
