// Command mkexamples regenerates the bundled example program examples/harbor
// from the real GSA M3 Playbook and Packt templates in testdata/corpus,
// with its two deliberate defects (see examples/harbor/README.md). Output is
// deterministic (fixed dates, fixed zip times).
//
//	go run ./tools/mkexamples [-corpus testdata/corpus] [-out examples/harbor]
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/tollgate-dev/tollgate/internal/testdocs/harbor"
)

func main() {
	corpus := flag.String("corpus", "testdata/corpus", "directory holding the real templates")
	out := flag.String("out", "examples/harbor", "directory to write the example program into")
	clean := flag.Bool("compliant", false, "write the program without its deliberate defects")
	flag.Parse()
	if err := harbor.Generate(*corpus, *out, harbor.Options{Defects: !*clean}); err != nil {
		fmt.Fprintln(os.Stderr, "mkexamples:", err)
		os.Exit(1)
	}
}
