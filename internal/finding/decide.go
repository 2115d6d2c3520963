package finding

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/glob"
)

// WaiverRule is a configured waiver (config.Waiver without the import).
type WaiverRule struct {
	Rule, Path, Location, Reason, ApprovedBy, Expires string
}

// Fingerprint is the stable id of a finding: the same defect at the same
// place keeps its id across runs (baselines and waivers rely on that).
func Fingerprint(rule, path string, locText, message string) string {
	h := sha256.New()
	for _, s := range []string{rule, path, locText, message} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Decide applies waivers to findings and checks, fills rule tallies, sorts
// everything deterministically and computes the summary and verdict.
// asOf (YYYY-MM-DD) decides waiver expiry; failOn is error|warning|info|never.
func Decide(r *Result, waivers []WaiverRule, asOf, failOn string) {
	r.Waivers = r.Waivers[:0]
	var extra []Finding
	waivedChecks := map[[3]string]bool{}
	failedChecks := map[[3]string]bool{}
	for _, w := range waivers {
		use := WaiverUse{Rule: w.Rule, Path: w.Path, Location: w.Location, Reason: w.Reason,
			ApprovedBy: w.ApprovedBy, Expires: w.Expires, State: "active"}
		expired := w.Expires != "" && w.Expires < asOf
		if expired {
			use.State = "expired"
		}
		for i := range r.Findings {
			f := &r.Findings[i]
			if f.Status != Fail || !waiverMatches(w, f) {
				continue
			}
			use.Matched++
			if expired {
				extra = append(extra, Finding{
					Rule: "TG-WAIVER-001", Title: "Expired waiver", Severity: Error, Status: Fail,
					Path: f.Path, Location: f.Location,
					Message:     "waiver for " + w.Rule + " expired on " + w.Expires + "; the finding it covered is failing again: " + f.Message,
					Remediation: "Renew the waiver with a new approval and expiry, or fix the finding.",
				})
				continue
			}
			f.Status = Waived
			f.Waiver = &Waiver{Reason: w.Reason, ApprovedBy: w.ApprovedBy, Expires: w.Expires}
		}
		if use.Matched == 0 {
			use.State = "unused"
			extra = append(extra, Finding{
				Rule: "TG-WAIVER-002", Title: "Unused waiver", Severity: Warning, Status: Fail,
				Path:        w.Path,
				Message:     "waiver for " + w.Rule + " on " + w.Path + " matched no finding",
				Remediation: "Remove it, or correct its rule/path.",
			})
		}
		r.Waivers = append(r.Waivers, use)
	}
	r.Findings = append(r.Findings, extra...)
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.ID == "" {
			f.ID = Fingerprint(f.Rule, f.Path, f.Location.String(), f.Message)
		}
		key := [3]string{f.Rule, f.Path, f.Scope}
		switch f.Status {
		case Fail:
			failedChecks[key] = true
		case Waived:
			waivedChecks[key] = true
		}
	}
	// A check whose every failing finding is waived is waived.
	for i := range r.Checks {
		c := &r.Checks[i]
		key := [3]string{c.Rule, c.Path, c.Scope}
		if c.Status == Fail && waivedChecks[key] && !failedChecks[key] {
			c.Status = Waived
		}
	}
	sortResult(r)
	tally(r)
	summarize(r, failOn)
}

func waiverMatches(w WaiverRule, f *Finding) bool {
	if w.Rule != f.Rule {
		return false
	}
	if w.Path != "" && w.Path != f.Path {
		if !glob.Match(w.Path, f.Path) {
			return false
		}
	}
	if w.Location != "" && !strings.Contains(f.Location.String(), w.Location) {
		return false
	}
	return true
}

func sortResult(r *Result) {
	slices.SortStableFunc(r.Findings, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(b.Severity.Rank(), a.Severity.Rank()),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Location.Sheet, b.Location.Sheet),
			cmp.Compare(a.Location.Table, b.Location.Table),
			cmp.Compare(a.Location.Row, b.Location.Row),
			cmp.Compare(a.Location.Paragraph, b.Location.Paragraph),
			cmp.Compare(a.Location.Line, b.Location.Line),
			cmp.Compare(a.Message, b.Message),
		)
	})
	slices.SortStableFunc(r.Checks, func(a, b Check) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Scope, b.Scope))
	})
	slices.SortStableFunc(r.Rules, func(a, b Rule) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortStableFunc(r.Documents, func(a, b Document) int { return cmp.Compare(a.Path, b.Path) })
}

func tally(r *Result) {
	idx := map[string]int{}
	for i := range r.Rules {
		ru := &r.Rules[i]
		ru.Checked, ru.Passed, ru.Failed, ru.Waived, ru.NotAssessable = 0, 0, 0, 0, 0
		idx[ru.ID] = i
	}
	for _, c := range r.Checks {
		i, ok := idx[c.Rule]
		if !ok {
			continue
		}
		ru := &r.Rules[i]
		ru.Checked++
		switch c.Status {
		case Pass:
			ru.Passed++
		case Fail:
			ru.Failed++
		case Waived:
			ru.Waived++
		case NotAssessable:
			ru.NotAssessable++
		}
	}
}

func summarize(r *Result, failOn string) {
	s := Summary{}
	for _, d := range r.Documents {
		switch d.Status {
		case DocSkipped:
			s.Skipped++
			continue
		case DocUnreadable:
			s.Unreadable++
		}
		s.Documents++
	}
	threshold := map[string]int{"error": 3, "warning": 2, "info": 1, "never": 99}[failOn]
	if threshold == 0 {
		threshold = 3
	}
	failing := false
	for _, f := range r.Findings {
		switch f.Status {
		case Waived:
			s.Waived++
			continue
		case NotAssessable:
			s.NotAssessable++
			continue
		}
		switch f.Severity {
		case Error:
			s.Errors++
		case Warning:
			s.Warnings++
		case Info:
			s.Infos++
		}
		if f.Severity.Rank() >= threshold {
			failing = true
		}
	}
	for _, c := range r.Checks {
		if c.Status == Pass {
			s.PassedChecks++
		}
	}
	s.Verdict = "pass"
	if failing {
		s.Verdict = "fail"
	}
	r.Summary = s
}
