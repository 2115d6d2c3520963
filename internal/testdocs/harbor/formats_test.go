package harbor

import (
	"os"
	"strings"
	"testing"
)

func TestScheduleFormatsAreWritten(t *testing.T) {
	paths, err := ScheduleFormats("../../../testdata/corpus", t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	csv, _ := os.ReadFile(paths[1])
	if !strings.Contains(string(csv), "Conduct Security and Privacy Reviews") || strings.Count(string(csv), "\n") != 78 {
		t.Errorf("CSV export: %d lines", strings.Count(string(csv), "\n"))
	}
	xml, _ := os.ReadFile(paths[2])
	if !strings.Contains(string(xml), `<Project xmlns="http://schemas.microsoft.com/project">`) || strings.Count(string(xml), "<Task>") != 77 {
		t.Errorf("MSPDI export: %d tasks", strings.Count(string(xml), "<Task>"))
	}
}
