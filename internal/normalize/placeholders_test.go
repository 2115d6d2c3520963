package normalize

import (
	"testing"
)

// FuzzPlaceholderPrefilter: the cheap test never rules out a text that a
// placeholder pattern matches.
func FuzzPlaceholderPrefilter(f *testing.F) {
	for _, s := range []string{
		"Task 12", "<<Enter name>>", "< insert date >", "[Insert program name]", "Month, Day, Year",
		"xx/xx/xxxx", "FY XX", "mm/dd/yyyy", "TBD", "Lorem Ipsum", "Signature: ______", "ſ", "YEAR 2024", "ﬀy",
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
