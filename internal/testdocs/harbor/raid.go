package harbor

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

// raidRisks are the Harbor program's open risks as the PMO records them in
// the GSA M3 RAID log template's Risk Log (columns by header text).
var raidRisks = []map[string]any{
	{"Title": "Pay-history conversion", "Description": "If legacy pay codes do not map one-to-one to FPSSC pay codes, then Mock Conversion 2 misses its reconciliation target and go-live slips by a pay period.",
		"Response Plan": "Code-mapping workshops with FPSSC finish by December 15, 2026; a second data analyst joins the conversion team.", "Risk Response": "Mitigate",
		"Status": "In Progress", "Risk Type ": "Data/information", "Risk Status Notes": "November 10, 2026: reviewed at the program review; mapping workshops on track.", "Program or Release": "Program", "Created By": pmName, "Created On": day(2026, time.September, 15),
		"Risk Owner(s) - Organization": "Customer", "Risk Owner": pmName, "Probability  (Likelihood)": "4-Highly Likely (70%)",
		"Consequence / Impact": "4-Significant (15% impact to cost or schedule)", "Risk Trigger": "Mock 2 reconciliation below 99%",
		"Due Date (Trigger Date)": day(2027, time.January, 15), "Risk Contingency Plan": "Add a parallel pay period before cutover.", "Closure Criteria": "Mock 3 reconciles to $0.01 per employee."},
	{"Title": "Mainframe programmer attrition", "Description": "If one of the two remaining mainframe programmers leaves before go-live, then legacy interfaces cannot be changed for conversion.",
		"Response Plan": "Retention agreements signed; knowledge-transfer tasks tracked in the IMS.", "Risk Response": "Mitigate",
		"Status": "New", "Risk Type ": "Project resources/financial", "Risk Status Notes": "November 3, 2026: retention agreements signed by both programmers.", "Program or Release": "Program", "Created By": pmName, "Created On": day(2026, time.October, 2),
		"Risk Owner(s) - Organization": "Customer", "Risk Owner": cioName, "Probability  (Likelihood)": "3-Likely (50%)",
		"Consequence / Impact": "3-Moderate (10% impact to cost or schedule)", "Risk Trigger": "Resignation notice",
		"Due Date (Trigger Date)": day(2027, time.March, 1), "Risk Contingency Plan": "Contract surge support from the vendor.", "Closure Criteria": "Legacy system decommissioned."},
	{"Title": "Shift-differential configuration", "Description": "If the FPSSC standard offering cannot compute maritime shift differentials, then custom configuration adds cost and test time.",
		"Response Plan": "Fit-gap item raised with FPSSC; configuration estimate due in the next program review.", "Risk Response": "Mitigate",
		"Status": "In Progress", "Risk Type ": "Technical/technology", "Risk Status Notes": "November 12, 2026: FPSSC estimate requested for the next program review.", "Program or Release": "Program", "Created By": pmName, "Created On": day(2026, time.October, 20),
		"Risk Owner(s) - Organization": "Provider", "Risk Owner": pmoLeadName, "Probability  (Likelihood)": "2-Low Likelihood (30%)",
		"Consequence / Impact": "4-Significant (15% impact to cost or schedule)", "Risk Trigger": "FPSSC estimate above $250,000",
		"Due Date (Trigger Date)": day(2026, time.December, 4), "Risk Contingency Plan": "Escalate to the Executive Steering Committee.", "Closure Criteria": "Configuration tested in system test."},
}

// WriteRAID fills the GSA M3 RAID log template's Risk Log with the Harbor
// program's risks (a risk_register fixture for the RISK rules).
func WriteRAID(corpus, out string) error { return writeRAID(corpus, out, false) }

// writeRAID is WriteRAID; with m3 the log has its M3 history: opened in
// key task 1.4 and reviewed in every phase since.
func writeRAID(corpus, out string, m3 bool) error {
	src := corpus + "/gsa/M3-Playbook-RAID-Log-Template.xlsx"
	f, err := excelize.OpenFile(src)
	if err != nil {
		return fmt.Errorf("open %s: %w", src, err)
	}
	sheet := ""
	for _, s := range f.GetSheetList() {
		if strings.TrimSpace(s) == "Risk Log" {
			sheet = s
		}
	}
	header, err := f.GetRows(sheet)
	f.Close()
	if err != nil || len(header) < 2 {
		return fmt.Errorf("%s: no Risk Log header row", src)
	}
	cols := map[string]string{}
	for j, h := range header[1] {
		name, _ := excelize.ColumnNumberToName(j + 1)
		cols[h] = name
	}
	var changes []testdocs.CellChange
	for i, r := range raidRisks {
		row := strconv.Itoa(i + 3)
		changes = append(changes, testdocs.CellChange{Sheet: sheet, Cell: "A" + row, Value: fmt.Sprintf("R-%03d", i+1)})
		for h, v := range r {
			col, ok := cols[h]
			if !ok {
				return fmt.Errorf("%s: Risk Log has no column %q", src, h)
			}
			if d, isDate := v.(time.Time); isDate {
				v = longDate(d)
			}
			changes = append(changes, testdocs.CellChange{Sheet: sheet, Cell: col + row, Value: v})
		}
	}
	// The cover, the document history and the sign-off of both Program
	// Managers the template's cover note asks for.
	changes = append(changes,
		testdocs.CellChange{Sheet: "Cover", Cell: "B4", Value: "Version " + version},
		testdocs.CellChange{Sheet: "Cover", Cell: "B5", Value: longDate(raidUpdated)},
		testdocs.CellChange{Sheet: "Cover", Cell: "B7", Value: programName + " risk and issue logs, reviewed weekly by the joint PMO."},
	)
	revisions := [][]string{
		{"1.0", longDate(day(2026, time.September, 15)), pmName, "Risk log opened with the conversion risk."},
		{"1.1", longDate(day(2026, time.October, 20)), pmName, "Provider risks added after the fit-gap review."},
		{"1.2", longDate(raidUpdated), pmName, "Weekly review; approved by both Program Managers."},
	}
	if m3 {
		revisions = [][]string{
			{"0.1", longDate(M3Dates.RAIDOpened), pmName, "RAID log opened in key task 1.4 with the Readiness risks and issues."},
			{"0.2", longDate(M3Dates.Phase2Revision), pmName, "Selection review: acquisition risks."},
			{"0.3", longDate(M3Dates.Phase3Revision), pmName, "Engagement review with the FPSSC PMO; earlier risks closed."},
			{"1.0", longDate(day(2026, time.September, 15)), pmName, "Migration risk review: conversion risk added."},
			revisions[1], revisions[2],
		}
	}
	changes = append(changes, revisionSheet(revisions...)...)
	changes = append(changes, bothManagersSheet(raidUpdated)...)
	return testdocs.CopyXlsxWithCells(src, out, changes...)
}

// raidUpdated is the date of the last weekly review of the RAID log.
var raidUpdated = day(2026, time.November, 12)
