package normalize

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/vocab"
)

// normalizePMP fills MODEL.md §6.2: each subsidiary plan is present inline
// (a mapped section of at least PlanMinWords words, subsections included)
// or referenced ("see the Risk Management Plan"); a reference becomes
// present only when the cross-document pass finds the plan in the bundle.
func normalizePMP(t *doc, a *artifact.Artifact, opts Options) {
	o := newOutline(t.Tree, a)
	minWords := opts.PlanMinWords
	if minWords <= 0 {
		minWords = 50
	}
	p := &artifact.PMP{SubsidiaryPlans: []artifact.SubsidiaryPlan{}, Roles: []string{}}
	a.PMP = p
	all := allText(t.Tree)
	for _, key := range vocab.PMPPlanKeys {
		sp := artifact.SubsidiaryPlan{Key: key}
		best := -1
		for _, i := range o.find(&vocab.PMPPlans, key) {
			if n := vocab.Words(o.text(i)); best < 0 || n > sp.WordCount {
				best, sp.WordCount = i, n
			}
		}
		field := "pmp.subsidiary_plans." + key
		if best >= 0 {
			s := o.sections[best]
			sp.SectionID, sp.Heading = s.ID, s.Heading
			l := s.Loc
			sp.Loc = &l
			if sp.WordCount >= minWords {
				mode := "inline"
				sp.Mode, sp.Present = &mode, true
				evidence(a, field, s.Heading, l, true)
			} else {
				// A section for the plan that is too short to count: the
				// plan is mentioned, not missing, and a reader must judge.
				evidence(a, field, fmt.Sprintf("section %q (%d words)", s.Heading, sp.WordCount), l, false)
			}
		}
		if !sp.Present && best < 0 {
			// "Build Plan: GitHub with ZenHub …" written as a labelled
			// paragraph rather than a section.
			for _, l := range t.facts.labels {
				if k, ok := vocab.PMPPlans.Match(l.label); ok && k == key && vocab.Words(l.label) <= 5 {
					evidence(a, field, l.label+": "+l.value, l.loc, false)
					break
				}
			}
		}
		if !sp.Present {
			if ref := planReference(all, key); ref != "" {
				// A referenced plan is present when the submission holds it:
				// LinkReferences decides that once every file is read.
				mode, no := "reference", false
				sp.Mode, sp.Reference, sp.Present, sp.Resolved = &mode, ref, true, &no
			}
		}
		if key == "change" && best >= 0 {
			sp.Kind = changeKind(o.text(best))
		}
		p.SubsidiaryPlans = append(p.SubsidiaryPlans, sp)
	}
	found(a, "pmp.subsidiary_plans")

	gov := ""
	for _, i := range o.find(&vocab.PMPPlans, "governance") {
		gov += "\n" + o.sections[i].Heading + "\n" + o.text(i)
		if p.Governance.Loc == nil {
			l := o.sections[i].Loc
			p.Governance.Loc = &l
		}
	}
	p.Governance.Present = strings.TrimSpace(gov) != ""
	if gov == "" {
		gov = all // escalation may be described anywhere in the plan
	}
	p.Governance.EscalationDefined = escalation.MatchString(gov) && escalationDetail.MatchString(gov)
	p.Governance.DecisionRightsDefined = decisionRights.MatchString(gov)
	found(a, "pmp.governance")

	low := strings.ToLower(all)
	for _, r := range []string{"Sponsor", "Project Manager", "Program Manager", "Quality Manager", "Contract Manager", "Contracting Officer", "IV&V"} {
		if strings.Contains(low, strings.ToLower(r)) {
			p.Roles = append(p.Roles, r)
		}
	}
	p.Processes = artifact.PMPProcesses{
		StatusMeetings:        statusMeeting.MatchString(all),
		QualityAssurance:      strings.Contains(low, "quality assurance"),
		DeliverableAcceptance: strings.Contains(low, "acceptance") && strings.Contains(low, "deliverable"),
		LessonsLearned:        strings.Contains(low, "lessons learned"),
	}
	if m := cadence.FindString(all); m != "" {
		p.Processes.StatusCadence = strings.ToLower(m)
	}
}

var (
	escalation       = regexp.MustCompile(`(?i)\bescalat`)
	escalationDetail = regexp.MustCompile(`(?i)\b(within \w+ (business |working )?(days?|hours?)|level|tier|threshold|criteria|to the (executive|steering|governance))`)
	decisionRights   = regexp.MustCompile(`(?i)\b(decision rights|decides|approves|approval authority|authority to)\b`)
	statusMeeting    = regexp.MustCompile(`(?i)\b(status|progress) (meeting|review)s?\b`)
	cadence          = regexp.MustCompile(`(?i)\b(daily|weekly|bi-?weekly|fortnightly|semi-?monthly|monthly|bi-?monthly|quarterly|annually|yearly|every (?:day|week|month|quarter|sprint|other week|(?:two|three|four|six|2|3|4|6) (?:days|weeks|months))|once (?:a|per|each) (?:day|week|month|quarter|sprint)|each (?:week|month|sprint|quarter)|at (?:each|every) (?:sprint|milestone|phase|gate))\b`)
	referenceVerb    = regexp.MustCompile(`(?i)\b(see|refer to|referenced in|documented in|described in|defined in|maintained in|in the separate|governed by)\b`)
)

// planReference finds a sentence that points at a separate plan of this key
// ("see the Risk Management Plan (RMP-001.docx)").
func planReference(all, key string) string {
	for _, s := range strings.Split(all, "\n") {
		if !referenceVerb.MatchString(s) {
			continue
		}
		for _, syn := range vocab.PMPPlans[key] {
			if !strings.Contains(strings.ToLower(syn), "plan") {
				continue
			}
			if strings.Contains(strings.ToLower(s), strings.ToLower(syn)) {
				return syn
			}
		}
	}
	return ""
}

// changeKind tags the change plan as change control or organizational
// change management (MODEL.md §4.10 note).
func changeKind(text string) string {
	l := strings.ToLower(text)
	control := strings.Count(l, "change request") + strings.Count(l, "ccb") + strings.Count(l, "change control") + strings.Count(l, "baseline")
	ocm := strings.Count(l, "training") + strings.Count(l, "readiness") + strings.Count(l, "adoption") + strings.Count(l, "organizational change")
	if ocm > control {
		return "ocm"
	}
	return "control"
}

// allText is every paragraph and cell of a document, one per line.
func allText(t *document.Tree) string {
	var b strings.Builder
	for _, bl := range t.Blocks {
		if bl.Kind == document.BlockTable && bl.Table != nil {
			for _, r := range bl.Table.Rows {
				for _, c := range r {
					if !c.Merged {
						b.WriteString(c.Text)
						b.WriteByte('\n')
					}
				}
			}
			continue
		}
		b.WriteString(bl.Text)
		b.WriteByte('\n')
	}
	return b.String()
}
