package classify

import (
	"encoding/json"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/kind"
	"github.com/tollgate-dev/tollgate/policies"
)

// The M3 artifact key comes from the front matter, else from the longest
// m3.json artifact name the title holds, of the document's kind (or any,
// for a generic document).
func TestArtifactKey(t *testing.T) {
	titled := func(title string) *document.Tree {
		return &document.Tree{Blocks: []document.Block{{Kind: document.BlockHeading, Level: 0, Text: title}}}
	}
	for _, c := range []struct {
		tree *document.Tree
		kind string
		want string
	}{
		{titled("Program Charter – Harbor Payroll Modernization"), "charter", "program-charter"},
		{titled("Harbor Vision Statement"), "generic", "vision-statement"},
		{titled("Validated and Updated As-Is Systems Environment"), "generic", "validated-as-is-systems-environment"},
		{titled("As-Is Systems Environment"), "generic", "as-is-systems-environment"},
		{titled("Go/No-Go Criteria for Go-Live"), "generic", "go-no-go-criteria"},
		{titled("Integrated Master Schedule"), "schedule", "integrated-master-schedule"},
		// A schedule titled by its template names no artifact.
		{titled("Schedule Template"), "schedule", ""},
		// The kind rules out an artifact of another kind.
		{titled("Vision Statement"), "charter", ""},
		{&document.Tree{FrontMatter: map[string]any{"artifact_key": "lcce", "title": "Cost model"}}, "generic", "lcce"},
		{&document.Tree{FrontMatter: map[string]any{"artifact_key": "no-such-artifact", "title": "Cost model"}}, "generic", ""},
	} {
		if got := artifactKey(c.tree, kind.Kind(c.kind), "doc.docx", m3(t)); got != c.want {
			t.Errorf("artifactKey(%v, %s) = %q, want %q", titleCandidates(c.tree), c.kind, got, c.want)
		}
	}
}

// A file named as a GSA M3 template is that M3 artifact; the same name
// without "M3" is not (a RAID log of another framework).
func TestArtifactKeyFromM3FileName(t *testing.T) {
	tr := &document.Tree{Path: "x"}
	if got := artifactKey(tr, "risk_register", "templates/M3-Playbook-RAID-Log-Template.xlsx", m3(t)); got != "raid-log" {
		t.Errorf("M3 file name: %q", got)
	}
	if got := artifactKey(tr, "risk_register", "templates/raid-log.csv", m3(t)); got != "" {
		t.Errorf("plain RAID log: %q", got)
	}
}

// m3 is the built-in M3 artifact list, read here as the policy package
// reads it (classify itself is only given the list).
func m3(t *testing.T) []M3Artifact {
	t.Helper()
	b, err := policies.FS.ReadFile("data/m3.json")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Artifacts []M3Artifact `json:"artifacts"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m.Artifacts
}
