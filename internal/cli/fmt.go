package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"
	"github.com/spf13/cobra"
)

// newFmtCmd formats Rego files with OPA's formatter (what `opa fmt` does).
func newFmtCmd() *cobra.Command {
	var check bool
	cmd := &cobra.Command{
		Use:   "fmt [DIR|FILE...]",
		Short: "Format Rego policies with OPA's formatter (default: ./policies)",
		Long: `fmt rewrites every .rego file under the given directories (default: policies)
in OPA's canonical format, as opa fmt does. With --check nothing is written:
the files that would change are listed and the exit code is 1 if there are any.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				args = []string{"policies"}
			}
			files, err := regoFiles(args)
			if err != nil {
				return toolError(err)
			}
			var changed []string
			for _, f := range files {
				src, err := os.ReadFile(f)
				if err != nil {
					return toolError(err)
				}
				out, err := FormatRego(f, src)
				if errors.Is(err, errUnsafeFormat) {
					fmt.Fprintln(cmd.ErrOrStderr(), "tollgate: warning:", err)
					continue
				}
				if err != nil {
					return toolError(err)
				}
				if bytes.Equal(src, out) {
					continue
				}
				changed = append(changed, f)
				if check {
					continue
				}
				fi, err := os.Stat(f)
				if err != nil {
					return toolError(err)
				}
				if err := os.WriteFile(f, out, fi.Mode().Perm()); err != nil {
					return toolError(err)
				}
			}
			w := cmd.OutOrStdout()
			for _, f := range changed {
				if check {
					fmt.Fprintf(w, "%s: not formatted (tollgate fmt %s)\n", f, f)
				} else {
					fmt.Fprintf(w, "formatted %s\n", f)
				}
			}
			if check && len(changed) > 0 {
				return &exitError{code: ExitFail}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&check, "check", false, "write nothing; list unformatted files and exit 1 if there are any")
	return cmd
}

// errUnsafeFormat: OPA's formatter output means something else than the
// source (see FormatRego).
var errUnsafeFormat = errors.New("OPA's formatter would change what this file means; it is left as it is")

// FormatRego is OPA's formatting of one Rego v1 file, checked: the
// formatted text must parse to the same module as the source (rules,
// imports, annotations; locations and comments aside). OPA 1.22's
// formatter garbles some else chains (policies/lib/qasp.rego's label(r)
// came out with a duplicated, unbalanced else clause), so its output is
// never written unchecked.
func FormatRego(name string, src []byte) ([]byte, error) {
	out, err := format.SourceWithOpts(name, src, format.Opts{RegoVersion: ast.RegoV1})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if bytes.Equal(out, src) {
		return out, nil
	}
	popts := ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1}
	before, err := ast.ParseModuleWithOpts(name, string(src), popts)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	after, err := ast.ParseModuleWithOpts(name, string(out), popts)
	if err != nil || !before.Equal(after) {
		return nil, fmt.Errorf("%s: %w", name, errUnsafeFormat)
	}
	return out, nil
}

// regoFiles lists the .rego files of paths (directories walked, hidden
// directories skipped), sorted.
func regoFiles(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			out = append(out, p)
			continue
		}
		err = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && q != p && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if !d.IsDir() && strings.HasSuffix(q, ".rego") {
				out = append(out, q)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	if len(out) == 0 {
		return nil, errors.New("no .rego files found")
	}
	sort.Strings(out)
	return out, nil
}
