// Command mkexamples regenerates the bundled example program examples/harbor
// from the real GSA M3 Playbook and Packt templates in testdata/corpus.
// Output is deterministic (fixed dates, fixed zip times), so re-running it on
// an unchanged tree produces no git diff for the Word files.
//
//	go run ./tools/mkexamples [-corpus testdata/corpus] [-out examples/harbor]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	corpus := flag.String("corpus", "testdata/corpus", "directory holding the real templates")
	out := flag.String("out", "examples/harbor", "directory to write the example program into")
	flag.Parse()
	if err := generate(*corpus, *out); err != nil {
		fmt.Fprintln(os.Stderr, "mkexamples:", err)
		os.Exit(1)
	}
}

// generate writes every file of the Harbor example program into out.
func generate(corpus, out string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", out, err)
	}
	wordTemplate := filepath.Join(corpus, "gsa", "M3-Playbook-Governance-Plan-Template.docx")
	steps := []struct {
		name string
		run  func() error
	}{
		{"Program-Charter.docx", func() error { return writeWord(wordTemplate, filepath.Join(out, "Program-Charter.docx"), charterDoc()) }},
		{"Program-Management-Plan.docx", func() error { return writeWord(wordTemplate, filepath.Join(out, "Program-Management-Plan.docx"), pmpDoc()) }},
		{"IVV-Plan.docx", func() error { return writeWord(wordTemplate, filepath.Join(out, "IVV-Plan.docx"), ivvDoc()) }},
		{"Integrated-Master-Schedule.xlsx", func() error {
			return writeSchedule(filepath.Join(corpus, "gsa", "M3-Playbook-Master-Schedule-Template.xlsx"), filepath.Join(out, "Integrated-Master-Schedule.xlsx"))
		}},
		{"RACI.xlsx", func() error { return writeRACI(filepath.Join(out, "RACI.xlsx")) }},
	}
	for _, s := range steps {
		if err := s.run(); err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
	}
	return nil
}
