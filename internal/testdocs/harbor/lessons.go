package harbor

import (
	"time"

	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

// LessonsReport is the Harbor phase 3 lessons-learned report in the shape
// of the GSA M3 Lessons Learned Report template: the project overview
// block (label, value), the Knowledge Area | Start | Stop | Continue grid
// and the recommendations with their implementation plan and owner.
// Fixtures change one value and write it with WriteLessonsLearned.
type LessonsReport struct {
	Overview        [][2]string
	Lessons         [][4]string // knowledge area, start, stop, continue
	Recommendations [][4]string // recommendation, implementation plan, owner, target date
}

var llDate = day(2026, time.November, 6)

// knowledgeAreas are the M3 template's rows, in its order.
var knowledgeAreas = []string{
	"Scope", "Schedule", "Leadership and Management", "Budget", "Stakeholder Management",
	"Change Management and Communications", "Risk Management", "Resources", "Governance",
	"Project Management", "Working Sessions", "Logistics", "Design, Development, Data Management",
	"Testing", "Training", "Business Process Design", "Post-Implementation Support", "Other",
}

// Lessons returns the compliant report.
func Lessons() LessonsReport {
	filled := map[string][3]string{
		"Scope": {"Trace every configuration change to an RTM requirement before the CCB meets.",
			"Accepting fit-gap items by e-mail without a change request.",
			"Weekly fit-gap reviews with FPSSC functional leads."},
		"Schedule": {"Hold two weeks of float before each mock conversion.",
			"Planning mock conversions back to back with no reconciliation time.",
			"Updating the IMS every Friday with actual dates from both PMOs."},
		"Risk Management": {"Review the top five RAID risks at the start of every steering committee.",
			"Closing risks without recording the closure criteria that were met.",
			"Owning each risk by a named person, not an organization."},
		"Design, Development, Data Management": {"Profile legacy pay codes before the first mapping workshop.",
			"Hand-editing conversion files outside the controlled extract scripts.",
			"Reconciling every mock conversion to the cent per employee."},
		"Testing": {"Include vessel-crew pay scenarios in the first system test cycle.", "",
			"Independent IV&V review of test results before each test exit."},
	}
	var lessons [][4]string
	for _, ka := range knowledgeAreas {
		f := filled[ka]
		lessons = append(lessons, [4]string{ka, f[0], f[1], f[2]})
	}
	return LessonsReport{
		Overview: [][2]string{
			{"Date", llDate.Format("01/02/06")},
			{"Project Name", programName},
			{"Customer Agency Name (include point of contact)", agency + ": " + pmName + ", Program Manager, marcus.chen@dma.gov"},
			{"Provider Agency Name (include point of contact)", provider + ": " + pmoLeadName + ", PMO Lead, teresa.wallace@fpssc.gov"},
			{"Submitted By", pmName + " and " + pmoLeadName},
			{"Project Description", "Migration of DMA's civilian and vessel-crew payroll (4,800 employees) from the legacy mainframe to the FPSSC shared service; this report closes M3 Phase 3 (Engagement)."},
		},
		Lessons: lessons,
		Recommendations: [][4]string{
			{"Budget the shift-differential style gaps early: raise a change request as soon as a fit-gap item needs configuration.",
				"Add a CR checkpoint to the weekly fit-gap review agenda.", pmName, longDate(day(2026, time.November, 20))},
			{"Give IV&V read access to the conversion reconciliation reports.",
				"FPSSC grants access to the reconciliation share before Mock Conversion 3.", pmoLeadName, longDate(day(2026, time.December, 4))},
		},
	}
}

// WriteLessonsLearned writes r on the GSA M3 Word template package (the
// styles of the M3 Governance Plan template, like the other Harbor
// documents), approved by both program managers as the M3 template asks.
func WriteLessonsLearned(corpus, out string, r LessonsReport) error {
	form := [][]string{{"Project Overview"}}
	for _, kv := range r.Overview {
		form = append(form, []string{kv[0], kv[1]})
	}
	form = append(form, []string{"Lessons Learned"}, []string{"Knowledge Area", "Start", "Stop", "Continue"})
	for _, l := range r.Lessons {
		form = append(form, l[:])
	}
	var recs [][]string
	for _, rec := range r.Recommendations {
		recs = append(recs, rec[:])
	}
	b := join(
		cover("Lessons Learned Report", llDate),
		history(
			[]string{"1.0", longDate(day(2026, time.November, 2)), pmName, "Draft from the Phase 3 lessons-learned session of October 29, 2026."},
			[]string{version, longDate(llDate), pmName, "Final; approved by both program managers."},
		),
		blocks(
			testdocs.Heading(1, "Lessons Learned"),
			testdocs.Para("Lessons recorded at the close of M3 Phase 3 (Engagement) by the DMA and FPSSC program offices."),
			testdocs.FormTable(form...),
			testdocs.Heading(1, "Recommendations and Follow-up Actions"),
			testdocs.Para("Each recommendation has an owner and a plan; the PMO tracks them in the RAID log until closed."),
			testdocs.Table([]string{"Recommendation", "Implementation Plan", "Owner", "Target Date"}, recs...),
		),
		approvalsTable("The customer and provider program managers approve this report.",
			signed(pmName, pmTitle, "Customer Program Manager", llDate),
			signed(pmoLeadName, pmoLeadTitle, "Provider Program Manager", llDate),
		),
	)
	return writeWord(corpus+"/gsa/M3-Playbook-Governance-Plan-Template.docx", out, wordDoc("Lessons Learned Report", llDate, b))
}
