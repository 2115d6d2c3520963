package harbor

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

// The M3-complete Harbor program (Options.M3): the five example documents
// with the history an M3 tollgate review asks for (drafts in Readiness,
// updates in Selection and Engagement), the RMP and the RAID log, and one
// Markdown document for every other artifact the M3 playbook has the
// program produce by the end of Engagement — each dated in the phase the
// M3 tracker gives its version 1, revised in every phase the tracker marks
// it "Updated", approved where a phase exit criterion asks for approval —
// and a lessons-learned report after each ended phase. Phase windows are
// the IMS's (phaseStarts): 0 Assessment 2025-10-06..2026-01-02,
// 1 Readiness 2026-01-05..2026-04-03, 2 Selection 2026-04-06..2026-05-29,
// 3 Engagement 2026-06-01..2026-08-28, 4 Migration from 2026-08-31.

// M3Dates are the dates of the M3 history, so tests can seed a defect
// against the same day.
var M3Dates = struct {
	// PhaseDay is the day inside each phase window on which the Markdown
	// evidence documents are issued or revised.
	PhaseDay                            map[int]time.Time
	CharterEngagement                   time.Time // charter re-issued with the provider PMO (KT 3.1)
	PMPDraft, PMPSelection              time.Time
	IVVDraft, IVVSelection              time.Time
	IMSInitial, IMSSelection            time.Time
	RMPDraft, RMPApproved, RMPSelection time.Time
	RAIDOpened, Phase2Revision          time.Time
	Phase3Revision                      time.Time
	SteeringReview, GovernanceApproved  time.Time
	AgreementSigned, EngagementApproved time.Time
	LessonsLearned                      map[int]time.Time // report after each ended phase
}{
	PhaseDay: map[int]time.Time{
		0: day(2025, time.November, 14), 1: day(2026, time.February, 20),
		2: day(2026, time.May, 8), 3: day(2026, time.July, 17),
	},
	CharterEngagement:  day(2026, time.July, 16),
	PMPDraft:           day(2026, time.March, 20),
	PMPSelection:       day(2026, time.May, 15),
	IVVDraft:           day(2026, time.March, 27),
	IVVSelection:       day(2026, time.May, 22),
	IMSInitial:         day(2026, time.March, 13),
	IMSSelection:       day(2026, time.May, 8),
	RMPDraft:           day(2026, time.March, 16),
	RMPApproved:        day(2026, time.March, 27),
	RMPSelection:       day(2026, time.May, 11),
	RAIDOpened:         day(2026, time.March, 9),
	Phase2Revision:     day(2026, time.May, 8),
	Phase3Revision:     day(2026, time.July, 17),
	SteeringReview:     day(2025, time.December, 12),
	GovernanceApproved: day(2026, time.March, 20),
	AgreementSigned:    day(2026, time.May, 27),
	EngagementApproved: day(2026, time.August, 21),
	LessonsLearned: map[int]time.Time{
		0: day(2026, time.January, 16), 1: day(2026, time.April, 17),
		2: day(2026, time.June, 12), 3: day(2026, time.September, 11),
	},
}

// M3Doc is one Markdown evidence document of the M3-complete program.
type M3Doc struct {
	File  string
	Title string // the artifact's M3 name; the program name is appended
	Kind  string // front matter kind: the artifact's kind when tollgate has it, else generic
	// Issued is the version 1 date; Revised the later revisions (one per
	// phase the tracker marks the artifact "Updated" that has ended).
	Issued    time.Time
	Revised   []time.Time
	Approvals []M3Approval
	Summary   string
	// Body is extra Markdown after the summary (a QASP's performance
	// requirements table).
	Body string
}

// M3Approval is one front matter approval.
type M3Approval struct {
	Name, Title, Role string
	Date              time.Time
}

// evidence is a shorthand: a document issued in phase v and revised in
// each of the phases in updated.
func evidence(file, title, kind string, v int, updated []int, summary string) M3Doc {
	d := M3Doc{File: file, Title: title, Kind: kind, Issued: M3Dates.PhaseDay[v], Summary: summary}
	for _, p := range updated {
		d.Revised = append(d.Revised, M3Dates.PhaseDay[p])
	}
	return d
}

func (d M3Doc) approvedBy(a ...M3Approval) M3Doc {
	d.Approvals = append(slices.Clone(d.Approvals), a...)
	return d
}

func sponsorApproval(on time.Time) M3Approval {
	return M3Approval{sponsorName, sponsorTitle, "Executive Sponsor", on}
}

func bothPMs(on time.Time) []M3Approval {
	return []M3Approval{
		{pmName, pmTitle, "Customer Program Manager", on},
		{pmoLeadName, pmoLeadTitle, "Provider Program Manager", on},
	}
}

// M3Evidence are the Markdown evidence documents of the M3-complete
// program, in playbook order.
func M3Evidence() []M3Doc {
	return []M3Doc{
		// Phase 0 — Assessment (key tasks 0.1, 0.2).
		evidence("Vision-Statement.md", "Vision Statement", "generic", 0, nil, "Move DMA payroll and time-and-attendance to a federal shared service provider by mid-2027 and retire the 1998 mainframe."),
		evidence("In-Scope-Service-Areas.md", "In-scope Service Area(s) and Function(s)", "generic", 0, nil, "Payroll (FIBF PAY) and time-and-attendance functions for all DMA civilian employees; core HR stays out of scope."),
		evidence("Expected-Benefits.md", "Expected Benefits", "generic", 0, nil, "22% lower payroll operating cost from the FY2025 baseline, fewer manual pay adjustments, and no unsupported mainframe."),
		evidence("High-Level-Timelines.md", "High Level Timelines", "generic", 0, nil, "Readiness from January 2026, provider selected by May 2026, go-live in June 2027, legacy decommissioned in December 2027."),
		evidence("Project-Business-Case.md", "Project Business Case", "business_case", 0, []int{1}, "Business case for moving payroll to a shared service provider, reviewed by the Executive Steering Committee.").approvedBy(
			M3Approval{sponsorName, sponsorTitle, "Executive Steering Committee (Chair)", M3Dates.SteeringReview}),
		evidence("Investment-Readiness-Checklist.md", "Investment Readiness Checklist", "generic", 0, []int{1}, "Checklist of the investment readiness items for the DMA Investment Review Board."),
		// Phase 1 — Readiness.
		evidence("Business-Readiness-Assessment.md", "Business Readiness Assessment", "generic", 1, nil, "Readiness of DMA payroll operations, data and staff for a migration."),
		evidence("Status-Report.md", "Status Report", "status_report", 1, []int{2, 3}, "Monthly program status to the Executive Steering Committee."),
		evidence("Data-Governance-Model.md", "Data Governance Model", "generic", 1, nil, "Data owners and stewards for employee master and pay-history data."),
		evidence("Data-Cleansing-Plan.md", "Data Cleansing Plan", "generic", 1, []int{2, 3}, "Cleansing of the HR system of record and pay history before the mock conversions."),
		evidence("Target-State-CONOPS.md", "Target State Concept of Operations", "generic", 1, []int{3}, "How DMA runs payroll with FPSSC after go-live."),
		evidence("Requirements-Management-Plan.md", "Requirements Management Plan", "generic", 1, []int{3}, "How payroll requirements are elicited, baselined and traced."),
		evidence("Business-Needs-Workbook.md", "Business Needs Workbook", "generic", 1, []int{2}, "DMA payroll business needs, including maritime shift differentials."),
		evidence("Business-Capabilities.md", "Business Capabilities", "generic", 1, nil, "DMA payroll capabilities aligned with the FIBF payroll business capabilities."),
		evidence("Acquisition-Strategy.md", "Acquisition Strategy", "generic", 1, []int{2}, "Selection of a federal payroll shared service provider through an interagency agreement."),
		{
			File: "QASP.md", Title: "Quality Assurance Surveillance Plan (QASP)", Kind: "qasp",
			Issued: M3Dates.PhaseDay[1], Revised: []time.Time{M3Dates.PhaseDay[3]},
			Approvals: []M3Approval{{coName, coTitle, "Contracting Officer", M3Dates.EngagementApproved}},
			Summary:   "How DMA surveils the provider's migration and operations services against the agreement's performance standards.",
			Body: "## Performance Requirements Summary\n\n" +
				"| PWS Reference | Performance Objective | Performance Standard | AQL | Surveillance Method |\n" +
				"|---|---|---|---|---|\n" +
				"| 3.1 | Accurate pay | Net pay correct for every employee each pay period | 99.8% | 100% inspection of pay adjustments |\n" +
				"| 3.2 | Timely pay | Pay disbursed on the scheduled pay date | 100% | Periodic inspection of disbursement reports |\n" +
				"| 3.3 | Help-desk response | Pay tickets answered within one business day | 95% | Monthly sampling of tickets |\n",
		},
		evidence("Governance-Plan.md", "Governance Plan", "governance_plan", 1, []int{3}, "Executive Steering Committee, program review and change control board of the program.").approvedBy(
			sponsorApproval(M3Dates.GovernanceApproved)),
		evidence("Risk-Management-Plan.md", "Risk Management Plan", "risk_plan", 1, []int{2, 3}, "How program risks and issues are identified, scored, owned and reviewed weekly in the RAID log."),
		evidence("M3-Risk-Assessment-Tool.md", "M3 Risk Assessment Tool", "generic", 1, []int{2, 3}, "The M3 risk assessment of the migration, reviewed at each tollgate."),
		evidence("LCCE.md", "Life Cycle Cost Estimate (LCCE)", "cost_estimate", 1, []int{2}, "Life cycle cost of the migration and of FPSSC services through FY2032."),
		evidence("As-Is-Workforce-Documentation.md", "As-Is Workforce Documentation", "generic", 1, nil, "The 46 payroll and timekeeping staff positions of DMA today."),
		evidence("Change-Readiness-Assessment.md", "Change Readiness Assessment", "generic", 1, []int{2, 3}, "Readiness of payroll staff, timekeepers and employees for the change."),
		evidence("Change-Management-Plan.md", "Change Management Plan", "ocm_plan", 1, []int{2, 3}, "Organizational change management activities for the migration."),
		evidence("Workforce-Assessment.md", "Workforce Assessment", "generic", 1, []int{3}, "Skills and capacity of the DMA payroll workforce after migration."),
		evidence("Stakeholder-Analysis.md", "Stakeholder Analysis", "stakeholder_register", 1, nil, "Stakeholders of the program and how each is engaged."),
		evidence("Communications-Plan.md", "Communications Plan", "communications_plan", 1, []int{2, 3}, "Messages, audiences and channels for each phase."),
		evidence("As-Is-Systems-Environment.md", "As-Is Systems Environment", "generic", 1, []int{3}, "The legacy payroll mainframe, its interfaces and its data stores."),
		evidence("Target-State-Systems-Environment.md", "Target State Systems Environment", "generic", 1, []int{3}, "FPSSC payroll, its interfaces to the DMA core financial and HR systems."),
		evidence("Success-Metrics.md", "Baseline and Target Performance Success Metrics", "generic", 1, nil, "Baseline and target payroll accuracy, cost per W-2 and ticket volumes, aligned with the performance framework."),
		// Phase 2 — Selection.
		evidence("Cost-Estimates.md", "Cost Estimates", "generic", 2, nil, "Provider cost estimates compared for the selection."),
		evidence("Provider-Assessment-Report.md", "Provider Assessment Report", "generic", 2, nil, "Assessment of the shared service providers that answered DMA's request."),
		evidence("Provider-Agreement.md", "Provider Agreement", "generic", 2, nil, "Interagency agreement between DMA and FPSSC for migration and payroll services.").approvedBy(
			M3Approval{coName, coTitle, "Customer Agency Contracting Officer", M3Dates.AgreementSigned},
			M3Approval{"Rosa Delgado", "Director, FPSSC", "Provider Agency Official", M3Dates.AgreementSigned}),
		evidence("Data-Cleansing-Scripts.md", "Data Cleansing Scripts", "generic", 2, []int{3}, "Scripts that correct the data quality findings in the HR system of record."),
		evidence("Decommission-Plan.md", "Decommission Plan", "generic", 2, []int{3}, "Retirement of the legacy payroll mainframe and its interfaces."),
		evidence("BPR-Strategy.md", "Business Process Reengineering Strategy", "generic", 2, nil, "DMA payroll processes to adopt the FPSSC standard processes."),
		evidence("Validated-As-Is-Process-Maps.md", "Validated As-Is Process Maps", "generic", 2, nil, "As-is payroll and timekeeping process maps validated with the process owners."),
		// Phase 3 — Engagement.
		evidence("RTM.md", "Requirements Traceability Matrix (RTM)", "rtm", 3, nil, "Payroll requirements traced to the FPSSC solution and the test plan."),
		evidence("Fit-Gap-Analysis.md", "Requirements Fit-Gap Analysis", "generic", 3, nil, "Fit of DMA payroll requirements to the FPSSC standard solution."),
		evidence("Validated-As-Is-Systems-Environment.md", "Validated and Updated As-Is Systems Environment", "generic", 3, nil, "The legacy environment as validated with FPSSC."),
		evidence("Test-Plan.md", "Test Plan", "test_plan", 3, nil, "System, integration, parallel and user acceptance testing."),
		evidence("Configuration-Management-Plan.md", "Configuration Management Plan", "cm_plan", 3, nil, "Configuration items and change control of the migrated solution."),
		evidence("COOP-DR-Plan.md", "CooP and Disaster Recovery Plan", "generic", 3, nil, "Continuity of payroll operations during and after the migration."),
		evidence("Interface-Strategy.md", "Interface Strategy", "generic", 3, nil, "Interfaces to the DMA core financial system and the HR system of record."),
		evidence("Enhancement-Strategy.md", "Enhancement Strategy", "generic", 3, nil, "How enhancements beyond the FPSSC standard offering are requested."),
		evidence("Data-Structure-and-Mapping.md", "Documented Data Structure and Mapping", "generic", 3, nil, "Mapping of legacy pay codes and employee data to FPSSC."),
		evidence("Data-Conversion-Plan.md", "Data Conversion Plan", "generic", 3, nil, "Mock conversions and the final conversion of pay history."),
		evidence("Contact-Center-Strategy.md", "Contact Center Strategy", "generic", 3, nil, "Employee pay inquiries after go-live."),
		evidence("SLAs.md", "Service Level Agreements (SLAs)", "sla", 3, nil, "Service levels FPSSC commits to for payroll operations."),
		evidence("Change-Request-Log.md", "Change Request Log", "change_log", 3, nil, "Change requests of the program and their decisions."),
		evidence("Change-Request-Form.md", "Change Request Form", "change_request", 3, nil, "The form change requests are raised on."),
		evidence("Migration-Approach.md", "Migration Approach, including Technical Strategies", "generic", 3, nil, "Big-bang migration after three mock conversions and two parallel pay periods.").approvedBy(
			bothPMs(M3Dates.EngagementApproved)...),
		evidence("Go-No-Go-Criteria.md", "Go/No-Go Criteria for Go-Live", "go_no_go_criteria", 3, nil, "Criteria the go-live decision is taken against: mock conversion reconciliation, parallel pay results, open defects.").approvedBy(
			append([]M3Approval{sponsorApproval(M3Dates.EngagementApproved)}, bothPMs(M3Dates.EngagementApproved)...)...),
		evidence("Training-Plan.md", "Training Plan", "generic", 3, nil, "Training of payroll staff and timekeepers on the FPSSC system."),
		// Lessons learned after each ended phase.
		lessons(0, "Assessment"), lessons(1, "Readiness"), lessons(2, "Selection"), lessons(3, "Engagement"),
	}
}

// LessonsFile is the file name of the lessons-learned report of a phase.
func LessonsFile(phase int) string { return fmt.Sprintf("Lessons-Learned-Phase-%d.md", phase) }

func lessons(phase int, name string) M3Doc {
	return M3Doc{
		File: LessonsFile(phase), Title: fmt.Sprintf("Lessons Learned Report – Phase %d %s", phase, name), Kind: "lessons_learned",
		Issued:  M3Dates.LessonsLearned[phase],
		Summary: fmt.Sprintf("What went well and what to change, from the lessons-learned session held after phase %d (%s).", phase, name),
	}
}

// WriteM3Doc writes d as Markdown with YAML front matter and a revision
// history table.
func WriteM3Doc(path string, d M3Doc) error {
	var b strings.Builder
	iso := func(t time.Time) string { return t.Format("2006-01-02") }
	fmt.Fprintf(&b, "---\ntitle: %q\nkind: %s\nprogram: %s\nversion: \"1.%d\"\ndate: %s\n", d.Title+" – "+programName, d.Kind, programName, len(d.Revised), iso(d.Issued))
	if len(d.Approvals) > 0 {
		b.WriteString("approvals:\n")
		for _, a := range d.Approvals {
			fmt.Fprintf(&b, "  - name: %q\n    title: %q\n    role: %q\n    date: %s\n    signed: true\n", a.Name, a.Title, a.Role, iso(a.Date))
		}
	}
	fmt.Fprintf(&b, "---\n\n# %s\n\n%s\n\n", d.Title, d.Summary)
	if d.Body != "" {
		b.WriteString(d.Body + "\n")
	}
	b.WriteString("## Revision History\n\n| Version | Date | Author | Description |\n|---|---|---|---|\n")
	fmt.Fprintf(&b, "| 1.0 | %s | %s | Version 1. |\n", iso(d.Issued), pmName)
	for i, r := range d.Revised {
		fmt.Fprintf(&b, "| 1.%d | %s | %s | Reviewed and updated for the phase. |\n", i+1, iso(r), pmName)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// M3Files are the files the M3-complete program adds to Files.
func M3Files() []string {
	out := []string{RMPFile, RAIDFile}
	for _, d := range M3Evidence() {
		out = append(out, d.File)
	}
	return out
}

// The M3-complete program's RMP and RAID log.
const (
	RMPFile  = "Resource-Management-Plan.docx"
	RAIDFile = "RAID-Log.xlsx"
)

// withHistory adds rows to a Word document's Document History table, in
// date order before the rows it has.
func withHistory(d testdocs.Doc, rows ...[]string) testdocs.Doc {
	blocks := slices.Clone(d.Blocks)
	for i, b := range blocks {
		if b.Kind != testdocs.KindTable || len(b.Rows) == 0 || len(b.Rows[0]) == 0 || b.Rows[0][0] != "Release No." {
			continue
		}
		all := append(slices.Clone(b.Rows[1:]), rows...)
		slices.SortStableFunc(all, func(x, y []string) int {
			tx, _ := time.Parse("January 2, 2006", x[1])
			ty, _ := time.Parse("January 2, 2006", y[1])
			return tx.Compare(ty)
		})
		blocks[i].Rows = append([][]string{b.Rows[0]}, all...)
	}
	d.Blocks = blocks
	return d
}

// m3Word returns the charter, PMP and IV&V plan with their M3 histories.
func m3Word(name string, d testdocs.Doc) testdocs.Doc {
	switch name {
	case Files[0]:
		return withHistory(d, []string{"1.3", longDate(M3Dates.CharterEngagement), pmName, "Reviewed with the FPSSC PMO in key task 3.1: provider PMO added to the stakeholders; scope, budget and milestones unchanged."})
	case Files[1]:
		return withHistory(d,
			[]string{"0.1", longDate(M3Dates.PMPDraft), pmName, "Initial PMP from key task 1.2 (customer PMO)."},
			[]string{"0.2", longDate(M3Dates.PMPSelection), pmName, "Updated in Selection: acquisition and provider transition."})
	case Files[2]:
		return withHistory(d,
			[]string{"0.1", longDate(M3Dates.IVVDraft), ivvLeadName, "IV&V approach drafted in key task 1.2."},
			[]string{"0.2", longDate(M3Dates.IVVSelection), ivvLeadName, "Updated in Selection: provider evaluation reviews."})
	}
	return d
}

// writeM3Extras writes the M3-complete program's RMP, RAID log and
// Markdown evidence into out.
func writeM3Extras(corpus, out string) error {
	if err := writeRMP(corpus, filepath.Join(out, RMPFile), true); err != nil {
		return fmt.Errorf("%s: %w", RMPFile, err)
	}
	if err := writeRAID(corpus, filepath.Join(out, RAIDFile), true); err != nil {
		return fmt.Errorf("%s: %w", RAIDFile, err)
	}
	for _, d := range M3Evidence() {
		if err := WriteM3Doc(filepath.Join(out, d.File), d); err != nil {
			return err
		}
	}
	return nil
}
