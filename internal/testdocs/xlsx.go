package testdocs

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// CellChange sets one cell of a workbook: Value is written with excelize's
// SetCellValue, so a time.Time becomes a date serial and a string stays text.
type CellChange struct {
	Sheet, Cell string
	Value       any
}

// RowInsert inserts N empty rows before Row of Sheet (rows below move down,
// formulas follow).
type RowInsert struct {
	Sheet  string
	Row, N int
}

// CopyXlsxWithCells writes a copy of the workbook src to dst with the given
// cells changed, keeping styles and number formats: the building block for
// seeded-defect schedule and RACI fixtures.
func CopyXlsxWithCells(src, dst string, changes ...CellChange) error {
	return CopyXlsx(src, dst, nil, changes...)
}

// CopyXlsx is CopyXlsxWithCells with rows inserted first (in the order
// given: insert bottom-up so earlier row numbers stay valid).
func CopyXlsx(src, dst string, inserts []RowInsert, changes ...CellChange) error {
	f, err := excelize.OpenFile(src)
	if err != nil {
		return fmt.Errorf("open %s: %w", src, err)
	}
	defer f.Close()
	for _, in := range inserts {
		if err := f.InsertRows(in.Sheet, in.Row, in.N); err != nil {
			return fmt.Errorf("insert %d rows at %s!%d in %s: %w", in.N, in.Sheet, in.Row, src, err)
		}
	}
	for _, c := range changes {
		// A change on a sheet the workbook lacks adds that sheet (e.g. an
		// "Approvals" sign-off sheet).
		if idx, err := f.GetSheetIndex(c.Sheet); err == nil && idx < 0 {
			if _, err := f.NewSheet(c.Sheet); err != nil {
				return fmt.Errorf("add sheet %s to %s: %w", c.Sheet, src, err)
			}
		}
		if err := f.SetCellValue(c.Sheet, c.Cell, c.Value); err != nil {
			return fmt.Errorf("set %s!%s in %s: %w", c.Sheet, c.Cell, src, err)
		}
	}
	if err := f.SaveAs(dst); err != nil {
		return fmt.Errorf("save %s: %w", dst, err)
	}
	return nil
}
