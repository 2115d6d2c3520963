package cli

import (
	"github.com/spf13/pflag"
)

// gateFlags are the CI gate's flags of check (and merge).
type gateFlags struct {
	baseline         string
	failOnNew        bool
	requireDocuments bool
}

func addGateFlags(f *pflag.FlagSet, g *gateFlags) {
	f.StringVar(&g.baseline, "baseline", "", "a previous JSON report: mark each finding new or existing")
	f.BoolVar(&g.failOnNew, "fail-on-new", false, "with --baseline, only new findings fail the run (config: fail_on_new)")
	f.BoolVar(&g.requireDocuments, "require-documents", false, "exit 2 when no document was found")
}
