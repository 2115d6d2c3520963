package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/tollgate-dev/tollgate/internal/finding"
)

// XLSX is the compliance matrix a quality manager sorts, filters and
// pastes into a review: a Summary sheet (verdict, counts, procedures,
// audit record), a Matrix sheet (rules × documents: pass / fail / waived /
// n-a, colour-coded, frozen header, filters), a Findings sheet with
// locations and remediation, and a Waivers sheet. Every value is written
// as a string cell (never a formula), so document text cannot compute.
type XLSX struct{}

// XLSXSheets are the sheet names, in order.
var XLSXSheets = []string{"Summary", "Matrix", "Findings", "Waivers"}

// Render writes the workbook.
func (XLSX) Render(w io.Writer, r *finding.Result) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", XLSXSheets[0]); err != nil {
		return err
	}
	for _, s := range XLSXSheets[1:] {
		if _, err := f.NewSheet(s); err != nil {
			return err
		}
	}
	x := &xlsxWriter{f: f}
	x.styles()
	x.summary(r)
	x.matrix(r)
	x.findings(r)
	x.waivers(r)
	if x.err != nil {
		return x.err
	}
	f.SetActiveSheet(0)
	_, err := f.WriteTo(w)
	return err
}

type xlsxWriter struct {
	f      *excelize.File
	err    error
	header int
	bold   int
	status map[string]int
}

func (x *xlsxWriter) check(err error) {
	if err != nil && x.err == nil {
		x.err = err
	}
}

func (x *xlsxWriter) style(s *excelize.Style) int {
	id, err := x.f.NewStyle(s)
	x.check(err)
	return id
}

func fill(color string) excelize.Fill {
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
}

func (x *xlsxWriter) styles() {
	x.header = x.style(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"}, Fill: fill("37474F"),
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	x.bold = x.style(&excelize.Style{Font: &excelize.Font{Bold: true}})
	x.status = map[string]int{
		"pass":   x.style(&excelize.Style{Fill: fill("C6EFCE"), Font: &excelize.Font{Color: "006100"}, Alignment: &excelize.Alignment{Horizontal: "center"}}),
		"fail":   x.style(&excelize.Style{Fill: fill("FFC7CE"), Font: &excelize.Font{Color: "9C0006", Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center"}}),
		"waived": x.style(&excelize.Style{Fill: fill("D9D9D9"), Font: &excelize.Font{Color: "404040"}, Alignment: &excelize.Alignment{Horizontal: "center"}}),
		"n-a":    x.style(&excelize.Style{Fill: fill("FFEB9C"), Font: &excelize.Font{Color: "9C5700"}, Alignment: &excelize.Alignment{Horizontal: "center"}}),
	}
}

// row writes values from column A of row n (1-based).
func (x *xlsxWriter) row(sheet string, n int, vals ...any) {
	cell, err := excelize.CoordinatesToCellName(1, n)
	x.check(err)
	x.check(x.f.SetSheetRow(sheet, cell, &vals))
}

func (x *xlsxWriter) headerRow(sheet string, cols ...any) {
	x.row(sheet, 1, cols...)
	last, _ := excelize.CoordinatesToCellName(len(cols), 1)
	x.check(x.f.SetCellStyle(sheet, "A1", last, x.header))
	x.check(x.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
}

func (x *xlsxWriter) filter(sheet string, cols, rows int) {
	if rows < 1 {
		rows = 1
	}
	last, _ := excelize.CoordinatesToCellName(cols, rows+1)
	x.check(x.f.AutoFilter(sheet, "A1:"+last, nil))
}

func (x *xlsxWriter) widths(sheet string, ws ...float64) {
	for i, w := range ws {
		col, _ := excelize.ColumnNumberToName(i + 1)
		x.check(x.f.SetColWidth(sheet, col, col, w))
	}
}

func (x *xlsxWriter) summary(r *finding.Result) {
	const sh = "Summary"
	s := r.Summary
	rows := [][]any{
		{"tollgate compliance report"},
		{"Verdict", strings.ToUpper(s.Verdict)},
		{"As of", r.Run.AsOf},
		{"Documents", s.Documents},
		{"Unreadable", s.Unreadable},
		{"Errors", s.Errors},
		{"Warnings", s.Warnings},
		{"Info", s.Infos},
		{"Waived", s.Waived},
		{"Not assessable", s.NotAssessable},
		{"Checks passed", s.PassedChecks},
		{},
		{"Procedure", "Satisfied", "Not satisfied", "Waived", "Not evaluated", "Not applicable"},
	}
	for _, g := range procedureGroups(r.Procedures) {
		c := g.Count
		rows = append(rows, []any{g.Name, c[finding.Satisfied], c[finding.NotSatisfied], c[finding.ProcWaived], c[finding.NotEvaluated], c[finding.ProcNotAppl]})
	}
	rows = append(rows, []any{}, []any{"Audit record"},
		[]any{"Tool", r.Tool.Name + " " + r.Tool.Version},
		[]any{"OPA", r.Tool.OPAVersion},
		[]any{"Policy digest", r.Run.PolicyDigest},
		[]any{"Config digest", r.Run.ConfigDigest},
		[]any{"Command", r.Run.Command},
	)
	for _, d := range r.Documents {
		rows = append(rows, []any{"sha256 " + d.Path, d.SHA256})
	}
	for i, vals := range rows {
		x.row(sh, i+1, vals...)
	}
	x.check(x.f.SetCellStyle(sh, "A1", "A1", x.bold))
	verdict := "pass"
	if s.Verdict != "pass" {
		verdict = "fail"
	}
	x.check(x.f.SetCellStyle(sh, "B2", "B2", x.status[verdict]))
	x.check(x.f.SetCellStyle(sh, "A13", "F13", x.header))
	x.widths(sh, 28, 20, 14, 10, 14, 14)
}

// matrix: one row per rule that applied somewhere, one column per document
// (and the submission), pass / fail / waived / n-a in each cell.
func (x *xlsxWriter) matrix(r *finding.Result) {
	const sh = "Matrix"
	status := checkStatus(r)
	cols := []string{}
	for _, d := range r.Documents {
		cols = append(cols, d.Path)
	}
	cols = append(cols, "")
	header := []any{"Rule", "Title", "Severity", "Pack"}
	for _, c := range cols {
		header = append(header, docLabel(c))
	}
	x.headerRow(sh, header...)
	rules := usedRules(r)
	for i, ru := range rules {
		vals := []any{ru.ID, ru.Title, string(ru.Severity), ru.Pack}
		for _, c := range cols {
			vals = append(vals, matrixWord(status[[2]string{ru.ID, c}]))
		}
		x.row(sh, i+2, vals...)
		for j, c := range cols {
			word := matrixWord(status[[2]string{ru.ID, c}])
			if st, ok := x.status[word]; ok {
				cell, _ := excelize.CoordinatesToCellName(5+j, i+2)
				x.check(x.f.SetCellStyle(sh, cell, cell, st))
			}
		}
	}
	x.filter(sh, len(header), len(rules))
	x.widths(sh, 16, 50, 10, 10)
	for j := range cols {
		col, _ := excelize.ColumnNumberToName(5 + j)
		x.check(x.f.SetColWidth(sh, col, col, 18))
	}
}

func matrixWord(s finding.Status) string {
	switch s {
	case finding.Pass:
		return "pass"
	case finding.Fail:
		return "fail"
	case finding.Waived:
		return "waived"
	case finding.NotAssessable, finding.NotApplicable:
		return "n-a"
	}
	return "" // the rule does not apply to this document
}

func (x *xlsxWriter) findings(r *finding.Result) {
	const sh = "Findings"
	x.headerRow(sh, "Document", "Location", "Rule", "Title", "Severity", "Status", "Baseline", "Message", "Remediation", "Source", "Finding ID")
	for i, f := range r.Findings {
		x.row(sh, i+2, docLabel(f.Path), where(f.Location), f.Rule, f.Title, string(f.Severity), findingLabel(f), f.Baseline,
			f.Message, f.Remediation, f.Source, f.ID)
		if st, ok := x.status[matrixWord(f.Status)]; ok {
			cell := fmt.Sprintf("F%d", i+2)
			x.check(x.f.SetCellStyle(sh, cell, cell, st))
		}
	}
	x.filter(sh, 11, len(r.Findings))
	x.widths(sh, 30, 28, 14, 40, 10, 14, 10, 60, 50, 30, 18)
}

func (x *xlsxWriter) waivers(r *finding.Result) {
	const sh = "Waivers"
	x.headerRow(sh, "Rule", "Path", "Location", "Reason", "Approved by", "Expires", "State", "Matched")
	for i, w := range r.Waivers {
		x.row(sh, i+2, w.Rule, w.Path, w.Location, w.Reason, w.ApprovedBy, w.Expires, w.State, w.Matched)
	}
	x.filter(sh, 8, len(r.Waivers))
	x.widths(sh, 16, 30, 20, 50, 20, 12, 10, 10)
}
