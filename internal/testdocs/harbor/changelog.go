package harbor

import (
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"
)

// ChangeLogRows are the Harbor change log's rows in the columns of the M3
// RTM template's CR sheet (Requirement ID, CR ID, CR Name, CR Description,
// CR Status) plus the board's decision date; CR-2026-014 is the change
// request WriteChangeRequest writes.
func ChangeLogRows() [][]string {
	return [][]string{
		{"PAY-003-001", "CR-2026-009", "Leave-balance rounding", "Round converted leave balances to the quarter hour as FPSSC stores them.", "Approved", longDate(day(2026, time.August, 12))},
		{"INT-002-004", "CR-2026-011", "Treasury offset file timing", "Move the Treasury offset file from Tuesday to Monday night.", "Rejected", longDate(day(2026, time.September, 9))},
		{"PAY-014-002, PAY-014-003", "CR-2026-014", "Maritime shift differential", "Configure the maritime shift differential in the FPSSC pay engine.", "Approved", longDate(crDecided)},
	}
}

// WriteChangeLog writes rows as the "CR Log" sheet of a workbook whose
// cover sheet titles it "Change Request Log" (a change_log fixture: several
// change requests in one sheet).
func WriteChangeLog(out string, rows [][]string) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Cover"); err != nil {
		return fmt.Errorf("change log: %w", err)
	}
	if _, err := f.NewSheet("CR Log"); err != nil {
		return fmt.Errorf("change log: %w", err)
	}
	set := func(sheet, cell string, v any) error { return f.SetCellValue(sheet, cell, v) }
	for _, cv := range [][2]string{{"B3", "Change Request Log"}, {"B4", "Version " + version}, {"B5", programName}} {
		if err := set("Cover", cv[0], cv[1]); err != nil {
			return err
		}
	}
	all := append([][]string{{"Requirement ID", "CR ID", "CR Name", "CR Description", "CR Status", "Decision Date"}}, rows...)
	for i, r := range all {
		for j, v := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := set("CR Log", cell, v); err != nil {
				return err
			}
		}
	}
	f.SetDocProps(&excelize.DocProperties{Title: "Change Request Log – " + programName, Creator: pmName})
	if err := f.SaveAs(out); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	return nil
}
