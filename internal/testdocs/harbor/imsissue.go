package harbor

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/xuri/excelize/v2"
)

// IMSIssued is when the compliant IMS was last saved: its 1.2 status update
// for the 13 November 2026 data date, after the board approved
// CR-2026-014 (14 October 2026) and its system-test extension went in.
var IMSIssued = statusDate.Add(16 * time.Hour)

// WriteIMS writes the compliant Harbor IMS (the GSA M3 Master Schedule
// template, as Generate writes it without defects) with its last-saved
// date (docProps modified) set to saved: the examples' IMS keeps the
// template's own 2021 date, which says nothing about when the program last
// changed it (XDOC-012 fixtures).
func WriteIMS(corpus, out string, saved time.Time) error {
	tmp := out + ".ims.tmp.xlsx"
	defer os.Remove(tmp)
	if err := writeSchedule(filepath.Join(corpus, "gsa", "M3-Playbook-Master-Schedule-Template.xlsx"), tmp, false); err != nil {
		return err
	}
	f, err := excelize.OpenFile(tmp)
	if err != nil {
		return fmt.Errorf("open %s: %w", tmp, err)
	}
	defer f.Close()
	if err := f.SetDocProps(&excelize.DocProperties{LastModifiedBy: pmName, Modified: saved.UTC().Format(time.RFC3339)}); err != nil {
		return fmt.Errorf("ims %s: %w", out, err)
	}
	if err := f.SaveAs(out); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	return nil
}
