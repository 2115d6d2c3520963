package harbor

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

// Change request CR-2026-014: the FPSSC configuration gains the maritime
// shift-differential pay rule the RAID log's "Shift-differential
// configuration" risk anticipated. Submitted by the PM, signed off by his
// first-line manager (the CIO), approved by the sponsor for the Change
// Control Board.
var (
	crSubmitted = day(2026, time.October, 5)
	crFLM       = day(2026, time.October, 7)
	crDecided   = day(2026, time.October, 14)
)

// CRFields are the Harbor change request's values by form label (the GSA
// M3 Change Request Form's label cells), exported so fixtures can seed one
// defect by writing the form with one value changed.
func CRFields() map[string]string {
	return map[string]string{
		"Program Name":                 programName,
		"Submitter Name":               pmName,
		"Email":                        "marcus.chen@dma.gov",
		"Date Submitted":               longDate(crSubmitted),
		"Date Required By":             longDate(day(2026, time.November, 30)),
		"FLM Approval Name":            cioName,
		"FLM Approval Date":            longDate(crFLM),
		"CR #":                         "CR-2026-014",
		"Type of Change":               "Change to Existing Requirement",
		"Associated RTM #":             "PAY-014-002, PAY-014-003",
		"Priority":                     "High",
		"Description of Change":        "Configure the FPSSC pay engine to compute the maritime shift differential (night and sea-duty premiums) for the 1,240 DMA vessel crew members.",
		"Reason for Change":            "The FPSSC standard offering computes only the General Schedule night differential; without the change 1,240 crew members would be underpaid from the first post-go-live pay period.",
		"Potential Application Impact": "Adds one earnings rule and two pay codes to the FPSSC configuration; the legacy-to-FPSSC pay-code crosswalk gains two rows.",
		"Assumptions and Comments":     "FPSSC confirmed on October 2, 2026 that the rule fits its configurable rules engine without code changes.",
		"Est. # of hours to Implement": "320",
		"Est. Cost Impact to Project":  "$48,000 (FPSSC configuration and regression test, funded from the program's management reserve)",
		"Est. Schedule Impact":         "None to go-live: system test extends by 5 working days within the 12 days of float before Mock Conversion 3.",
		"Overall Scope Impact":         "Refines requirements PAY-014-002 and PAY-014-003; no new interfaces, reports or conversions.",
		"Change Solution Description":  "FPSSC adds the differential as a configured earnings rule; DMA validates it with the Mock Conversion 2 crew pay histories.",
		"Board Decision":               "Approved",
		"Board Approver":               sponsorName,
		"Decision Date":                longDate(crDecided),
		"Decision Explanation":         "Approved: the change prevents underpayment at go-live and fits the management reserve and the schedule float.",
	}
}

// WriteChangeRequest fills the GSA M3 Change Request Form template with
// the Harbor change request: cover, the form's key/value tables and the
// Change Control Board block, and the management certification signed by
// the sponsor and the PM. fields are the form values (CRFields, possibly
// with one value changed by a fixture).
func WriteChangeRequest(corpus, out string, fields map[string]string) error {
	src := corpus + "/gsa/M3-Playbook-Change-Request-Form-Template.docx"
	// The form is filled into a temporary copy, then the footer date is set
	// while copying it to out; the copy must not stay next to out, where it
	// would be read as a second change request.
	tmp := out + ".form.tmp"
	defer os.Remove(tmp)
	err := testdocs.RewritePart(src, tmp, "word/document.xml", func(b []byte) ([]byte, error) {
		b, err := testdocs.FillForm(b, fields)
		if err != nil {
			return nil, err
		}
		s := string(b)
		// The cover, the certification block and the template's note, in
		// document order, as WordprocessingML (the cover date is split
		// over two runs); each replacement must match once.
		for _, r := range [][2]string{
			{"[Name of Customer Agency]", testdocs.Escape(agency)},
			{"[Program Name]", programName},
			{"[Day</w:t></w:r><w:r w:rsidRPr=\"0025112F\"><w:t>, Month, Year]", longDate(crDecided) + "</w:t></w:r><w:r><w:t>"},
			{"&lt;&lt;INSERT NAME OF PROGRAM&gt;&gt;", programName},
			{"______ The document is accepted. ", "___X___ The document is accepted. "},
			{"&lt;&lt;Insert Name&gt;&gt;", sponsorName},
			{"&lt;&lt;Insert Date&gt;&gt;", longDate(crDecided)},
			{"&lt;&lt;Insert Title&gt;&gt;", sponsorTitle},
			{"&lt;&lt;Insert Name&gt;&gt;", pmName},
			{"&lt;&lt;Insert Date&gt;&gt;", longDate(crDecided)},
			{"&lt;&lt;Insert Title&gt;&gt;", pmTitle},
			{"&lt;&lt;This document should be signed by the Program Executive Sponsor and should be reviewed and approved by both the Provider and the Customer Program Manager.&gt;&gt;", ""},
		} {
			i := strings.Index(s, r[0])
			if i < 0 {
				return nil, fmt.Errorf("change request template: %q not found", r[0])
			}
			s = s[:i] + r[1] + s[i+len(r[0]):]
		}
		return []byte(s), nil
	})
	if err != nil {
		return err
	}
	return testdocs.CopyWithEdits(tmp, out,
		testdocs.Edit{Part: "word/footer1.xml", Old: "<w:t>Day, Month, Year</w:t>", New: "<w:t>" + longDate(crDecided) + "</w:t>"},
	)
}
