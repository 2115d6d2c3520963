package normalize

import (
	"strings"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/vocab"
)

// normalizeStakeholders fills MODEL.md §6.9 stakeholder_register from every
// sheet or table whose header names the stakeholder and at least one more
// register column (the M3 Stakeholder Analysis has its header in row 2
// under a merged title row).
func normalizeStakeholders(t *doc, a *artifact.Artifact, _ Options) {
	sr := &artifact.StakeholderRegister{Stakeholders: []artifact.RegisteredStakeholder{}}
	a.StakeholderRegister = sr
	for _, g := range t.grids {
		h, ok := findHeader(g, &vocab.StakeholderColumns, 2)
		if !ok {
			continue
		}
		if _, ok := h.cols["name"]; !ok {
			continue
		}
		for _, r := range dataRows(g, h.idx) {
			s := artifact.RegisteredStakeholder{
				Name: formValue(colText(r, h, "name")), Group: colText(r, h, "group"), Agency: colText(r, h, "agency"),
				Role: colText(r, h, "role"), Perception: colText(r, h, "perception"), Expectation: colText(r, h, "expectation"),
				Concerns: colText(r, h, "concerns"), KeyMessaging: colText(r, h, "key_messaging"), Investment: colText(r, h, "investment"),
				PreferredCommunications: colText(r, h, "preferred_communications"), Influence: colText(r, h, "influence"),
				Interest: colText(r, h, "interest"), Loc: g.loc(t.Path, r, h.cols["name"]),
			}
			if s.Name == "" {
				continue
			}
			s.Party = stakeholderParty(s)
			sr.Stakeholders = append(sr.Stakeholders, s)
		}
		for _, k := range sortedKeys(h.cols) {
			found(a, "stakeholder_register.columns."+k)
		}
		found(a, "stakeholder_register.stakeholders")
	}
}

// stakeholderParty: an explicit "(Customer)"/"(Provider)" mark on the role,
// group or name, else a group or agency that says customer or provider.
func stakeholderParty(s artifact.RegisteredStakeholder) string {
	for _, x := range []string{s.Role, s.Group, s.Name} {
		if p := partyOf(x); p != "" {
			return p
		}
	}
	for _, x := range []string{s.Group, s.Agency} {
		l := strings.ToLower(x)
		switch {
		case strings.Contains(l, "customer"):
			return "customer"
		case strings.Contains(l, "provider"):
			return "provider"
		}
	}
	return ""
}
