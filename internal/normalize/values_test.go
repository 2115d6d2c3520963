package normalize

import (
	"fmt"
	"testing"
)

func TestParsePredecessors(t *testing.T) {
	cases := map[string]string{
		"12":            "[12 FS 0 ]",
		"12FS":          "[12 FS 0 ]",
		"2fs":           "[2 FS 0 ]",
		"12SS+3d":       "[12 SS 3 +3d]",
		"12FF-2 days":   "[12 FF -2 -2 days]",
		"7,9,12":        "[7 FS 0 ] [9 FS 0 ] [12 FS 0 ]",
		"7; 9SF":        "[7 FS 0 ] [9 SF 0 ]",
		"4FS+1w":        "[4 FS 5 +1w]",
		"5SS+3ed":       "[5 SS 2.143 +3ed]",
		"8FS+50%":       "[8 FS 0 +50%]",
		"10FS-5 days":   "[10 FS -5 -5 days]",
		"3 FS + 2 days": "[3 FS 2 + 2 days]",
	}
	for in, want := range cases {
		links, bad := parsePredecessors(in)
		got := ""
		for i, l := range links {
			if i > 0 {
				got += " "
			}
			got += fmt.Sprintf("[%s %s %v %s]", l.ref, l.typ, l.lagDays, l.lagRaw)
		}
		if got != want || len(bad) > 0 {
			t.Errorf("parsePredecessors(%q) = %s bad=%v, want %s", in, got, bad, want)
		}
	}
	if _, bad := parsePredecessors("after 12, 4, 12FS+3 fortnights"); len(bad) != 2 {
		t.Errorf("an unknown form must come back as unreadable, got %v", bad)
	}
}

func TestParseDuration(t *testing.T) {
	for in, want := range map[string]float64{
		"5": 5, "5d": 5, "5 days": 5, "5 dys": 5, "2w": 10, "2 wks": 10, "1mo": 20, "8h": 1, "8 hrs": 1,
		"30m": 0.063, "0d": 0, "3?": 3, "-5 days": -5, "7ed": 5, "14 edays": 10,
	} {
		got, ok := parseDuration(in)
		if !ok || *got != want {
			t.Errorf("parseDuration(%q) = %v %v, want %v", in, got, ok, want)
		}
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"2026-03-13": "2026-03-13", "3/13/2026": "2026-03-13", "03/13/26": "2026-03-13", "March 13, 2026": "2026-03-13",
		"13-Mar-26": "2026-03-13", "Fri 3/13/26": "2026-03-13", "Friday, March 13, 2026": "2026-03-13",
	} {
		if got, ok := parseDate(in); !ok || got != want {
			t.Errorf("parseDate(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"xx/xx/xx", "TBD", "<<Insert Date>>", "Month, Day, Year", ""} {
		if got, ok := parseDate(in); ok {
			t.Errorf("parseDate(%q) = %q, want not a date", in, got)
		}
	}
}
