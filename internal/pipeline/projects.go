package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/policy"
)

// A tree checked in one run may hold several unrelated projects: a folder
// of team submissions, a course's repositories side by side. Cross-document
// rules must compare a charter's milestones with its own project's
// schedule, not with a neighbour's. A run is split into projects by two
// signals:
//   - a folder with a .tollgate.yaml of its own is its own submission;
//   - a folder whose subfolders each hold a document only one project has
//     (two charters, two PMPs, two IV&V plans, two QASPs in sibling
//     subtrees) holds one project per subfolder.
// Everything else is one project.

// anchorKinds are the documents a project has one of.
var anchorKinds = map[string]bool{"charter": true, "pmp": true, "ivv_plan": true, "qasp": true}

// project is one submission of a run: its root directory and the indexes
// of its documents.
type project struct {
	root string
	docs []int
}

// splitProjects groups documents (their absolute paths and kinds, by
// index) into projects.
func splitProjects(abs, kinds []string, roots []string) []project {
	configRoot := map[string]string{} // dir → deepest config root above it ("" none)
	scanRoot := map[string]bool{}
	for _, r := range roots {
		if a, err := filepath.Abs(r); err == nil {
			if st, err := os.Stat(a); err == nil && !st.IsDir() {
				a = filepath.Dir(a)
			}
			scanRoot[a] = true
		}
	}
	var lookup func(dir string) string
	lookup = func(dir string) string {
		if r, ok := configRoot[dir]; ok {
			return r
		}
		r := ""
		if !scanRoot[dir] {
			if _, err := os.Stat(filepath.Join(dir, ".tollgate.yaml")); err == nil {
				r = dir
			} else if parent := filepath.Dir(dir); parent != dir {
				r = lookup(parent)
			}
		}
		configRoot[dir] = r
		return r
	}
	byConfig := map[string][]int{}
	var loose []int
	for i, p := range abs {
		if r := lookup(filepath.Dir(p)); r != "" {
			byConfig[r] = append(byConfig[r], i)
		} else {
			loose = append(loose, i)
		}
	}
	var out []project
	for r, docs := range byConfig {
		out = append(out, project{root: r, docs: docs})
	}
	if len(loose) > 0 {
		out = append(out, splitByAnchors(commonDir(abs, loose), loose, abs, kinds)...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].root < out[j].root })
	return out
}

// splitByAnchors splits the documents under dir into one project per
// subfolder when two subfolders each hold an anchor document of the same
// kind; documents directly in dir then form a project of their own.
func splitByAnchors(dir string, docs []int, abs, kinds []string) []project {
	children := map[string][]int{}
	var direct []int
	for _, i := range docs {
		rel, err := filepath.Rel(dir, abs[i])
		if err != nil {
			direct = append(direct, i)
			continue
		}
		first, rest, nested := strings.Cut(filepath.ToSlash(rel), "/")
		if !nested || rest == "" {
			direct = append(direct, i)
			continue
		}
		children[first] = append(children[first], i)
	}
	holders := map[string]int{} // anchor kind → subfolders holding one
	for _, ds := range children {
		seen := map[string]bool{}
		for _, i := range ds {
			if anchorKinds[kinds[i]] && !seen[kinds[i]] {
				seen[kinds[i]] = true
				holders[kinds[i]]++
			}
		}
	}
	split := false
	for _, n := range holders {
		if n >= 2 {
			split = true
		}
	}
	if !split {
		return []project{{root: dir, docs: docs}}
	}
	var out []project
	if len(direct) > 0 {
		out = append(out, project{root: dir, docs: direct})
	}
	names := make([]string, 0, len(children))
	for n := range children {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		out = append(out, splitByAnchors(filepath.Join(dir, n), children[n], abs, kinds)...)
	}
	return out
}

// commonDir is the deepest directory holding every listed file.
func commonDir(abs []string, idx []int) string {
	dir := filepath.Dir(abs[idx[0]])
	for _, i := range idx[1:] {
		for !strings.HasPrefix(abs[i], dir+string(filepath.Separator)) && filepath.Dir(dir) != dir {
			dir = filepath.Dir(dir)
		}
	}
	return dir
}

// evalProjects runs the project rules once per project of the run (see
// splitProjects): a tree of unrelated projects is judged project by
// project. With more than one project, each submission-level result names
// its project in its scope, and a TG-SCOPE-002 note lists the projects.
// abs and kinds are each input's file and kind. Like a document's, a
// failed project evaluation is a finding on the submission: the
// per-document results stand.
func evalProjects(ctx context.Context, guard *memGuard, eng *policy.Engine, inputs []policy.Input, abs, kinds []string, o Options, res *finding.Result) {
	gctx := guard.context()
	pctx, cancel := context.WithTimeout(gctx, o.Limits.ProjectTimeout)
	defer cancel()
	var all policy.Outcome
	var err error
	projects := splitProjects(abs, kinds, o.Paths)
	if len(projects) <= 1 {
		all, err = eng.EvalProject(pctx, inputs)
	} else {
		base := commonDir(abs, seq(len(abs)))
		var names []string
		for _, p := range projects {
			ins := make([]policy.Input, 0, len(p.docs))
			for _, k := range p.docs {
				ins = append(ins, inputs[k])
			}
			rel, rerr := filepath.Rel(base, p.root)
			if rerr != nil || rel == "." {
				rel = "."
			}
			rel = filepath.ToSlash(rel)
			names = append(names, rel)
			po, perr := eng.EvalProject(pctx, ins)
			if perr != nil {
				err = fmt.Errorf("project %s: %w", rel, perr)
				break
			}
			scope := "project " + rel
			for _, f := range po.Findings {
				if f.Path == "" {
					f.Scope = joinScope(scope, f.Scope)
				}
				all.Findings = append(all.Findings, f)
			}
			for _, c := range po.Checks {
				if c.Path == "" {
					c.Scope = joinScope(scope, c.Scope)
				}
				all.Checks = append(all.Checks, c)
			}
		}
		res.Findings = append(res.Findings, finding.NewTool("TG-SCOPE-002", "",
			fmt.Sprintf("the tree holds %d separate projects (%s); cross-document rules compared documents within each project only", len(projects), strings.Join(names, ", ")), document.Loc{}))
	}
	if err != nil && ctx.Err() == nil {
		res.Findings = append(res.Findings, finding.NewTool("TG-EVAL-001", "",
			evalFailure("project rule evaluation", err, gctx, pctx, o.Limits.ProjectTimeout, limits.KeyProjectTimeout, o.Limits), document.Loc{}))
	}
	res.Findings = append(res.Findings, all.Findings...)
	res.Checks = append(res.Checks, all.Checks...)
}

func joinScope(project, scope string) string {
	if scope == "" {
		return project
	}
	return project + ": " + scope
}

func seq(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}
