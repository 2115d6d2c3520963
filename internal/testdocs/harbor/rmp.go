package harbor

import (
	"path/filepath"
	"time"

	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

// rmpHeader is the header of the M3 Resource Management Plan template's
// "PMO Roles and Responsibilities" table, exactly as the template writes it.
var rmpHeader = []string{
	"Job Title/Position Description", "Filled (Acting/ Permanent Personnel) or Vacant", "Personnel Name (if known)",
	"Lead or Support Staff", "Specialty Area & SME Status (for Support Staff Only)", "Major Responsibilities",
	"Required Experience/ Skills", "Federal/ Contractor Personnel?", "Federal Lead (for Contractor Workstreams/Roles Only)",
	"Number of Resources & Commitment Required", "Have Resources Been Acquired for the Role?", "Resource/Skills Gaps & Target Dates to Fill Gaps",
}

// band is a group row of the roles table: the same text in every cell.
func band(text string) []string {
	row := make([]string, len(rmpHeader))
	for i := range row {
		row[i] = text
	}
	return row
}

// RMPRolesTable is the roles table's number in the written RMP (after the
// document history), and RMPRoleRow the table row of each role (header row 1).
const RMPRolesTable = 2

// RMPRoleRow gives the table row of a role of the Harbor RMP.
func RMPRoleRow(role string) int {
	for i, r := range rmpRows() {
		if r[0] == role {
			return i + 2
		}
	}
	return 0
}

func rmpRows() [][]string {
	return [][]string{
		band("Overall Program Leadership Team"),
		{"Executive Sponsor", "Filled – Permanent", sponsorName, "Lead", "N/A", "Owns the business case, chairs the Executive Steering Committee, approves phase exits.", "Senior executive; payroll and financial management", "Federal", "N/A", "1 (10% time)", "Yes", "None"},
		{"Program Manager (Customer)", "Filled – Permanent", pmName, "Lead", "N/A", "Leads the customer PMO; manages the IMS, budget, risks and change control.", "PMP; federal migration experience", "Federal", "N/A", "1 FTE (100%)", "Yes", "None"},
		{"PMO Lead (Provider)", "Filled – Permanent", pmoLeadName, "Lead", "N/A", "Leads the FPSSC migration team, its schedule, risks and deliverables.", "Shared-service migrations", "Federal", "N/A", "1 FTE (100%)", "Yes", "None"},
		band("Project Control – 3 FTEs, 2 Federal and 1 Contractor"),
		{"Business Owner", "Filled – Permanent", "Rosa Delgado", "Lead", "N/A", "Decides pay policy questions and accepts business processes and test results.", "DMA payroll operations", "Federal", "N/A", "1 (50% time)", "Yes", "None"},
		{"Contracting Officer", "Filled – Permanent", coName, "Lead", "N/A", "Administers the interagency agreement and the IV&V task order.", "Warranted contracting officer", "Federal", "N/A", "1 (20% time)", "Yes", "None"},
		{"IV&V Lead", "Filled – Permanent", ivvLeadName, "Lead", "N/A", "Directs independent verification and validation; reports to the Executive Sponsor.", "IEEE 1012; payroll systems", "Contractor", sponsorName, "Per IV&V task order (40% time)", "Yes", "None"},
		band("Functional – 4 FTEs, 2 Federal and 2 Provider"),
		{"Functional Lead (Provider)", "Filled – Permanent", "Kevin Marsh", "Lead", "N/A", "Leads fit-gap, configuration of pay rules and business process design.", "FPSSC payroll configuration", "Federal", "N/A", "1 FTE (100%)", "Yes", "Maritime shift-differential SME – assigned by December 1, 2026"},
		band("Technical – 5 FTEs, 1 Federal and 4 Provider"),
		{"Technical Lead (Provider)", "Filled – Acting", "Raj Iyer", "Lead", "N/A", "Leads data conversion, interfaces and technical testing.", "Payroll data conversion; interface design", "Federal", "N/A", "1 FTE (100%)", "Yes", "Second data conversion analyst – onboard by November 30, 2026"},
		band("Change Management – 2 FTEs, 2 Federal"),
		{"Change Manager (Customer)", "Filled – Permanent", "Nora Quinn", "Lead", "N/A", "Leads change management, communications and training readiness.", "Prosci certification", "Federal", "N/A", "1 FTE (100%)", "Yes", "None"},
	}
}

// rmpApproved is the date both Program Managers approved the RMP.
var rmpApproved = day(2026, time.August, 14)

// WriteRMP writes the Harbor Resource Management Plan on the GSA M3 RMP
// template (its roles table header and band rows as the template has
// them): a raci document for the RMP rules (RACI-008) and the rules that
// read the program's roles and personnel.
func WriteRMP(corpus, out string) error { return writeRMP(corpus, out, false) }

// writeRMP is WriteRMP; with m3 the plan has its M3 history: the customer
// PMO's plan of key task 1.2, approved by the Executive Sponsor for the
// Readiness tollgate, updated in Selection, then integrated with the
// provider PMO in key task 3.1 and approved by both Program Managers.
func writeRMP(corpus, out string, m3 bool) error {
	date := rmpApproved
	revisions := [][]string{
		{"1.0", longDate(day(2026, time.July, 24)), pmName, "Roles agreed with the FPSSC PMO in key task 3.1."},
		{"1.1", longDate(day(2026, time.August, 7)), pmName, "Provider roles and staffing gaps added."},
		{"1.2", longDate(date), pmName, "Approved by both Program Managers."},
	}
	sponsorSigned := date
	if m3 {
		revisions = append([][]string{
			{"0.1", longDate(M3Dates.RMPDraft), pmName, "Customer PMO roles and governance structure (key task 1.2)."},
			{"0.2", longDate(M3Dates.RMPApproved), pmName, "Approved by the Executive Sponsor for the Readiness tollgate."},
			{"0.3", longDate(M3Dates.RMPSelection), pmName, "Selection staffing: acquisition and evaluation roles."},
		}, revisions...)
		sponsorSigned = M3Dates.RMPApproved
	}
	b := join(
		cover("Resource Management Plan", date),
		history(revisions...),
		blocks(
			testdocs.Heading(1, "Purpose"),
			testdocs.Para("This Resource Management Plan records the roles of the joint DMA and FPSSC program management office for the Harbor Payroll Modernization program, who fills each role, the commitment each needs, and the gaps still to be filled with their target dates."),
			testdocs.Heading(1, "PMO Roles and Responsibilities Overview"),
			testdocs.Table(rmpHeader, rmpRows()...),
		),
		approvalsTable("The signatories approve this Resource Management Plan.",
			signed(pmName, pmTitle, "Customer Program Manager", date),
			signed(pmoLeadName, pmoLeadTitle, "Provider Program Manager", date),
			signed(sponsorName, sponsorTitle, "Executive Sponsor", sponsorSigned),
		),
	)
	d := testdocs.Doc{
		Title:    "Resource Management Plan – " + programName,
		Subject:  programName,
		Creator:  pmName,
		Modified: date.Add(10 * time.Hour),
		Styles:   testdocs.GSAStyles,
		Blocks:   b,
		Edits: []testdocs.Edit{
			{Part: "word/footer1.xml", Old: `<w:t>Version 1.0</w:t>`, New: `<w:t>Version ` + version + `</w:t>`},
			{Part: "word/footer1.xml", Old: `<w:t>Day, Month, Year</w:t>`, New: `<w:t>` + longDate(date) + `</w:t>`},
		},
	}
	return testdocs.WriteDocx(filepath.Join(corpus, "gsa", "M3-Playbook-Resource-Management-Plan-Template.docx"), out, d)
}
