// Command tollgate checks project-management documents against procedure
// rules written as policy-as-code. See README.md.
package main

import (
	"os"

	"github.com/tollgate-dev/tollgate/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
