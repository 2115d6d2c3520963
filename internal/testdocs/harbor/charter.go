package harbor

import (
	"time"

	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

// charterDoc is the Program Charter as the customer PMO would fill it after
// M3 Phase 1 key task 1.2, with the sponsor's signature.
func charterDoc() testdocs.Doc {
	date := charterApproved
	b := join(
		cover("Program Charter", date),
		history(
			[]string{"1.0", longDate(day(2026, time.January, 9)), pmName, "Initial charter for Investment Review Board review."},
			[]string{"1.1", longDate(day(2026, time.February, 3)), pmName, "Incorporated IRB comments on budget and scope exclusions."},
			[]string{"1.2", longDate(date), pmName, "Final for Executive Sponsor signature."},
		),
		blocks(
			testdocs.Heading(1, "Purpose"),
			testdocs.Para(PurposeText),
			testdocs.Heading(1, "Objectives"),
		),
		testdocs.Bullets(
			"Migrate 100% of DMA employees (18,400) to FPSSC payroll processing by June 25, 2027.",
			"Reduce payroll operating cost by 22% ($3.1M per year) from the FY2025 baseline by the end of FY2028.",
			"Cut manual pay adjustments from 1,150 to fewer than 200 per pay period within three pay periods of go-live.",
			"Decommission the legacy payroll mainframe and its interfaces by December 17, 2027.",
		),
		blocks(testdocs.Heading(1, "Success Criteria")),
		testdocs.Bullets(
			"Three consecutive parallel payroll runs reconcile to the legacy system within $0.01 per employee before go-live.",
			"Payroll accuracy of 99.8% or better for the first six pay periods after go-live.",
			"No Authority to Operate findings rated high open at go-live.",
			"Employee help-desk tickets about pay return to the pre-migration average within 90 days.",
		),
		blocks(
			testdocs.Heading(1, "Scope"),
			testdocs.Para("The program covers the people, process, data and technology work needed to move payroll and time-and-attendance services from DMA to FPSSC."),
			testdocs.Heading(2, "In Scope"),
		),
		testdocs.Bullets(
			"Payroll calculation, disbursement and tax reporting for all DMA civilian employees.",
			"Time-and-attendance capture, including maritime shift differentials and hazardous-duty pay.",
			"Conversion of 7 years of pay history and 18,400 employee master records.",
			"Interfaces to the DMA core financial system and the HR system of record.",
			"Organizational change management, training and labor-relations engagement.",
		),
		blocks(testdocs.Heading(2, "Out of Scope")),
		testdocs.Bullets(
			"Core HR and personnel-action processing (a separate FY2028 migration).",
			"Uniformed Coast Pilot Corps pay, which remains with the Department of the Navy.",
		),
		blocks(testdocs.Heading(1, "High-Level Requirements")),
		testdocs.Bullets(
			"Pay every DMA employee accurately and on time each biweekly pay period, including maritime shift differentials and hazardous-duty pay.",
			"Exchange payroll results with the DMA core financial system and the HR system of record through supported interfaces.",
			"Keep seven years of pay history available for inquiry, audit and garnishment processing.",
			"Meet FISMA moderate security controls and Privacy Act requirements for personnel data.",
		),
		blocks(testdocs.Heading(1, "Deliverables")),
		testdocs.Bullets(
			"Program Management Plan and Integrated Master Schedule.",
			"Independent Verification and Validation (IV&V) Plan and monthly IV&V reports.",
			"Data conversion plan, three mock conversion reports and the final conversion report.",
			"Interface specifications and test reports for the financial and HR interfaces.",
			"Training materials, go-live readiness assessment and cutover plan.",
			"Legacy decommission plan and closure report.",
		),
		blocks(
			testdocs.Heading(1, "Summary Milestone Schedule"),
			testdocs.Table([]string{"Milestone", "Target Date"}, milestoneRows()...),
			testdocs.Heading(1, "Budget"),
			testdocs.Para("The approved budget is $14.6M over FY2026–FY2028: $9.2M for provider migration services, $2.1M for IV&V, $1.9M for data conversion and interfaces, and $1.4M management reserve. Funds come from the DMA Working Capital Fund (IRB decision 2026-03)."),
			testdocs.Heading(1, "Stakeholders"),
			testdocs.Table([]string{"Name", "Role", "Organization"},
				[]string{sponsorName, "Executive Sponsor", "DMA Office of the CFO"},
				[]string{pmName, "Program Manager (Customer)", "DMA Office of the CFO"},
				[]string{pmoLeadName, "PMO Lead (Provider)", "FPSSC"},
				[]string{cioName, "Chief Information Officer", "DMA Office of the CIO"},
				[]string{coName, "Contracting Officer", "DMA Office of Acquisition"},
				[]string{ivvLeadName, "IV&V Lead", "Meridian Assurance Group"},
				[]string{"Local 1124 leadership", "Labor union representatives", "National Federation of Maritime Employees"},
			),
			testdocs.Heading(1, "Assumptions and Constraints"),
		),
		testdocs.Bullets(
			"Assumption: FPSSC onboarding capacity for DMA is reserved for the March–June 2027 window.",
			"Assumption: HR system of record data quality reaches 98% before Mock Conversion 1.",
			"Constraint: the legacy maintenance contract ends September 30, 2027; go-live cannot slip past July 2027.",
			"Constraint: no payroll cutover during the last two pay periods of the calendar year.",
		),
		blocks(testdocs.Heading(1, "Risks")),
		testdocs.Bullets(
			"Legacy pay-history data may not map cleanly to FPSSC codes, delaying mock conversions.",
			"Shift-differential rules may need provider configuration changes beyond the standard offering.",
			"Loss of the two remaining mainframe programmers before go-live.",
		),
		blocks(
			testdocs.Heading(1, "Program Manager"),
			testdocs.Para(pmName+" is the Program Manager. He has authority to direct the customer PMO staff of 12, approve expenditures up to $250,000 within the approved budget, accept provider deliverables on the Contracting Officer's advice, and approve schedule changes that do not move a summary milestone. Changes to scope, budget above $250,000 or summary milestones are escalated to the Executive Steering Committee."),
			testdocs.Heading(1, "Executive Sponsor"),
			testdocs.Para(sponsorName+", "+sponsorTitle+", is the Executive Sponsor. She chairs the Executive Steering Committee, owns the business case, and approves the charter, the Program Management Plan and phase exits."),
			testdocs.Heading(1, "Approval Requirements"),
			testdocs.Para("Each phase exit is approved by the Executive Steering Committee on the Program Manager's recommendation, after the IV&V Lead's readiness assessment. Go-live requires the signed readiness assessment and the Executive Sponsor's written approval."),
			testdocs.Heading(1, "Exit Criteria"),
			testdocs.Para("The program closes when all DMA employees have been paid by FPSSC for six consecutive pay periods at 99.8% accuracy, the legacy system is decommissioned, and the Executive Sponsor signs the closure report."),
		),
		approvalsTable("By signing below, the Executive Sponsor charters the program and delegates the authority stated above to the Program Manager.",
			signed(sponsorName, sponsorTitle, "Executive Sponsor", charterApproved),
			signed(cioName, cioTitle, "Chief Information Officer", day(2026, time.February, 13)),
			signed(pmName, pmTitle, "Program Manager", day(2026, time.February, 12)),
		),
	)
	return wordDoc("Program Charter", date, b)
}

// PurposeText is the charter's purpose paragraph (tests shorten it to seed
// CHARTER-001).
const PurposeText = "DMA pays 18,400 civilian mariners, port inspectors and headquarters staff through an in-house payroll system built in 1998. The system runs on an unsupported mainframe, needs 41 manual workarounds every pay period, and failed two of the last three annual security assessments. Its sole maintenance contract expires on September 30, 2027 and cannot be extended. OMB M-19-16 directs agencies to use shared-service providers for payroll. This program moves DMA payroll and time-and-attendance to the Federal Payroll Shared Service Center under the GSA M3 Playbook, retires the legacy system, and lets the Office of the CFO redirect staff from keeping the old system alive to serving employees."

// charterMilestones are the charter's summary milestones; the IMS carries
// each as a milestone row at the end of its phase (XDOC-004).
var charterMilestones = []struct {
	phase int
	name  string
	date  time.Time
}{
	{1, "Program Charter approved", charterApproved},
	{2, "Provider selected (Phase 2 exit)", day(2026, time.May, 29)},
	{3, "Program Management Plan approved", pmpApproved},
	{4, "Mock Conversion 3 complete", day(2027, time.March, 26)},
	{4, "Go-live on FPSSC payroll", day(2027, time.June, 25)},
	{5, "Legacy system decommissioned", day(2027, time.December, 17)},
}

func milestoneRows() [][]string {
	var rows [][]string
	for _, m := range charterMilestones {
		rows = append(rows, []string{m.name, longDate(m.date)})
	}
	return rows
}
