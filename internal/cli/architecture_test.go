package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestArchitectureLayout: docs/architecture.md's layout block names every
// Go package of the module, and every package it names exists.
func TestArchitectureLayout(t *testing.T) {
	doc, err := os.ReadFile("../../docs/architecture.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)## Layout\n.*?```\n(.*?)```").FindSubmatch(doc)
	if m == nil {
		t.Fatal("docs/architecture.md has no layout block")
	}
	named := map[string]bool{}
	for _, line := range strings.Split(string(m[1]), "\n") {
		if f := strings.Fields(line); len(f) > 0 && strings.HasSuffix(f[0], "/") {
			named[strings.TrimSuffix(f[0], "/")] = true
		}
	}
	root := "../.."
	for dir := range named {
		if _, err := os.Stat(filepath.Join(root, dir)); err != nil {
			t.Errorf("the layout names %s, which does not exist", dir)
		}
	}
	err = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && p != root || d.Name() == "testdata" || d.Name() == "examples") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") {
			return nil
		}
		rel, _ := filepath.Rel(root, filepath.Dir(p))
		rel = filepath.ToSlash(rel)
		if rel != "." && !named[rel] {
			t.Errorf("package %s is not in the layout block", rel)
			named[rel] = true // once
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestArchitectureRoute: every function "The route of one document" names
// with its file (`name` [dir/file.go]) is defined in that file, so the
// route cannot drift from the code unnoticed.
func TestArchitectureRoute(t *testing.T) {
	doc, err := os.ReadFile("../../docs/architecture.md")
	if err != nil {
		t.Fatal(err)
	}
	sec := regexp.MustCompile("(?s)## The route of one document\n(.*?)\n## ").FindSubmatch(doc)
	if sec == nil {
		t.Fatal("docs/architecture.md has no route section")
	}
	steps := regexp.MustCompile("`([A-Za-z_.]+)` \\[([a-z0-9_/]+\\.go)\\]").FindAllSubmatch(sec[1], -1)
	if len(steps) < 20 {
		t.Fatalf("the route names only %d functions with their files", len(steps))
	}
	for _, s := range steps {
		name, file := string(s[1]), string(s[2])
		fn := name[strings.LastIndex(name, ".")+1:]
		path := filepath.Join("../../internal", file)
		if strings.HasPrefix(file, "cmd/") {
			path = filepath.Join("../..", file)
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		def := regexp.MustCompile(`(?m)^func (\([^)]*\) )?` + regexp.QuoteMeta(fn) + `[\[(]`)
		if !def.Match(src) {
			t.Errorf("the route names %s in %s, which defines no such function", name, file)
		}
	}
}
