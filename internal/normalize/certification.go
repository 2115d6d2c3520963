package normalize

import (
	"regexp"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/document"
)

// The GSA M3 templates close with a "MANAGEMENT CERTIFICATION" block
// (MODEL.md §2.1 (b)): three option lines, each opened by a blank
// "______" that the approver replaces with an X or a check mark, then one
// signature line per approver with "Name<tab>Date" and "Title" beneath.
var (
	certHeading = regexp.MustCompile(`(?i)management certification`)
	certOption  = regexp.MustCompile(`(?i)^\s*(\S*?)\s*the document is (accepted pending the changes noted|not accepted|accepted)\b`)
	certMarked  = regexp.MustCompile(`[xX✓✔☒☑√]`)
	underscores = regexp.MustCompile(`^[_\s]+$`)
)

// readCertification adds the approvals a filled certification block records:
// one per signature line with a real name and a date, carrying the ticked
// decision. An unfilled block adds nothing (its prompts are placeholders).
func readCertification(t *document.Tree, a *artifact.Artifact) {
	start := -1
	for i, b := range t.Blocks {
		if b.Kind == document.BlockParagraph && certHeading.MatchString(b.Text) {
			start = i
			break
		}
	}
	if start < 0 {
		return
	}
	var decision *string
	paras := []document.Block{}
	for _, b := range t.Blocks[start+1 : min(len(t.Blocks), start+40)] {
		if b.Kind == document.BlockHeading {
			break
		}
		if b.Kind == document.BlockParagraph {
			paras = append(paras, b)
		}
	}
	for _, p := range paras {
		m := certOption.FindStringSubmatch(p.Text)
		if m == nil || !certMarked.MatchString(m[1]) {
			continue
		}
		d := "accepted"
		switch strings.ToLower(m[2]) {
		case "accepted pending the changes noted":
			d = "accepted_with_changes"
		case "not accepted":
			d = "not_accepted"
		}
		decision = &d
	}
	found(a, "metadata.approvals")
	for i, p := range paras {
		// A signature line: underscores (a wet signature) or "/s/ Name".
		line := strings.TrimSpace(p.Text)
		if !(underscores.MatchString(line) && strings.Count(line, "_") >= 5) && !strings.HasPrefix(line, "/s/") {
			continue
		}
		if i+1 >= len(paras) {
			break
		}
		fields := strings.FieldsFunc(paras[i+1].Text, func(r rune) bool { return r == '\t' })
		if len(fields) < 1 {
			continue
		}
		name := strings.TrimSpace(fields[0])
		if name == "" || len(findPlaceholders(name, document.Loc{})) > 0 {
			continue
		}
		ap := artifact.Approval{Name: name, Evidence: "certification_block", Loc: paras[i+1].Loc, Decision: decision}
		if len(fields) > 1 {
			ap.DateRaw = strings.TrimSpace(fields[len(fields)-1])
			if d, ok := parseDate(ap.DateRaw); ok {
				ap.Date = &d
			}
		}
		if i+2 < len(paras) && !underscores.MatchString(strings.TrimSpace(paras[i+2].Text)) {
			if title := strings.TrimSpace(paras[i+2].Text); len(findPlaceholders(title, document.Loc{})) == 0 && len(title) < 120 {
				ap.Title = title
			}
		}
		ap.Role = roleOf("", ap.Title)
		ap.Party = approverParty("", ap.Title)
		// The certification is the signing record: a named approver with a
		// date under a ticked decision has signed it.
		ap.Signed = ap.Date != nil && decision != nil
		if ap.Decision == nil {
			pending := "pending"
			ap.Decision = &pending
		}
		a.Metadata.Approvals = append(a.Metadata.Approvals, ap)
	}
}
