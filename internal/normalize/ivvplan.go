package normalize

import (
	"regexp"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/vocab"
)

// normalizeIVVPlan fills MODEL.md §6.6: the IEEE 1012 outline sections
// present, the stated kinds of independence and whom IV&V reports to.
func normalizeIVVPlan(t *doc, a *artifact.Artifact, _ Options) {
	o := newOutline(t.Tree, a)
	p := &artifact.IVVPlan{Outline: map[string]bool{}}
	a.IVVPlan = p
	for _, k := range vocab.IVVOutlineKeys {
		p.Outline[k] = len(o.find(&vocab.IVVSections, k)) > 0
	}
	found(a, "ivv_plan.outline")
	p.DeliverablesUnderReview = []artifact.IVVDeliverable{}
	for _, i := range o.find(&vocab.IVVDeliverableSections, "deliverables_under_review") {
		for _, it := range o.items(i) {
			d := artifact.IVVDeliverable{Name: it.text, Loc: it.loc}
			// "Program Management Plan – assessed in September 2026": the
			// name is what comes before the dash or colon.
			if k := nameEnd.FindStringIndex(it.text); k != nil && k[0] > 0 {
				d.Name, d.Text = strings.TrimSpace(it.text[:k[0]]), it.text
			}
			d.Name = strings.TrimRight(d.Name, ".;")
			p.DeliverablesUnderReview = append(p.DeliverablesUnderReview, d)
		}
	}
	found(a, "ivv_plan.deliverables_under_review")
	all := allText(t.Tree)
	low := strings.ToLower(all)
	p.Independence = artifact.IVVIndependence{
		Technical:  independence(low, "technical"),
		Managerial: independence(low, "managerial"),
		Financial:  independence(low, "financial"),
	}
	if s := firstSentenceWith(all, "independent of"); s != "" {
		p.Independence.Statement = s
	} else if s := firstSentenceWith(all, "independence"); s != "" {
		p.Independence.Statement = s
	}
	found(a, "ivv_plan.independence")
	if m := reportsTo.FindStringSubmatch(all); m != nil {
		p.ReportsTo = strings.TrimSpace(strings.TrimRight(m[1], "."))
		found(a, "ivv_plan.reports_to")
	}
	// "IV&V Provider: Northgate Assurance LLC", a roles table row, then
	// the provider named in prose.
	if q, ok := t.facts.person("ivv_provider"); ok {
		p.Provider.Organization = q.Name
		evidence(a, "ivv_plan.provider", q.RoleRaw+": "+q.Name, q.Loc, true)
	}
	for _, re := range providerPatterns {
		if p.Provider.Organization != "" {
			break
		}
		if m := re.FindStringSubmatch(all); m != nil {
			p.Provider.Organization = strings.TrimSpace(m[1])
		}
	}
	if p.Provider.Organization == "" {
		t.facts.mentionsAs(a, "ivv_provider", "ivv_plan.provider")
	}
	found(a, "ivv_plan.provider")
	for _, line := range strings.Split(all, "\n") {
		l := strings.ToLower(line)
		if !strings.Contains(l, "finding") {
			continue
		}
		if p.FindingsReviewCadence == "" {
			if c := cadence.FindString(line); c != "" {
				p.FindingsReviewCadence = strings.ToLower(c)
			}
		}
		if (strings.Contains(l, "log") || strings.Contains(l, "track")) && (strings.Contains(l, "clos") || strings.Contains(l, "escalat") || strings.Contains(l, "due")) {
			p.FindingsProcess.Defined = true
			if p.FindingsProcess.Tracking == "" {
				p.FindingsProcess.Tracking = strings.TrimSpace(line)
			}
		}
	}
	found(a, "ivv_plan.findings_process")
}

// nameEnd ends a deliverable's name inside a list item.
var nameEnd = regexp.MustCompile(`\s+[–—-]\s+|:\s+`)

var reportsTo = regexp.MustCompile(`(?i)\breports? (?:directly )?to (?:the )?([^.,;\n]{3,80})`)

// providerPatterns name the independent organization: "<Org> is
// independent of …", "IV&V … by <Org>." (capitalized words only, so "by an
// organization that …" is not a name).
var providerPatterns = []*regexp.Regexp{
	regexp.MustCompile(`((?:[A-Z][\w&'’-]* ){0,5}[A-Z][\w&'’-]*) is (?:technically, managerially and financially )?independent of`),
	regexp.MustCompile(`(?:IV&V|verification and validation)[^.\n]{0,120}?\bby ((?:[A-Z][\w&'’-]* ){0,5}[A-Z][\w&'’-]*) *[.,(]`),
}

// independence reports whether the plan affirms one kind of independence:
// "technical independence", "technically independent", or the adverb in
// a coordinated list ("technically, managerially and financially
// independent of the developer").
func independence(low, kind string) bool {
	if strings.Contains(low, kind+" independence") || strings.Contains(low, kind+"ly independent") {
		return true
	}
	for _, m := range coordinatedIndependence.FindAllString(low, -1) {
		if strings.Contains(m, kind+"ly") || strings.Contains(m, kind+",") || strings.Contains(m, kind+" and") || strings.Contains(m, kind+" or") {
			return true
		}
	}
	return false
}

// coordinatedIndependence is a list of adverbs (or adjectives) ending in
// "independent" or "independence": "technically, managerially and
// financially independent", "technical, managerial, and financial
// independence".
var coordinatedIndependence = regexp.MustCompile(`(?:\b(?:technical|managerial|financial)(?:ly)?\b[ ,]*(?:and |or |as well as )?){2,3}\s*independen(?:t|ce)`)
