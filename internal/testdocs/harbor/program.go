package harbor

import (
	"strconv"
	"time"

	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

// Facts of the fictional Harbor Payroll Modernization program shared by every
// document, so the charter, PMP, IV&V plan, IMS and RACI agree with each other.
const (
	programName = "Harbor Payroll Modernization"
	agency      = "U.S. Department of Maritime Affairs (DMA)"
	provider    = "Federal Payroll Shared Service Center (FPSSC)"
	version     = "1.2"

	sponsorName   = "Angela Ruiz"
	sponsorTitle  = "Chief Financial Officer, DMA"
	pmName        = "Marcus Chen"
	pmTitle       = "Program Manager, Harbor Payroll Modernization"
	qmName        = "Priya Natarajan"
	qmTitle       = "Quality Manager, DMA Office of the CFO"
	coName        = "Daniel O'Brien"
	coTitle       = "Contracting Officer, DMA Office of Acquisition"
	pmoLeadName   = "Teresa Wallace"
	pmoLeadTitle  = "PMO Lead, FPSSC"
	ivvLeadName   = "Samuel Okafor"
	ivvLeadTitle  = "IV&V Lead, Meridian Assurance Group"
	cioName       = "Helen Park"
	cioTitle      = "Chief Information Officer, DMA"
	contractMgr   = "Lisa Thornton"
	contractTitle = "Contract Manager (COR), DMA"
)

// Approval dates. The PMP approval date is the execution gate (XDOC-001):
// phase 4 work in the IMS must start after it.
var (
	charterApproved = day(2026, time.February, 17)
	pmpApproved     = day(2026, time.August, 24)
	ivvApproved     = day(2026, time.August, 27)
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// longDate is the "Month D, YYYY" form federal documents use; it cannot be
// misread as day-first.
func longDate(t time.Time) string { return t.Format("January 2, 2006") }

// cover is the title block every Word document opens with.
func cover(title string, date time.Time) []testdocs.Block {
	return []testdocs.Block{
		testdocs.Title(title),
		testdocs.Subtitle(programName),
		testdocs.Para(agency + " with " + provider),
		testdocs.Para("Version " + version),
		testdocs.Para(longDate(date)),
	}
}

// history is the M3 "Document History" table (Release No. | Date | Author |
// Revision Description).
func history(rows ...[]string) []testdocs.Block {
	return []testdocs.Block{
		testdocs.Heading(1, "Document History"),
		testdocs.Table([]string{"Release No.", "Date", "Author", "Revision Description"}, rows...),
	}
}

// approvalsTable is the signature table: every row signed "/s/ Name" and dated.
func approvalsTable(intro string, rows ...[]string) []testdocs.Block {
	return []testdocs.Block{
		testdocs.Heading(1, "Approvals"),
		testdocs.Para(intro),
		testdocs.Table([]string{"Name", "Title", "Role", "Signature", "Date"}, rows...),
	}
}

func signed(name, title, role string, on time.Time) []string {
	return []string{name, title, role, "/s/ " + name, longDate(on)}
}

// wordDoc wraps blocks in a Doc with the template's header and footer text
// replaced: the GSA template's header reads "Governance Plan" and its footer
// "Version 1.0 … Day, Month, Year", which would otherwise be template residue.
func wordDoc(title string, date time.Time, blocks []testdocs.Block) testdocs.Doc {
	return testdocs.Doc{
		Title:    title + " – " + programName,
		Subject:  programName,
		Creator:  pmName,
		Modified: date.Add(10 * time.Hour),
		Styles:   testdocs.GSAStyles,
		Blocks:   blocks,
		Edits: []testdocs.Edit{
			{Part: "word/header1.xml", Old: `>Governance </w:t>`, New: `>` + testdocs.Escape(title) + `</w:t>`},
			{Part: "word/header1.xml", Old: `<w:t>Plan</w:t>`, New: `<w:t></w:t>`},
			{Part: "word/footer1.xml", Old: `<w:t>Version 1.0</w:t>`, New: `<w:t>Version ` + version + `</w:t>`},
			{Part: "word/footer1.xml", Old: `<w:t>Day, Month, Year</w:t>`, New: `<w:t>` + longDate(date) + `</w:t>`},
		},
	}
}

func writeWord(template, out string, d testdocs.Doc) error {
	return testdocs.WriteDocx(template, out, d)
}

// join flattens block groups in document order.
func join(groups ...[]testdocs.Block) []testdocs.Block {
	var out []testdocs.Block
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

func blocks(b ...testdocs.Block) []testdocs.Block { return b }

// revisionSheet is the "Revision History" sheet a controlled workbook
// carries (GEN-002/GEN-003): one row per release, the newest last.
func revisionSheet(rows ...[]string) []testdocs.CellChange {
	var out []testdocs.CellChange
	all := append([][]string{{"Version", "Date", "Author", "Description"}}, rows...)
	for i, r := range all {
		for j, v := range r {
			out = append(out, testdocs.CellChange{Sheet: "Revision History", Cell: string(rune('A'+j)) + strconv.Itoa(i+1), Value: v})
		}
	}
	return out
}

// bothManagersSheet is an "Approvals" sheet signed on the day by both
// Program Managers, the customer's and the provider's (the sign-off M3 key
// task 3.1 asks of the IMS and the RAID log).
func bothManagersSheet(on time.Time) []testdocs.CellChange {
	var out []testdocs.CellChange
	for i, row := range [][]string{
		{"Name", "Title", "Role", "Signature", "Date"},
		signed(pmName, pmTitle, "Customer Program Manager", on),
		signed(pmoLeadName, pmoLeadTitle, "Provider Program Manager", on),
	} {
		for j, v := range row {
			out = append(out, testdocs.CellChange{Sheet: "Approvals", Cell: string(rune('A'+j)) + strconv.Itoa(i+1), Value: v})
		}
	}
	return out
}
