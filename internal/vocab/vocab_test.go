package vocab

import "testing"

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"Probability  (Likelihood)":        "probability",
		"Risk Type ":                       "risk type",
		"% Complete":                       "percent complete",
		"Job Title/\nPosition Description": "job title position description",
		"Requirement ID*":                  "requirement id",
		"Risk #":                           "risk number",
		"Owner:":                           "owner",
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMatchExactThenLongestContained(t *testing.T) {
	cases := []struct {
		tab        *Table
		text, want string
	}{
		{&ScheduleColumns, "Task Name", "name"},
		{&ScheduleColumns, "Actual Start", "actual_start"}, // not "start"
		{&ScheduleColumns, "Baseline Finish", "baseline_finish"},
		{&RiskColumns, "Probability (Likelihood)", "probability"},
		{&RiskColumns, "Risk Owner(s) - Organization", "owner_org"},
		{&PMPPlans, "3.4 Risk Management Plan", "risk"},
	}
	for _, c := range cases {
		got, ok := c.tab.Match(c.text)
		if !ok || got != c.want {
			t.Errorf("Match(%q) = %q, %v; want %q", c.text, got, ok, c.want)
		}
	}
	if k, ok := ScheduleColumns.Match("Swarm #"); ok {
		t.Errorf("Swarm # matched %q", k)
	}
}
