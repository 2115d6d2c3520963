package pipeline

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
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
