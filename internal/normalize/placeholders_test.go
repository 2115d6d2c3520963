package normalize

import (
	"testing"

	"github.com/tollgate-dev/tollgate/internal/document"
)

// Template prompts the GSA forms use beyond <<…>> and <Enter …>: choice
// lists in angle brackets and prompts whose brackets an editor turned into
// guillemets. Code, comparisons, e-mail addresses and French quotes are
// not prompts.
func TestPromptPatterns(t *testing.T) {
	for _, c := range []struct {
		text, want string // want "" = no placeholder
	}{
		{"<Low, Med, High>", "<Low, Med, High>"},
		{"<New Requirement, Change to Existing Requirement, Defect>", "<New Requirement, Change to Existing Requirement, Defect>"},
		{"Decision: <Approved, Rejected, More information>", "<Approved, Rejected, More information>"},
		{"<Yes, No>", "<Yes, No>"},
		{"<‹Enter the decision date>>", "<‹Enter the decision date>>"},
		{"<‹Enter…>>", "<‹Enter…>>"},
		{"‹Insert program name›", "‹Insert program name›"},
		{"«Enter the CR number»", "«Enter the CR number»"},
		{"<<Insert Date>>", "<<Insert Date>>"},
		{"<Enter CR #>", "<Enter CR #>"},
		{"returns Map<String, Integer> of totals", ""},
		{"if a < b, then c > d", ""},
		{"Marcus Chen <marcus.chen@dma.gov>", ""},
		{"the «Harbor» program", ""},
		{"High", ""},
	} {
		got := findPlaceholders(c.text, document.Loc{})
		switch {
		case c.want == "" && len(got) > 0:
			t.Errorf("%q: placeholder %q", c.text, got[0].Text)
		case c.want != "" && (len(got) != 1 || got[0].Text != c.want || got[0].Pattern != "angle"):
			t.Errorf("%q: %+v, want one angle prompt %q", c.text, got, c.want)
		}
	}
}

// FuzzPlaceholderPrefilter: the cheap test never rules out a text that a
// placeholder pattern matches.
func FuzzPlaceholderPrefilter(f *testing.F) {
	for _, s := range []string{
		"Task 12", "<<Enter name>>", "< insert date >", "[Insert program name]", "Month, Day, Year",
		"xx/xx/xxxx", "FY XX", "mm/dd/yyyy", "TBD", "Lorem Ipsum", "Signature: ______", "ſ", "YEAR 2024", "ﬀy",
		"<Low, Med, High>", "<‹Enter…>>", "9/4/2026", "Task_1", "XX/xx", "Mm/Dd/YyYy", "_____", "‹Insert program name›", "«Enter the CR number»",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if mayHavePlaceholder(s) {
			return
		}
		for _, p := range placeholderPatterns {
			if m := p.re.FindStringIndex(s); m != nil {
				t.Fatalf("%q: pattern %s matches %q but the prefilter ruled it out", s, p.name, s[m[0]:m[1]])
			}
		}
	})
}
