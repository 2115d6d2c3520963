package harbor

import (
	"time"

	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

// pmpDoc is the Program Management Plan agreed with the provider in M3 key
// task 3.1 and approved at the end of Phase 3: every subsidiary plan of
// MODEL.md §4.10 is an inline section with real content.
func pmpDoc() testdocs.Doc {
	date := pmpApproved
	plan := func(heading, text string) []testdocs.Block {
		return blocks(testdocs.Heading(2, heading), testdocs.Para(text))
	}
	b := join(
		cover("Program Management Plan", date),
		history(
			[]string{"1.0", longDate(day(2026, time.July, 17)), pmName, "Draft agreed with the FPSSC PMO in key task 3.1."},
			[]string{"1.1", longDate(day(2026, time.August, 7)), pmName, "Added issue escalation timeframes and QASP references."},
			[]string{"1.2", longDate(date), pmName, "Baselined for Phase 4; approved by the Executive Sponsor."},
		),
		blocks(
			testdocs.Heading(1, "Introduction"),
			testdocs.Para("This plan states how DMA and FPSSC will manage the Harbor Payroll Modernization program from Phase 3 engagement through Phase 5 operations. It implements the Program Charter approved on "+longDate(charterApproved)+" and is the baseline against which the Integrated Master Schedule, budget and scope are controlled."),
			testdocs.Heading(1, "Subsidiary Management Plans"),
		),
		plan("Scope Management Plan", "The scope baseline is the charter scope statement, the FPSSC service catalog selections and the fit-gap results from key task 3.7. Requirements are kept in the requirements traceability matrix owned by the business analyst lead. Any requirement added after the fit-gap baseline is a change request reviewed by the Change Control Board. Scope verification happens at deliverable acceptance, where the Program Manager confirms each deliverable against its acceptance criteria before payment is authorized."),
		plan("Schedule Management Plan", "The Integrated Master Schedule follows the M3 phase and key-task structure and is maintained in Microsoft Project by the customer PMO scheduler. The schedule was baselined on "+longDate(pmpApproved)+". Task owners report progress every Friday; the scheduler updates actual dates and percent complete, and publishes the IMS with a status date each Monday. Slips of a summary milestone by more than ten working days require a change request and Steering Committee decision."),
		plan("Cost Management Plan", "The cost baseline is the $14.6M program budget by fiscal year and work stream. The budget analyst records obligations and expenditures from the core financial system weekly and reports cost performance monthly using earned value on the provider task order. A cost variance beyond 5% on any work stream is reported to the Program Manager; beyond 10% it is escalated to the Executive Steering Committee with a corrective action plan. Management reserve use requires the Executive Sponsor's approval."),
		plan("Quality Management Plan", "The Quality Manager runs quality assurance independent of delivery. Every deliverable passes a peer review and a QA checklist review before submission, and provider deliverables are measured against the Quality Assurance Surveillance Plan performance standards. The QA team audits two program processes per month, records findings in the QA log and tracks corrective actions to closure. Quality metrics, including defect density in testing and conversion reconciliation rates, are reported monthly to the Program Manager and the IV&V Lead."),
		plan("Staff Management Plan", "Staffing follows the M3 Resource Management Plan. The customer PMO has 12 federal positions and 6 contractor positions; each role has a named backup. New staff complete program onboarding within five working days, including security training and access requests. The Program Manager reviews staffing gaps every month, and vacancies lasting more than 30 days are raised as risks. Knowledge transfer from the two mainframe programmers is scheduled and tracked as IMS tasks to reduce attrition risk."),
		plan("Communications Management Plan", "Communications follow the Harbor Communications Plan. Weekly status reports go to the PMO and work-stream leads; a monthly dashboard goes to the Executive Steering Committee; quarterly all-hands briefings and intranet updates inform employees; labor-relations briefings precede every change that affects working conditions. The change management lead owns the calendar of messages, and each message has a named sender, audience, channel and approval step. Feedback from employee surveys is reviewed monthly and adjusts the plan."),
		plan("Risk Management Plan", "Risks and issues are recorded in the program RAID log using the M3 Risk Management Plan scales of probability and impact from one to five. Any team member may raise a risk; the risk manager reviews new entries weekly with the owner and assigns a response. The Risk Review Board meets every two weeks, reviews all risks scored 12 or higher, and escalates risks scored 20 or higher to the Executive Steering Committee. Provider risks are shared in a joint log reviewed at the monthly program review."),
		plan("Procurement Management Plan", "DMA acquires migration services from FPSSC through an interagency agreement and IV&V services through a competitively awarded task order under the GSA MAS contract. The Contracting Officer maintains the acquisition strategy approved in Phase 1. Any additional purchase, such as data-cleansing tools or surge support, is requested by the Program Manager with a cost estimate, reviewed by the budget analyst, and competed or justified under the FAR before award. Procurement lead times are carried as IMS tasks."),
		plan("Contract Management Plan", "The Contract Manager (COR) administers the interagency agreement and the IV&V task order. She tracks each contract deliverable against its due date, reviews invoices against accepted deliverables and hours within ten working days, and records provider performance monthly against the QASP. Amendments, modifications and option exercises are prepared by the COR and signed only by the Contracting Officer. Disputes that the COR cannot resolve are escalated to the Contracting Officer and then to the Steering Committee."),
		plan("Governance Plan", "Governance follows the M3 governance structure agreed in key task 3.2. The Executive Steering Committee, chaired by the Executive Sponsor with the CIO, CHCO and FPSSC Director, meets monthly and decides scope, budget and milestone changes. The joint Program Management Review, chaired by the Program Manager and the FPSSC PMO Lead, meets every two weeks and decides operational matters within delegated limits. Decisions are recorded in the decision log with date, owner and rationale."),
		blocks(
			testdocs.Heading(3, "Issue Escalation and Resolution Process"),
			testdocs.Para("Issues are raised in the RAID log and resolved at the lowest tier able to decide them. Each tier has a time limit; when it passes without resolution the issue moves up automatically."),
			testdocs.Table([]string{"Tier", "Decision body", "Criteria", "Timeframe"},
				[]string{"1", "Work-stream leads", "Issue affects one work stream; no milestone or cost impact", "Resolve within 5 working days"},
				[]string{"2", "Program Manager and FPSSC PMO Lead", "Cross-work-stream impact, or cost impact up to $250,000", "Resolve within 10 working days"},
				[]string{"3", "Executive Steering Committee", "Summary milestone, scope or budget impact above $250,000", "Decide at the next monthly meeting or an ad hoc session within 15 working days"},
			),
		),
		plan("Configuration Management Plan", "Controlled items are program documents, interface specifications, conversion mappings, provider configuration workbooks and test scripts. Documents are version-controlled in the program SharePoint library with check-in comments; technical artifacts are held in the provider's Git repository with tagged baselines for each mock conversion and for go-live. The configuration manager records every baseline in the configuration status log and audits it before each test cycle. Nothing enters production without a baseline identifier and an approved change record."),
		plan("Change Control Plan", "Any change to the approved scope, schedule baseline, budget or configuration baseline starts as a change request on the M3 change request form. The Program Manager's analyst completes an impact analysis of cost, schedule, risk and provider effort within ten working days. The Change Control Board, chaired by the Program Manager with the FPSSC PMO Lead, Quality Manager and COR, approves changes within delegated limits; larger changes go to the Steering Committee. Approved changes update the baselines and the IMS."),
		blocks(
			testdocs.Heading(1, "Roles and Responsibilities"),
			testdocs.Table([]string{"Role", "Name", "Responsibilities"},
				[]string{"Executive Sponsor", sponsorName, "Owns the business case, chairs the Steering Committee, approves this plan and phase exits."},
				[]string{"Program Manager", pmName, "Leads the customer PMO, manages the IMS, budget, risks and change control, accepts deliverables."},
				[]string{"Quality Manager", qmName, "Runs quality assurance and QASP surveillance independently of delivery."},
				[]string{"Contract Manager", contractMgr, "Tracks contract deliverables, reviews invoices, prepares modifications for the Contracting Officer."},
				[]string{"PMO Lead (Provider)", pmoLeadName, "Leads the FPSSC migration team and its schedule, risks and deliverables."},
			),
			testdocs.Heading(1, "Program Execution Processes"),
			testdocs.Heading(2, "Status Meetings"),
			testdocs.Para("The PMO holds a weekly status meeting every Tuesday with work-stream leads and the FPSSC PMO; a joint program review every two weeks; and a monthly Steering Committee meeting. Minutes and action items are published within two working days."),
			testdocs.Heading(2, "Quality Assurance"),
			testdocs.Para("Quality assurance reviews follow the Quality Management Plan above: peer review, QA checklist review and monthly process audits, with findings tracked to closure in the QA log."),
			testdocs.Heading(2, "Deliverable Acceptance"),
			testdocs.Para("Provider deliverables are reviewed against their acceptance criteria within ten working days. The Program Manager accepts or rejects each deliverable in writing on the Contract Manager's recommendation, and rejected deliverables return with a list of deficiencies."),
			testdocs.Heading(2, "Lessons Learned"),
			testdocs.Para("Lessons learned are collected at the end of every phase and after each mock conversion using the M3 lessons learned form, reviewed at the next program review, and shared with FPSSC for future migrations."),
		),
		approvalsTable("The signatories approve this Program Management Plan as the baseline for Phase 4 execution.",
			signed(sponsorName, sponsorTitle, "Executive Sponsor", pmpApproved),
			signed(pmName, pmTitle, "Program Manager", day(2026, time.August, 21)),
			signed(pmoLeadName, pmoLeadTitle, "Provider PMO Lead", day(2026, time.August, 21)),
		),
	)
	return wordDoc("Program Management Plan", date, b)
}
