package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/policy"
	"github.com/tollgate-dev/tollgate/internal/report"
)

// newRulesCmd lists the rule catalog: the built-in packs (all of them, m3
// included) plus any --policy directories.
func newRulesCmd() *cobra.Command {
	var format string
	var dirs, allowNet []string
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the rule catalog (id, title, severity, kinds, pack, source)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			rules, err := catalogRules(cmd, dirs, allowNet)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			switch format {
			case "text":
				return report.RulesText(w, rules)
			case "json":
				enc := json.NewEncoder(w)
				enc.SetIndent("", "  ")
				return enc.Encode(rules)
			case "markdown":
				return report.RulesMarkdown(w, rules)
			}
			return toolError(fmt.Errorf("--format %q: want text, json or markdown", format))
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "text, json or markdown")
	cmd.Flags().StringArrayVar(&dirs, "policy", nil, "also list the rules of this policy directory (repeatable)")
	addAllowNetFlag(cmd, &allowNet)
	return cmd
}

// newExplainCmd prints one rule: what it checks, why, how to fix it.
func newExplainCmd() *cobra.Command {
	var dirs, allowNet []string
	cmd := &cobra.Command{
		Use:   "explain RULE-ID",
		Short: "Explain a rule: what it checks, its source, how to fix a failure",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			rules, err := catalogRules(cmd, dirs, allowNet)
			if err != nil {
				return err
			}
			id := strings.ToUpper(strings.TrimSpace(args[0]))
			for _, r := range rules {
				if strings.EqualFold(r.ID, id) {
					return report.Explain(cmd.OutOrStdout(), r)
				}
			}
			if tr, ok := finding.ToolRules[id]; ok {
				return report.Explain(cmd.OutOrStdout(), tr)
			}
			return toolError(fmt.Errorf("no rule %s (see tollgate rules)", id))
		},
	}
	cmd.Flags().StringArrayVar(&dirs, "policy", nil, "also look in this policy directory (repeatable)")
	addAllowNetFlag(cmd, &allowNet)
	return cmd
}

func catalogRules(cmd *cobra.Command, dirs, allowNet []string) ([]finding.Rule, error) {
	eng, err := policy.Compile(cmd.Context(), policy.Options{PolicyDirs: dirs, AllowNet: allowNet})
	if err != nil {
		return nil, toolError(err)
	}
	printPolicyWarnings(cmd.ErrOrStderr(), eng)
	rules := eng.Rules()
	sort.Slice(rules, func(i, j int) bool { return rules[i].ID < rules[j].ID })
	return rules, nil
}

// printPolicyWarnings tells stderr what the user policies should hear:
// a file that defines no rule tollgate runs is never silently ignored.
func printPolicyWarnings(w io.Writer, eng *policy.Engine) {
	for _, msg := range eng.Warnings() {
		fmt.Fprintln(w, "tollgate: warning:", msg)
	}
}

// addAllowNetFlag adds --allow-net: http.send is refused unless a host is
// named (policy/sandbox.go).
func addAllowNetFlag(cmd *cobra.Command, hosts *[]string) {
	cmd.Flags().StringArrayVar(hosts, "allow-net", nil, "let rules' http.send reach HOST (repeatable); no network by default")
}
