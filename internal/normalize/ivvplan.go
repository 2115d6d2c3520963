package normalize

import (
	"regexp"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/vocab"
)

func init() { register("ivv_plan", normalizeIVVPlan) }

// normalizeIVVPlan fills MODEL.md §6.6: the IEEE 1012 outline sections
// present, the stated kinds of independence and whom IV&V reports to.
func normalizeIVVPlan(t *document.Tree, a *artifact.Artifact, _ Options) {
	o := newOutline(t, a)
	p := &artifact.IVVPlan{Outline: map[string]bool{}}
	a.IVVPlan = p
	for _, k := range vocab.IVVOutlineKeys {
		p.Outline[k] = len(o.find(&vocab.IVVSections, k)) > 0
	}
	found(a, "ivv_plan.outline")
	all := allText(t)
	low := strings.ToLower(all)
	p.Independence = artifact.IVVIndependence{
		Technical:  strings.Contains(low, "technical independence") || strings.Contains(low, "technically independent"),
		Managerial: strings.Contains(low, "managerial independence") || strings.Contains(low, "managerially independent"),
		Financial:  strings.Contains(low, "financial independence") || strings.Contains(low, "financially independent"),
	}
	if s := firstSentenceWith(all, "independen"); s != "" {
		p.Independence.Statement = s
		found(a, "ivv_plan.independence")
	}
	if m := reportsTo.FindStringSubmatch(all); m != nil {
		p.ReportsTo = strings.TrimSpace(strings.TrimRight(m[1], "."))
		found(a, "ivv_plan.reports_to")
	}
	if m := performedBy.FindStringSubmatch(all); m != nil {
		p.Provider.Organization = strings.TrimSpace(strings.TrimRight(m[1], "."))
		found(a, "ivv_plan.provider")
	}
}

var (
	reportsTo   = regexp.MustCompile(`(?i)\breports? (?:directly )?to (?:the )?([^.,;\n]{3,80})`)
	performedBy = regexp.MustCompile(`(?i)\b(?:performed|conducted|provided) by ([A-Z][^.,;\n]{2,80})`)
)
