package pipeline

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/tollgate-dev/tollgate/internal/config"
	"github.com/tollgate-dev/tollgate/internal/discover"
	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/policy"
)

// finish decides a result: the catalog and the audit record, then the
// waivers and verdict, the procedures, and the gate (baseline, fail on
// new, no documents). A shard's result is left undecided: its verdict is
// the merge's.
func (o Options) finish(res *finding.Result, eng *policy.Engine, started time.Time) error {
	res.SchemaVersion = finding.ReportSchemaVersion
	res.Tool = o.Tool
	res.Rules = catalog(eng, res.Findings, res.Documents, o.Reads)
	res.Run = finding.Run{
		AsOf: o.AsOf, Started: started.UTC().Format(time.RFC3339), Command: o.Command,
		PolicyDigest: eng.Digest(), ConfigDigest: o.Config.Digest, Root: runRoot(o.Paths),
	}
	if o.Shards > 0 {
		res.Run.Shard = fmt.Sprintf("%d/%d", o.Shard, o.Shards)
		finding.Decide(res, nil, o.AsOf, o.FailOn)
		res.Run.Partial = true
		res.Run.FailOn = o.FailOn
		res.Run.DurationMS = time.Since(started).Milliseconds()
		return nil
	}
	finding.Decide(res, waiverRules(o.Config), o.AsOf, o.FailOn)
	procs, err := policy.Procedures()
	if err != nil {
		return fmt.Errorf("policies: %w", err)
	}
	res.Procedures = finding.EvaluateProcedures(res, procs)
	if err := o.gate(res); err != nil {
		return err
	}
	res.Run.DurationMS = time.Since(started).Milliseconds()
	return nil
}

// gate applies the baseline and the fail-on-new verdict to a decided
// result, and says so when no document was found (an error with
// RequireDocuments).
func (o Options) gate(res *finding.Result) error {
	res.Run.FailOn = o.FailOn
	if o.Baseline != nil {
		finding.MarkBaseline(res, o.Baseline.Findings)
		res.Run.Baseline = o.BaselinePath
	} else if o.FailOnNew {
		return errors.New("--fail-on-new (fail_on_new) needs --baseline: without one every finding is new")
	}
	res.Run.FailOnNew = o.FailOnNew
	finding.Reverdict(res, o.FailOn, o.FailOnNew)
	if countOK(res) == 0 {
		fmt.Fprintln(o.Log, "tollgate: no documents were found: nothing was checked")
		if o.RequireDocuments {
			return errors.New("no documents were found (--require-documents)")
		}
	}
	return nil
}

func countOK(res *finding.Result) int {
	n := 0
	for _, d := range res.Documents {
		if d.Status == finding.DocOK {
			n++
		}
	}
	return n
}

func waiverRules(cfg *config.Config) []finding.WaiverRule {
	var ws []finding.WaiverRule
	for _, w := range cfg.Waivers {
		ws = append(ws, finding.WaiverRule{Rule: w.Rule, Path: w.Path, Location: w.Location,
			Reason: w.Reason, ApprovedBy: w.ApprovedBy, Expires: w.Expires})
	}
	return ws
}

// addSkipped lists the files in formats tollgate does not read as
// documents with status "skipped" and the reason (every shard lists them;
// merge keeps each path once).
func addSkipped(res *finding.Result, o Options) error {
	sk, err := discover.Skipped(o.Paths, discover.Options{Exclude: o.Config.Documents.Exclude, IgnoreFile: true})
	if err != nil {
		return err
	}
	for _, s := range sk {
		res.Documents = append(res.Documents, finding.Document{Path: s.Path, Format: s.Format,
			Status: finding.DocSkipped, Error: s.Reason})
	}
	return nil
}

// catalog is the loaded rule catalog plus the tool rules that fired.
func catalog(eng *policy.Engine, fs []finding.Finding, docs []finding.Document, reads bool) []finding.Rule {
	rules := eng.Rules()
	if reads {
		// Reading every rule's source again costs a twentieth of a small
		// run: done only for -v, which prints what each rule read.
		addReads(rules, docs)
	}
	seen := map[string]bool{}
	for _, r := range rules {
		seen[r.ID] = true
	}
	for _, f := range fs {
		if tr, ok := finding.ToolRules[f.Rule]; ok && !seen[f.Rule] {
			seen[f.Rule] = true
			rules = append(rules, tr)
		}
	}
	return rules
}

// addReads gives each built-in rule the evidence fields of the run's
// documents its source names (every key of the field's path), so -v can
// show a reviewer what a finding or a pass was read from.
func addReads(rules []finding.Rule, docs []finding.Document) {
	fields := map[string]bool{}
	for _, d := range docs {
		for _, e := range d.Evidence {
			fields[e.Field] = true
		}
	}
	if len(fields) == 0 {
		return
	}
	reads, err := policy.RuleReads()
	if err != nil {
		return
	}
	sorted := make([]string, 0, len(fields))
	for f := range fields {
		sorted = append(sorted, f)
	}
	sort.Strings(sorted)
	for i := range rules {
		rn, ok := reads[rules[i].ID]
		if !ok {
			continue
		}
		for _, f := range sorted {
			all := true
			for _, seg := range strings.Split(f, ".") {
				if !rn.Names[seg] {
					all = false
					break
				}
			}
			if all {
				rules[i].Reads = append(rules[i].Reads, f)
			}
		}
	}
}

// runRoot is where document paths are relative to, as a slash path from
// the repository root (the nearest directory above holding .git; the
// working directory when there is none), when the run checked one
// directory; "" when it is that root itself or the run checked files.
func runRoot(args []string) string {
	if len(args) != 1 {
		return ""
	}
	st, err := os.Stat(args[0])
	if err != nil || !st.IsDir() {
		return ""
	}
	abs, err := filepath.Abs(args[0])
	if err != nil {
		return ""
	}
	base := repoRoot(abs)
	if base == "" {
		if base, err = os.Getwd(); err != nil {
			return ""
		}
	}
	rel, err := filepath.Rel(base, abs)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return ""
	}
	return filepath.ToSlash(rel)
}

// repoRoot is the nearest directory at or above dir that holds .git.
func repoRoot(dir string) string {
	for {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			return ""
		}
		dir = up
	}
}
