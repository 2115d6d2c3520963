package harbor

import (
	"strconv"
	"strings"
	"time"

	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

// raciActivities are the M3 key-task activities the customer and provider
// agreed roles for in key task 3.1 (activity 4).
var raciActivities = []struct {
	id, name string
	codes    []string // per raciRoles
}{
	{"1.2", "Approve Program Charter", []string{"A", "R", "C", "I", "I", "C", "I", "", "I"}},
	{"3.1-6", "Establish Program Management Plan", []string{"A", "R", "C", "R", "C", "C", "I", "I", "C"}},
	{"3.1-5", "Review and update IV&V Plan", []string{"I", "A", "C", "R", "I", "R", "I", "", "I"}},
	{"3.2", "Integrate governance structures", []string{"A", "C", "C", "C", "R", "I", "I", "I", "R"}},
	{"3.3", "Maintain and execute risk processes", []string{"I", "C", "C", "A", "R", "C", "I", "I", "R"}},
	{"4.7", "Conduct mock conversions", []string{"I", "C", "C", "C", "A", "I", "C", "R", "R"}},
	{"4.8", "Test systems and processes", []string{"I", "C", "A", "C", "R", "C", "C", "R", "R"}},
	{"4.12", "Assess readiness for go-live", []string{"I", "A", "C", "R", "C", "C", "R", "C", "R"}},
	{"4.13", "Develop and execute cutover plan", []string{"I", "A", "C", "R", "C", "I", "C", "R", "I"}},
	// No Functional Lead or Change Manager assignment: clearing C..I of this
	// row leaves it without any (the RACI-003 fixture).
	{"5.6", "Decommission legacy systems", []string{"I", "C", "A", "C", "R", "I", "R", "", ""}},
}

// defectActivity is the RACI row given a second Accountable role when the
// deliberate defects are written.
const defectActivity = "4.12"

// raciRoles are the program's roles: every resource the IMS assigns is one
// of them (XDOC-007); Accountable is spread so no role holds it on more than
// half the activities (RACI-005); M3 shared activities have a customer and a
// provider role among R/A (RACI-007).
var raciRoles = []string{"Executive Sponsor", "Program Manager (Customer)", "Business Owner", "PMO Lead (Provider)", "Technical Lead (Provider)", "IV&V Lead", "Contracting Officer", "Functional Lead (Provider)", "Change Manager (Customer)"}

// writeRACI fills the Packt RACI workbook layout (Step Id, Name, one column
// per role) with the Harbor roles and activities.
func writeRACI(template, out string, defects bool) error {
	const sheet = "RACI"
	cols := "ABCDEFGHIJKL"
	changes := []testdocs.CellChange{{Sheet: sheet, Cell: "A1", Value: "Step Id"}, {Sheet: sheet, Cell: "B1", Value: "Name"}}
	for j, r := range raciRoles {
		changes = append(changes, testdocs.CellChange{Sheet: sheet, Cell: string(cols[j+2]) + "1", Value: r})
	}
	for i, a := range raciActivities {
		row := strconv.Itoa(i + 2)
		changes = append(changes,
			testdocs.CellChange{Sheet: sheet, Cell: "A" + row, Value: a.id},
			testdocs.CellChange{Sheet: sheet, Cell: "B" + row, Value: a.name})
		codes := a.codes
		if defects && a.id == defectActivity {
			// The deliberate defect (RACI-001): the Executive Sponsor also
			// holds A for go-live readiness.
			codes = append([]string{"A"}, codes[1:]...)
		}
		for j, c := range codes {
			changes = append(changes, testdocs.CellChange{Sheet: sheet, Cell: string(cols[j+2]) + row, Value: strings.TrimSpace(c)})
		}
	}
	// The sign-off sheet: the RACI is agreed by both parties (M3 KT 3.1
	// activities 3 and 4) and approved by the sponsor.
	for i, row := range [][]string{
		{"Name", "Title", "Role", "Signature", "Date"},
		signed(sponsorName, sponsorTitle, "Executive Sponsor", raciApproved),
		signed(pmName, pmTitle, "Program Manager", raciApproved),
		signed(pmoLeadName, pmoLeadTitle, "Provider Program Manager", raciApproved),
	} {
		for j, v := range row {
			changes = append(changes, testdocs.CellChange{Sheet: "Approvals", Cell: string(cols[j]) + strconv.Itoa(i+1), Value: v})
		}
	}
	changes = append(changes, revisionSheet(
		[]string{"1.0", longDate(day(2026, time.August, 7)), pmName, "Roles agreed with the FPSSC PMO in key task 3.1."},
		[]string{"1.1", longDate(raciApproved), pmName, "Signed by both parties."},
	)...)
	return testdocs.CopyXlsxWithCells(template, out, changes...)
}

// raciApproved is the date both parties signed the RACI.
var raciApproved = day(2026, time.August, 14)
