package pipeline

import (
	"os"
	"path/filepath"
	"testing"
)

// TestThresholdNamesFromUserPolicies: a threshold only a user policy
// reads (dotted or bracketed) is a known name.
func TestThresholdNamesFromUserPolicies(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "x.rego"), []byte("package team.x\nlimit := data.tollgate.thresholds.team.max_pages\nother := data.tollgate.thresholds[\"ops-x\"].days\n"), 0o644)
	names := thresholdNames([]string{dir})
	for _, n := range []string{"team.max_pages", "ops-x.days", "dcma.logic_pct", "lessons_learned.after_phase_days"} {
		if !names[n] {
			t.Errorf("%s not known", n)
		}
	}
	if names["dcma.logic_pcnt"] {
		t.Error("a misspelt name is known")
	}
}
