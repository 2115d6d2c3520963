// Package harbor writes the Harbor Payroll Modernization example program:
// a charter, a PMP and an IV&V plan on the GSA M3 Word template package,
// the IMS on the GSA M3 Master Schedule workbook and the RACI on the Packt
// RACI workbook (all real templates from testdata/corpus). The bundled
// examples/harbor is written with the deliberate defects; tests write the
// compliant program and seed one defect at a time.
package harbor

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

// Options choose what is written.
type Options struct {
	// Defects keeps the two deliberate violations the examples README
	// explains: a phase 4 task that started before the PMP approval
	// (XDOC-001) and an activity with two Accountable roles (RACI-001).
	Defects bool
	// M3 writes the M3-complete program (m3.go): the documents with their
	// M3 history, plus the RMP, the RAID log and the evidence of every
	// other artifact the M3 playbook asks for by the end of Engagement.
	M3 bool
}

// Files are the names of the documents Generate writes.
var Files = []string{"Program-Charter.docx", "Program-Management-Plan.docx", "IVV-Plan.docx", "Integrated-Master-Schedule.xlsx", "RACI.xlsx"}

// Generate writes the program's documents into out, reading the templates
// from corpus (testdata/corpus).
func Generate(corpus, out string, opts Options) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", out, err)
	}
	wordTemplate := filepath.Join(corpus, "gsa", "M3-Playbook-Governance-Plan-Template.docx")
	word := func(name string, d testdocs.Doc) testdocs.Doc {
		if opts.M3 {
			return m3Word(name, d)
		}
		return d
	}
	steps := []struct {
		name string
		run  func(dst string) error
	}{
		{Files[0], func(dst string) error { return writeWord(wordTemplate, dst, word(Files[0], charterDoc())) }},
		{Files[1], func(dst string) error { return writeWord(wordTemplate, dst, word(Files[1], pmpDoc())) }},
		{Files[2], func(dst string) error { return writeWord(wordTemplate, dst, word(Files[2], ivvDoc())) }},
		{Files[3], func(dst string) error {
			return writeScheduleOpts(filepath.Join(corpus, "gsa", "M3-Playbook-Master-Schedule-Template.xlsx"), dst, opts)
		}},
		{Files[4], func(dst string) error {
			return writeRACI(filepath.Join(corpus, "packt-tpm2e", "RACI.xlsx"), dst, opts.Defects)
		}},
	}
	for _, s := range steps {
		if err := s.run(filepath.Join(out, s.name)); err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
	}
	if opts.M3 {
		return writeM3Extras(corpus, out)
	}
	return nil
}
