package normalize_test

import (
	"context"
	"encoding/json"
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/classify"
	"github.com/tollgate-dev/tollgate/internal/discover"
	"github.com/tollgate-dev/tollgate/internal/extract"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/normalize"
	"github.com/tollgate-dev/tollgate/internal/policy"
	"github.com/tollgate-dev/tollgate/internal/schema"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

var update = flag.Bool("update", false, "rewrite golden files")

// corpusKinds is testdata/corpus/MANIFEST.md's "kind" column for every
// PM artifact (the MS Project XML files arrive with the schedule issue).
var corpusKinds = map[string]string{
	"gsa/M3-Playbook-Master-Schedule-Template.xlsx":          "schedule",
	"gsa/M3-Playbook-RAID-Log-Template.xlsx":                 "risk_register",
	"gsa/M3-Playbook-Resource-Management-Plan-Template.docx": "raci",
	"gsa/M3-Playbook-Risk-Management-Plan-Template.docx":     "risk_plan",
	"gsa/M3-Playbook-Communications-Plan-Template.xlsx":      "communications_plan",
	"gsa/M3-Playbook-Stakeholder-Analysis-Template.xlsx":     "stakeholder_register",
	"gsa/M3-Document-and-Example-Tracker.xlsx":               "generic",
	"gsa/M3-Playbook-Governance-Plan-Template.docx":          "governance_plan",
	"gsa/M3-Playbook-Change-Request-Form-Template.docx":      "change_request",
	"gsa/M3-Playbook-Investment-Readiness-Checklist.xlsx":    "generic",
	"18f/QASP.docx":                  "qasp",
	"18f/QASP.md":                    "qasp",
	"packt-tpm2e/RACI.xlsx":          "raci",
	"packt-tpm2e/TPM RACI.xlsx":      "raci",
	"packt-tpm2e/Project Plan.xlsx":  "schedule",
	"packt-tpm2e/Status Report.docx": "status_report",
	"packt-tpm2e/Tables.xlsx":        "generic",
}

// golden are the corpus files whose normalized artifact is compared with a
// checked-in copy (testdata/golden/normalize/<name>.json).
var golden = []string{
	"gsa/M3-Playbook-Master-Schedule-Template.xlsx",
	"gsa/M3-Playbook-RAID-Log-Template.xlsx",
	"gsa/M3-Playbook-Resource-Management-Plan-Template.docx",
	"gsa/M3-Playbook-Governance-Plan-Template.docx",
	"gsa/M3-Playbook-Change-Request-Form-Template.docx",
	"gsa/M3-Playbook-Stakeholder-Analysis-Template.xlsx",
	"packt-tpm2e/RACI.xlsx",
	"packt-tpm2e/Project Plan.xlsx",
	"18f/QASP.md",
	"18f/QASP.docx",
	"packt-tpm2e/Status Report.docx",
	"mpxj/task-links-project2019-mspdi.xml",
}

const corpusDir = "../../testdata/corpus"

func readCorpus(t *testing.T, rel string) (map[string]any, classify.Result, []string) {
	t.Helper()
	files, err := discover.Walk([]string{filepath.Join(corpusDir, rel)}, discover.Options{})
	if err != nil || len(files) != 1 {
		t.Fatalf("discover %s: %v (%d files)", rel, err, len(files))
	}
	f := files[0]
	f.Path = rel // stable in goldens wherever the test runs
	if f.Fault != nil {
		t.Fatalf("%s: sniffed as unreadable: %v", rel, f.Fault)
	}
	tree, err := extract.Read(context.Background(), f, limits.Default())
	if err != nil {
		t.Fatalf("%s: read: %v", rel, err)
	}
	var faults []string
	for _, fl := range tree.Faults {
		faults = append(faults, fl.Error())
	}
	c := classify.Classify(tree, rel, classify.Options{Artifacts: m3Artifacts(t)})
	a := normalize.Normalize(tree, c, normalize.Options{SHA256: strings.Repeat("0", 64), SizeBytes: f.Size})
	m, err := a.Map()
	if err != nil {
		t.Fatal(err)
	}
	return m, c, faults
}

// TestCorpusReadsAndClassifies: every PM artifact of the corpus reads with
// no reader finding, classifies to MANIFEST's kind, and its artifact is
// valid against the schemas.
func TestCorpusReadsAndClassifies(t *testing.T) {
	for rel, want := range corpusKinds {
		t.Run(rel, func(t *testing.T) {
			m, c, faults := readCorpus(t, rel)
			if len(faults) > 0 {
				t.Errorf("reader faults: %v", faults)
			}
			if string(c.Kind) != want {
				t.Errorf("kind = %s (%s: %s), MANIFEST says %s", c.Kind, c.Source, c.Reason, want)
			}
			for _, v := range schema.Validate(m) {
				t.Errorf("schema: %s: %s", v.Pointer, v.Message)
			}
		})
	}
}

func TestCorpusGolden(t *testing.T) {
	for _, rel := range golden {
		t.Run(rel, func(t *testing.T) {
			m, _, _ := readCorpus(t, rel)
			got, err := json.MarshalIndent(m, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			name := strings.NewReplacer("/", "__", " ", "_").Replace(rel) + ".json"
			testdocs.Golden(t, filepath.Join("../../testdata/golden/normalize", name), got, *update)
		})
	}
}

// m3Artifacts are the built-in M3 artifacts, as a run gives them to the
// classifier: the goldens record the artifact_key they recognise.
func m3Artifacts(t testing.TB) []classify.M3Artifact {
	t.Helper()
	list, err := policy.M3Artifacts()
	if err != nil {
		t.Fatal(err)
	}
	return list
}
