package policy

import "testing"

// The classifier recognises artifact keys only from what M3Artifacts
// gives it: the built-in data must load and name the Harbor charter's.
func TestM3Artifacts(t *testing.T) {
	list, err := M3Artifacts()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range list {
		if a.Key == "program-charter" && a.Kind == "charter" && len(a.Names) > 0 {
			return
		}
	}
	t.Errorf("no program-charter charter among %d M3 artifacts", len(list))
}
