package harbor

import (
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"
)

// rtmColumns are the GSA M3 Requirements Traceability Matrix template's
// "RTM" sheet header (m3.json templates → rtm), the mandatory ones marked
// with the template's trailing "*", grouped under the template's three
// bands. No RTM workbook is in the corpus, so WriteRTM lays the sheet out
// from this description.
var rtmColumns = []struct{ header, help string }{
	{"Requirements Unique ID #*", "Unique identifier of the requirement in the form AREA-NNN-NNN assigned by the requirements lead."},
	{"Process Area Business Requirement Name (Level 1 Requirement)*", "Name of the business process area the requirement belongs to, as in the target state CONOPS."},
	{"Sub Process Area Requirement Name (Level 2 Requirement)", "Name of the sub process within the process area that the requirement refines."},
	{"Requirement Description / Definition*", "Full statement of the requirement written so that it can be tested and accepted."},
	{"Reference to High Level Business Requirements / Objectives", "Business objective or high level requirement of the charter that this requirement supports."},
	{"Requirement Type*", "Select the requirement type from the list: functional, data, security, interface or other."},
	{"Requirement Source", "Document, regulation or working session where the requirement was first identified by the team."},
	{"Federal Standard or Mission Unique?", "Select whether the requirement is a federal standard or unique to the agency mission."},
	{"Requirement Decision Maker", "Name of the business owner who has the authority to accept or reject the requirement."},
	{"Priority*", "Select the priority from the list: Mandatory, Desirable, Optional or Deferred for this release."},
	{"Localization", "Agency, bureau or location to which the requirement applies when it is not enterprise wide."},
	{"Author", "Name of the analyst who documented the requirement during the requirements working sessions."},
	{"Status*", "Select the requirement status from the list of approval states kept by the change control board."},
	{"If deferred, how is the requirement being met?", "When the requirement is deferred explain the workaround that meets the need in the meantime."},
	{"Change Request Required?", "Select Yes when the requirement can only be met through an approved change request to the baseline."},
	{"In Scope or Out of Scope for Provider", "Select whether the shared service provider is responsible for meeting the requirement or not."},
	{"Complexity", "Select the complexity of meeting the requirement: high, medium or low effort for the provider."},
	{"Fit/Gap*", "Select Fit when the provider solution meets the requirement as delivered, or Gap when it does not."},
	{"Fit/Gap Description", "Explain how the provider solution meets the requirement or why it does not meet the requirement."},
	{"Alternative Solution", "Describe an alternative business process or workaround that closes the gap without a change."},
	{"Resolution Type (Transaction / RICEF)", "Select the type of object that resolves the gap: report, interface, conversion, enhancement, form or workflow."},
	{"Gap Resolution Description", "Describe the configuration or development that the provider will deliver to close the gap."},
	{"Gap Resolution Complexity", "Select the complexity of the gap resolution from critical through low, or deferred for later."},
	{"Gap Decision Solution Status", "Select whether the proposed gap resolution is proposed, approved or rejected by the governance board."},
	{"System", "Name of the provider system or module in which the requirement is configured and delivered to users."},
	{"Release", "Release or migration wave in which the requirement is delivered to the customer agency users."},
	{"Functional Specification", "Identifier of the functional specification document that designs the solution for this requirement."},
	{"Technical Specification", "Identifier of the technical specification document that builds the solution for this requirement."},
	{"Unit Test Case", "Identifier of the unit test case that verifies the configuration or development of the requirement."},
	{"Integration Test Case", "Identifier of the integration test case that verifies the requirement across systems and interfaces."},
	{"UAT Case", "Identifier of the user acceptance test case that the business owners execute to accept the requirement."},
	{"Regression Test Case", "Identifier of the regression test case that protects the requirement in later releases of the system."},
	{"Remark / Example", "Any remark or worked example that helps the provider understand the requirement as written here."},
}

// rtmBands are the template's group row: the band name and its first and
// last column.
var rtmBands = [][3]string{{"Requirements Specification", "A", "P"}, {"Fit Gap Analysis", "Q", "X"}, {"Traceability", "Y", "AG"}}

// RTMRequirements are the Harbor RTM's requirement rows, one value per
// rtmColumns entry (trailing columns left out are empty). PAY-014-002 and
// PAY-014-003 are the requirements change request CR-2026-014 refines;
// PAY-003-001 and INT-002-004 are those of the change log's other CRs.
func RTMRequirements() [][]string {
	fit := func(id, l1, l2, desc, obj, typ, prio, status, scope, cx, crReq, fitDesc, sys, unit, integ, uat string) []string {
		return []string{id, l1, l2, desc, obj, typ, "Payroll working session 3", "Federal Standard", sponsorName, prio, "DMA-wide", pmName,
			status, "", crReq, scope, cx, "Fit", fitDesc, "", "", "", "", "", sys, "Wave 1", "FS-" + id, "TS-" + id, unit, integ, uat, "RT-" + id, ""}
	}
	gap := func(row []string, resType, resDesc, resCx, resStatus string) []string {
		row[17], row[20], row[21], row[22], row[23] = "Gap", resType, resDesc, resCx, resStatus
		return row
	}
	return [][]string{
		fit("PAY-001-001", "Pay Calculation", "Gross-to-net", "Compute gross-to-net pay for every DMA employee each biweekly pay period.", "Accurate and timely pay", "Functional", "Mandatory", "Approved-Active", "In Scope", "Medium", "No",
			"FPSSC standard pay engine.", "FPSSC Pay", "UT-101", "IT-201", "UAT-301"),
		fit("PAY-003-001", "Leave", "Leave balance conversion", "Carry converted annual and sick leave balances to the quarter hour.", "Accurate and timely pay", "Data Requirements", "Mandatory", "Approved-Active", "In Scope", "Low", "Yes",
			"Standard leave module after CR-2026-009 rounding rule.", "FPSSC Time and Leave", "UT-114", "IT-214", "UAT-314"),
		gap(fit("PAY-014-002", "Premium Pay", "Maritime night differential", "Pay the maritime night differential to vessel crew for hours worked between 1800 and 0600 at sea.", "Accurate and timely pay", "Functional", "Mandatory", "Approved-Active", "In Scope", "High", "Yes",
			"Standard engine computes only the GS night differential.", "FPSSC Pay", "UT-140", "IT-240", "UAT-340"),
			"Enhancement", "Configured earnings rule per CR-2026-014.", "High", "Approved"),
		gap(fit("PAY-014-003", "Premium Pay", "Sea-duty premium", "Pay the sea-duty premium for each day a crew member is assigned to a vessel under way.", "Accurate and timely pay", "Functional", "Mandatory", "Approved-Active", "In Scope", "High", "Yes",
			"Standard engine has no sea-duty premium pay code.", "FPSSC Pay", "UT-141", "IT-241", "UAT-341"),
			"Enhancement", "Two pay codes and an earnings rule per CR-2026-014.", "High", "Approved"),
		fit("INT-001-001", "Interfaces", "General ledger posting", "Post payroll expenditures to the DMA general ledger after each pay period.", "Auditable financial records", "Interface Requirements", "Mandatory", "Approved-Active", "In Scope", "Medium", "No",
			"Standard GL interface file.", "FPSSC Interfaces", "UT-150", "IT-250", "UAT-350"),
		fit("INT-002-004", "Interfaces", "Treasury offset file", "Send the Treasury offset file every Tuesday night.", "Auditable financial records", "Interface Requirements", "Desirable", "Approved-Active", "In Scope", "Low", "No",
			"Standard offset file schedule (CR-2026-011 rejected).", "FPSSC Interfaces", "UT-152", "IT-252", "UAT-352"),
		fit("CNV-001-001", "Conversion", "Pay history", "Convert 36 months of pay history for active and separated employees.", "Accurate and timely pay", "Data Requirements", "Mandatory", "Approved-Active", "In Scope", "High", "No",
			"Standard conversion templates.", "FPSSC Conversion", "UT-160", "IT-260", "UAT-360"),
		fit("RPT-001-001", "Reporting", "Payroll register", "Produce the payroll register for the DMA payroll office after each pay computation.", "Auditable financial records", "Functional", "Desirable", "Approved-Active", "In Scope", "Low", "No",
			"Standard payroll register report.", "FPSSC Reporting", "UT-170", "IT-270", "UAT-370"),
		fit("SEC-001-001", "Security", "Role-based access", "Restrict pay data to users whose role grants it, reviewed quarterly.", "Protect employee data", "Security Requirements", "Mandatory", "Approved-Active", "In Scope", "Medium", "No",
			"Standard FPSSC role model.", "FPSSC Security", "UT-180", "IT-280", "UAT-380"),
	}
}

// RTMChangeRequests are the RTM's CR sheet rows (Requirement ID, *CR ID,
// CR Name, CR Description, CR Status): the change log's requests.
func RTMChangeRequests() [][]string {
	var out [][]string
	for _, r := range ChangeLogRows() {
		out = append(out, r[:5])
	}
	return out
}

// rtmIssued is when the RTM was last saved: after the board approved
// CR-2026-014 and the RTM logged it.
var rtmIssued = day(2026, time.October, 16)

// WriteRTM writes the Harbor Requirements Traceability Matrix laid out as
// the GSA M3 RTM template: a cover sheet, instructions, the "RTM" sheet
// (group band row 1, header row 2, the template's instruction row 3,
// requirements from row 4, the template's list validations), the "CR"
// sheet (header row 1) with the given rows, and a revision history.
func WriteRTM(out string, reqs, crs [][]string) error {
	f := excelize.NewFile()
	defer f.Close()
	fail := func(err error) error { return fmt.Errorf("rtm %s: %w", out, err) }
	if err := f.SetSheetName("Sheet1", "Cover"); err != nil {
		return fail(err)
	}
	for _, s := range []string{"Instructions", "RTM", "CR", "Revision History"} {
		if _, err := f.NewSheet(s); err != nil {
			return fail(err)
		}
	}
	for _, b := range rtmBands {
		if err := f.SetCellValue("RTM", b[1]+"1", b[0]); err != nil {
			return fail(err)
		}
		if err := f.MergeCell("RTM", b[1]+"1", b[2]+"1"); err != nil {
			return fail(err)
		}
	}
	header, help := make([]string, len(rtmColumns)), make([]string, len(rtmColumns))
	for j, c := range rtmColumns {
		header[j], help[j] = c.header, c.help
	}
	if err := writeRows(f, "RTM", 2, [][]string{header, help}); err != nil {
		return fail(err)
	}
	if err := writeRows(f, "RTM", 4, reqs); err != nil {
		return fail(err)
	}
	if err := writeRows(f, "CR", 1, append([][]string{{"Requirement ID", "*CR ID", "CR Name", "CR Description", "CR Status"}}, crs...)); err != nil {
		return fail(err)
	}
	// A controlled workbook keeps its releases (GEN-002/GEN-003): the RTM
	// was baselined with the requirements and re-issued for each approved
	// change request.
	err := writeRows(f, "Revision History", 1, [][]string{
		{"Version", "Date", "Author", "Description"},
		{"1.0", longDate(day(2026, time.June, 1)), pmName, "Requirements baselined after the fit-gap working sessions."},
		{"1.1", longDate(day(2026, time.August, 12)), pmName, "CR-2026-009 logged; PAY-003-001 updated."},
		{"1.2", longDate(rtmIssued), pmName, "CR-2026-014 logged; PAY-014-002 and PAY-014-003 resolved as gaps."},
	})
	if err != nil {
		return fail(err)
	}
	for _, c := range [][3]string{
		{"Cover", "B3", "Requirements Traceability Matrix (RTM)"}, {"Cover", "B4", "Version " + version},
		{"Cover", "B5", longDate(rtmIssued)}, {"Cover", "B6", programName},
		{"Instructions", "A1", "Record each requirement on the RTM sheet and each change request on the CR sheet."},
		{"Instructions", "A2", "Mandatory columns are marked with an asterisk (*)."},
	} {
		if err := f.SetCellValue(c[0], c[1], c[2]); err != nil {
			return fail(err)
		}
	}
	// The template's drop-down lists (m3.json templates → rtm allowed_values).
	for _, v := range [][2]any{
		{"J4:J500", []string{"Mandatory", "Desirable", "Optional", "Deferred"}},
		{"M4:M500", []string{"Pending Approval-New", "Approved-Active", "Approved-Implemented", "Rejected-Closed", "Rejected-Deferred"}},
		{"O4:O500", []string{"Yes", "No"}},
		{"P4:P500", []string{"In Scope", "Out of Scope"}},
		{"R4:R500", []string{"Fit", "Gap"}},
		{"X4:X500", []string{"Proposed", "Approved", "Rejected"}},
	} {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = v[0].(string)
		if err := dv.SetDropList(v[1].([]string)); err != nil {
			return fail(err)
		}
		if err := f.AddDataValidation("RTM", dv); err != nil {
			return fail(err)
		}
	}
	err = f.SetDocProps(&excelize.DocProperties{
		Title: "Requirements Traceability Matrix – " + programName, Creator: pmName, LastModifiedBy: pmName,
		Created: "2026-06-01T14:00:00Z", Modified: rtmIssued.Add(15 * time.Hour).Format(time.RFC3339),
	})
	if err != nil {
		return fail(err)
	}
	if err := f.SaveAs(out); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	return nil
}

// writeRows writes rows into sheet from row first, column A.
func writeRows(f *excelize.File, sheet string, first int, rows [][]string) error {
	for i, r := range rows {
		for j, v := range r {
			if v == "" {
				continue
			}
			cell, err := excelize.CoordinatesToCellName(j+1, first+i)
			if err != nil {
				return err
			}
			if err := f.SetCellValue(sheet, cell, v); err != nil {
				return err
			}
		}
	}
	return nil
}
