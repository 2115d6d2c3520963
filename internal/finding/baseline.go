package finding

import "strings"

// Baseline states of a finding (Finding.Baseline).
const (
	BaselineNew      = "new"
	BaselineExisting = "existing"
)

// MarkBaseline marks each finding of r "new" or "existing" against the
// findings of a previous report. A finding is existing when the previous
// report holds one of the same rule and path that is:
//  1. the same finding (same stable id: rule, path, location, message), or
//  2. the same message at another location (rows inserted above it), or
//  3. at the same location with a message whose digits changed (a count
//     or date moved; the defect stayed), or
//  4. the same message shape with the location's numbers also changed.
//
// Each previous finding is matched once, in that order of strength, so one
// new defect among old ones of the same rule is still new. Unrelated
// edits elsewhere in a document do not make old findings new.
func MarkBaseline(r *Result, prev []Finding) {
	used := make([]bool, len(prev))
	keys := []func(f Finding) string{
		func(f Finding) string { return f.ID },
		func(f Finding) string { return f.Rule + "\x00" + f.Path + "\x00" + f.Scope + "\x00" + f.Message },
		func(f Finding) string {
			return f.Rule + "\x00" + f.Path + "\x00" + f.Scope + "\x00" + f.Location.String() + "\x00" + shape(f.Message)
		},
		func(f Finding) string {
			return f.Rule + "\x00" + f.Path + "\x00" + f.Scope + "\x00" + shape(f.Location.String()) + "\x00" + shape(f.Message)
		},
	}
	for i := range r.Findings {
		r.Findings[i].Baseline = ""
	}
	for _, key := range keys {
		idx := map[string][]int{}
		for j, p := range prev {
			if !used[j] {
				k := key(p)
				idx[k] = append(idx[k], j)
			}
		}
		for i := range r.Findings {
			f := &r.Findings[i]
			if f.Baseline != "" {
				continue
			}
			k := key(*f)
			for n, j := range idx[k] {
				if !used[j] {
					used[j] = true
					f.Baseline = BaselineExisting
					idx[k] = idx[k][n+1:]
					break
				}
			}
		}
	}
	for i := range r.Findings {
		if r.Findings[i].Baseline == "" {
			r.Findings[i].Baseline = BaselineNew
		}
	}
}

// shape is s with every run of digits replaced by "#".
func shape(s string) string {
	var b strings.Builder
	digit := false
	for _, c := range s {
		if c >= '0' && c <= '9' {
			if !digit {
				b.WriteByte('#')
			}
			digit = true
			continue
		}
		digit = false
		b.WriteRune(c)
	}
	return b.String()
}

// Reverdict recomputes the summary and verdict with failOn, counting only
// new findings toward the verdict when onlyNew is set (--fail-on-new).
// The counts still count every finding.
func Reverdict(r *Result, failOn string, onlyNew bool) {
	summarize(r, failOn)
	if !onlyNew {
		return
	}
	threshold := map[string]int{"error": 3, "warning": 2, "info": 1, "never": 99}[failOn]
	if threshold == 0 {
		threshold = 3
	}
	r.Summary.Verdict = "pass"
	for _, f := range r.Findings {
		if f.Status == Fail && f.Baseline != BaselineExisting && f.Severity.Rank() >= threshold {
			r.Summary.Verdict = "fail"
		}
	}
}
