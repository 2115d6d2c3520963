// Command mkschedule writes a synthetic schedule of N tasks (the benchmark
// corpus for schedule normalization and the DCMA pack) as CSV, Excel or MS
// Project XML. Output is deterministic for a given -n and -seed.
//
//	go run ./tools/mkschedule -n 10000 -format mspdi -o /tmp/ims10k.xml
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

func main() {
	n := flag.Int("n", 10000, "number of tasks")
	seed := flag.Uint64("seed", 1, "random seed")
	format := flag.String("format", "mspdi", "csv, xlsx or mspdi")
	out := flag.String("o", "", "output file")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "mkschedule: -o FILE is required")
		os.Exit(2)
	}
	tasks, status := testdocs.SynthSchedule(*n, *seed)
	var err error
	switch *format {
	case "csv":
		err = os.WriteFile(*out, testdocs.SynthCSV(tasks, status), 0o644)
	case "mspdi":
		err = testdocs.WriteMSPDI(*out, testdocs.SynthMSPDI(tasks, status))
	case "xlsx":
		err = testdocs.SynthXLSX(*out, tasks, status)
	default:
		err = fmt.Errorf("unknown format %q (csv, xlsx or mspdi)", *format)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "mkschedule:", err)
		os.Exit(1)
	}
}
