package policy

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/cover"
)

// Coverage bars for the built-in packs, measured by OPA's coverage tracer
// (the lines `opa test --coverage` counts: rule heads and body expressions)
// over the policy files, not their _test.rego files.
const (
	// minOverallCoverage is the issue-4 requirement for the packs as a whole.
	minOverallCoverage = 90.0
	// minFileCoverage keeps a new rule from hiding behind the average. It
	// sits below the overall bar because a file's percentage moves in big
	// steps (a rule file has 5 to 70 counted lines) and because a fully
	// tested rule can keep lines OPA never evaluates: an else branch or a
	// second function body behind one that already decided (early exit), a
	// truncation path only a schedule of more than 50 offenders reaches.
	// A small rule missing a whole outcome (its not_assessable block, or
	// one of its fail bodies) falls under 80%: RACI-006 without its
	// not_assessable test measured 4/7 = 57%, RISK-005 8/14.
	minFileCoverage = 80.0
)

// fileCoverage is one policy file's line of the coverage table.
type fileCoverage struct {
	name           string
	covered, total int
	uncovered      []int // rows
}

func (f fileCoverage) percent() float64 {
	if f.total == 0 {
		return 100
	}
	return 100 * float64(f.covered) / float64(f.total)
}

// The built-in Rego tests cover at least minOverallCoverage of the built-in
// policy lines, and every policy file at least minFileCoverage. With -v the
// per-file table (worst first) and each file's uncovered lines are logged:
//
//	go test ./internal/policy -run Coverage -v
func TestBuiltinRegoCoverage(t *testing.T) {
	run := builtinRegoRun(t)
	for _, r := range run.results {
		if r.Error != nil || r.Fail {
			t.Fatalf("Rego test %s.%s does not pass; coverage is only measured on a green suite (see TestBuiltinRegoTests)", r.Package, r.Name)
		}
	}

	files := make([]fileCoverage, 0, len(run.rules))
	var covered, total int
	for name := range run.rules {
		f := fileCoverage{name: name}
		if fr := run.report.Files[name]; fr != nil {
			f.covered, f.total = fr.CoveredLines, fr.CoveredLines+fr.NotCoveredLines
			f.uncovered = rows(fr.NotCovered)
		}
		covered += f.covered
		total += f.total
		files = append(files, f)
	}
	sort.Slice(files, func(i, j int) bool {
		if pi, pj := files[i].percent(), files[j].percent(); pi != pj {
			return pi < pj
		}
		return files[i].name < files[j].name
	})
	if total == 0 {
		t.Fatal("coverage report has no policy lines: is the tracer attached?")
	}
	overall := 100 * float64(covered) / float64(total)

	if testing.Verbose() {
		var b strings.Builder
		fmt.Fprintf(&b, "Rego coverage of the built-in packs (OPA cover, rule heads and body expressions; bars: %g%% overall, %g%% per file):\n", minOverallCoverage, minFileCoverage)
		fmt.Fprintf(&b, "%-42s %13s %7s\n", "file", "covered/total", "%")
		for _, f := range files {
			fmt.Fprintf(&b, "%-42s %13s %6.1f%%\n", f.name, fmt.Sprintf("%d/%d", f.covered, f.total), f.percent())
		}
		fmt.Fprintf(&b, "%-42s %13s %6.1f%%\n", "overall", fmt.Sprintf("%d/%d", covered, total), overall)
		fmt.Fprintf(&b, "\nuncovered lines:\n")
		for _, f := range files {
			if len(f.uncovered) > 0 {
				fmt.Fprintf(&b, "%s: %s\n", f.name, spans(f.uncovered))
			}
		}
		t.Log(b.String())
	}

	if overall < minOverallCoverage {
		t.Errorf("Rego coverage of the built-in packs is %.1f%% (%d/%d lines), below %g%%; add tests to the *_test.rego of the files at the top of the table printed by `go test ./internal/policy -run Coverage -v`", overall, covered, total, minOverallCoverage)
	}
	var low []string
	for _, f := range files {
		if f.percent() < minFileCoverage {
			low = append(low, fmt.Sprintf("%s %.1f%% (uncovered lines %s)", f.name, f.percent(), spans(f.uncovered)))
		}
	}
	if len(low) > 0 {
		t.Errorf("policy files below the per-file Rego coverage floor of %g%%:\n\t%s\nadd pass/fail/not_assessable tests to their _test.rego; `go test ./internal/policy -run Coverage -v` lists every file's uncovered lines", minFileCoverage, strings.Join(low, "\n\t"))
	}
}

// rows lists the distinct rows the ranges span, ascending.
func rows(ranges []cover.Range) []int {
	seen := map[int]bool{}
	var out []int
	for _, r := range ranges {
		for row := r.Start.Row; row <= r.End.Row; row++ {
			if !seen[row] {
				seen[row] = true
				out = append(out, row)
			}
		}
	}
	sort.Ints(out)
	return out
}

// spans writes ascending rows compactly: 3-5,9,12-13.
func spans(rows []int) string {
	var parts []string
	for i := 0; i < len(rows); {
		j := i
		for j+1 < len(rows) && rows[j+1] == rows[j]+1 {
			j++
		}
		if i == j {
			parts = append(parts, strconv.Itoa(rows[i]))
		} else {
			parts = append(parts, strconv.Itoa(rows[i])+"-"+strconv.Itoa(rows[j]))
		}
		i = j + 1
	}
	return strings.Join(parts, ",")
}
