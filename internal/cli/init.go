package cli

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
)

// initFiles are what tollgate init writes (initfiles/ holds them under
// names go:embed takes: tollgate.yaml for .tollgate.yaml, workflows/ for
// .github/workflows/).
//
//go:embed initfiles
var initFiles embed.FS

// initTarget maps an initfiles/ name to where init writes it.
func initTarget(name string) string {
	rel := strings.TrimPrefix(name, "initfiles/")
	switch {
	case rel == "tollgate.yaml":
		return ".tollgate.yaml"
	case strings.HasPrefix(rel, "workflows/"):
		return filepath.Join(".github", filepath.FromSlash(rel))
	}
	return filepath.FromSlash(rel)
}

func newInitCmd() *cobra.Command {
	var force bool
	var name string
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Start a project: a commented .tollgate.yaml, an example custom rule with its test, and a CI workflow",
		Long: `init writes into DIR (default: the current directory):

  .tollgate.yaml                          commented configuration
  policies/charter_budget.rego            an example procedure rule (ORG-CHARTER-001)
  policies/charter_budget_test.rego       its unit tests (tollgate test)
  policies/testdata/charter.md            a real document the tests read
  .github/workflows/tollgate.yml          CI: test the rules, then check the documents

It never overwrites a file: if one exists, nothing is written unless --force.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			var names []string
			err := fs.WalkDir(initFiles, "initfiles", func(p string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					names = append(names, p)
				}
				return err
			})
			if err != nil {
				return toolError(err)
			}
			var exist []string
			for _, n := range names {
				if _, err := os.Lstat(filepath.Join(dir, initTarget(n))); err == nil {
					exist = append(exist, initTarget(n))
				}
			}
			if len(exist) > 0 && !force {
				return toolError(fmt.Errorf("%s already exist(s) in %s; nothing was written (--force overwrites)", strings.Join(exist, ", "), dir))
			}
			w := cmd.OutOrStdout()
			for _, n := range names {
				b, err := initFiles.ReadFile(n)
				if err != nil {
					return toolError(err)
				}
				if initTarget(n) == ".tollgate.yaml" && name != "" {
					b = []byte(strings.Replace(string(b), "name: My Project", "name: "+yamlScalar(name), 1))
				}
				target := filepath.Join(dir, initTarget(n))
				if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
					return toolError(err)
				}
				if err := os.WriteFile(target, b, 0o644); err != nil {
					return toolError(err)
				}
				fmt.Fprintf(w, "wrote %s\n", filepath.ToSlash(initTarget(n)))
			}
			fmt.Fprintf(w, "\nNext:\n  tollgate test policies      run the example rule's tests\n  tollgate explain ORG-CHARTER-001 --policy policies\n  tollgate check .            check your documents\n")
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "overwrite files that exist")
	cmd.Flags().StringVar(&name, "name", "", "project name for .tollgate.yaml")
	return cmd
}

// yamlScalar quotes s for YAML when it needs it.
func yamlScalar(s string) string {
	if strings.ContainsAny(s, ":#'\"{}[],&*!|>%@`\n") || strings.TrimSpace(s) != s {
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	return s
}
