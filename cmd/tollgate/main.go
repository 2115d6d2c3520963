// Command tollgate checks project-management documents against procedure
// rules written as policy-as-code. See README.md.
package main

import (
	"os"

	"github.com/tollgate-dev/tollgate/internal/cli"
	"github.com/tollgate-dev/tollgate/internal/pipeline"
)

func main() {
	// A short run: garbage is not collected until the heap first reaches
	// a modest size (pipeline.HoldCollection explains).
	pipeline.HoldCollection(pipeline.FirstCollection())
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
