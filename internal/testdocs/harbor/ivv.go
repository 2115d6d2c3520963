package harbor

import (
	"time"

	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

// ivvDoc is the IV&V Plan written by the independent IV&V contractor on the
// IEEE 1012 plan outline, reviewed with the provider in M3 key task 3.1.
func ivvDoc() testdocs.Doc {
	date := ivvApproved
	section := func(heading string, text ...string) []testdocs.Block {
		out := blocks(testdocs.Heading(1, heading))
		for _, t := range text {
			out = append(out, testdocs.Para(t))
		}
		return out
	}
	b := join(
		cover("Independent Verification and Validation (IV&V) Plan", date),
		history(
			[]string{"1.0", longDate(day(2026, time.August, 10)), ivvLeadName, "Initial plan for review with DMA and FPSSC."},
			[]string{"1.1", longDate(day(2026, time.August, 26)), ivvLeadName, "Aligned the master schedule with the baselined IMS."},
			[]string{"1.2", longDate(date), ivvLeadName, "Final; approved by the Executive Sponsor."},
		),
		section("Purpose", "This plan defines the independent verification and validation of the Harbor Payroll Modernization program by Meridian Assurance Group. IV&V gives the Executive Sponsor an objective view of whether the migration to FPSSC will deliver accurate payroll on the planned date, by assessing program management, requirements, data conversion, interfaces, testing and go-live readiness from Phase 3 through the first six pay periods after go-live."),
		section("Referenced Documents"),
		testdocs.Bullets(
			"IEEE Std 1012-2016, Standard for System, Software, and Hardware Verification and Validation.",
			"Harbor Payroll Modernization Program Charter, Version 1.2.",
			"Harbor Payroll Modernization Program Management Plan, Version 1.2.",
			"GSA Modernization and Migration Management (M3) Playbook.",
			"Interagency Agreement DMA-FPSSC-2026-014 and IV&V task order 47QTCA26F0031.",
		),
		section("Definitions"),
		testdocs.Bullets(
			"IV&V: verification and validation performed by an organization that is technically, managerially and financially independent of the developer.",
			"Integrity level: a rating from 1 to 4 of how critical a component is to payroll accuracy, security and legal compliance.",
			"Finding: a documented observation that a product or process does not meet a requirement, with a recommended action.",
		),
		section("IV&V Overview and Organization",
			"Meridian Assurance Group is independent of both DMA's delivery team and FPSSC. Technical independence: IV&V staff did not write any requirement, design, mapping or test under review and use their own tools and test data. Managerial independence: the IV&V Lead reports directly to the Executive Sponsor, not to the Program Manager, and findings cannot be changed or withheld by the program. Financial independence: the IV&V task order is funded and administered separately from the provider agreement, by the Contracting Officer.",
			"The IV&V Lead presents findings to the Executive Sponsor monthly and attends the Executive Steering Committee as a non-voting member."),
		section("Master Schedule", "IV&V activities follow the baselined IMS: program management assessment in September 2026; requirements and fit-gap verification in October 2026; mock conversion assessments after each of the three mock conversions (November 2026, January 2027 and March 2027); test witnessing during system and parallel testing from March to May 2027; the go-live readiness assessment two weeks before go-live on "+longDate(day(2027, time.June, 25))+"; and post-go-live validation for six pay periods."),
		section("Integrity Level Scheme", "Each component is assigned an integrity level from 1 (low) to 4 (high) based on the consequence of failure for payroll accuracy, security and legal compliance. Gross-to-net calculation, tax reporting and the financial interface are level 4; time-and-attendance capture and pay history conversion are level 3; reports are level 2; training materials are level 1. Levels 3 and 4 receive every IV&V task; levels 1 and 2 receive sampling reviews."),
		section("Resources", "The IV&V team has four staff: the IV&V Lead, a payroll subject-matter expert, a data conversion analyst and a test engineer, with a part-time security analyst during security reviews. Tools are licensed by Meridian under the task order. DMA provides read-only access to the requirements repository, the IMS, test results and conversion reconciliation reports."),
		section("Roles and Responsibilities", "The IV&V Lead plans and directs IV&V work, approves findings and reports to the Executive Sponsor. The payroll SME verifies requirements and pay rules; the data analyst independently reconciles mock conversion results; the test engineer reviews test plans and witnesses tests. The Program Manager provides access and responds to findings within ten working days; the FPSSC PMO Lead does the same for provider work products."),
		section("Tools, Techniques, and Methods", "IV&V uses document inspection with checklists derived from the M3 Playbook and IEEE 1012, independent data reconciliation with SQL scripts run against extracts of the legacy and FPSSC systems, requirements traceability analysis, test witnessing, and schedule analysis of the IMS using DCMA 14-point checks. Sampling plans for level 1 and 2 components are documented in each assessment report."),
		section("IV&V Tasks"),
		testdocs.Bullets(
			"Assess program management: PMP, IMS, risk management and governance (September 2026).",
			"Verify requirements and the fit-gap analysis against DMA pay rules.",
			"Independently reconcile each mock conversion and report variances.",
			"Review interface specifications and witness interface tests.",
			"Review test plans, witness system and parallel payroll tests, and verify defect closure.",
			"Perform the go-live readiness assessment and post-go-live validation.",
		),
		section("Deliverables Under Review", "IV&V reviews these program deliverables; each review is a task in the IMS."),
		testdocs.Bullets(
			"Program Management Plan – assessed before its approval.",
			"Requirements Fit-Gap Analysis – verified against DMA pay rules.",
			"Migration Approach – reviewed for conversion and cutover risk.",
			"Training Plan – reviewed for coverage of the new pay processes.",
			"Mock Conversions – each result independently reconciled.",
			"Go-Live Readiness Assessment – independent readiness opinion.",
			"Cutover Plan – reviewed before the go/no-go decision.",
		),
		section("Reporting", "IV&V delivers a monthly status report and findings log to the Executive Sponsor and the Program Manager, an assessment report after each IV&V task, and an immediate written notice to the Executive Sponsor within two working days of any finding rated critical. Findings are tracked in the IV&V findings log with severity, owner, due date and status, and are reviewed monthly with the program until closed."),
		section("Administrative Requirements", "Anomalies found by IV&V are recorded as findings and resolved through the program's issue process; the IV&V Lead verifies each resolution before closing the finding. Tasks are repeated when a baseline under review changes materially. Deviations from this plan require the Executive Sponsor's approval and are recorded in the document history."),
		section("Test Documentation", "IV&V reviews the program's test plans, test cases, test data and test reports for system, interface, parallel payroll and user acceptance testing, and produces its own witness reports and reconciliation workpapers, retained for three years after go-live."),
		approvalsTable("The signatories approve this IV&V Plan.",
			signed(sponsorName, sponsorTitle, "Executive Sponsor", ivvApproved),
			signed(ivvLeadName, ivvLeadTitle, "IV&V Lead", day(2026, time.August, 26)),
		),
	)
	return wordDoc("IV&V Plan", date, b)
}
