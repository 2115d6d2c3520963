package classify

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/vocab"
	"github.com/tollgate-dev/tollgate/policies"
)

// M3 artifact keys (MODEL.md §2: artifact_key "when recognized"). The M3
// rules look documents up by artifact key; without one they fall back on
// the document kind, so a document whose M3 artifact has no kind of its
// own ("Vision Statement", "Acquisition Strategy", "Data Cleansing Plan" —
// kind other/plan in m3.json) could never count as that artifact. The key
// comes from the front matter (artifact_key), else from the title naming
// one of the artifact's m3.json names.

// m3Artifact is the part of an m3.json artifact the recogniser reads.
type m3Artifact struct {
	Key   string   `json:"key"`
	Kind  string   `json:"kind"`
	Names []string `json:"names"`
}

// artifactName is one normalized name of an artifact.
type artifactName struct {
	key, kind, name string
}

var (
	artifactNamesOnce sync.Once
	artifactNames     []artifactName
	artifactKinds     map[string]string // key → m3.json kind
	artifactNamesErr  error
)

// loadArtifactNames reads the artifact names of the embedded m3.json: each
// name as written and without its parenthetical parts ("Integrated Master
// Schedule (IMS)" is also "Integrated Master Schedule").
func loadArtifactNames() ([]artifactName, map[string]string, error) {
	artifactNamesOnce.Do(func() {
		b, err := policies.FS.ReadFile("data/m3.json")
		if err != nil {
			artifactNamesErr = fmt.Errorf("read m3.json: %w", err)
			return
		}
		var m struct {
			Artifacts []m3Artifact `json:"artifacts"`
		}
		if err := json.Unmarshal(b, &m); err != nil {
			artifactNamesErr = fmt.Errorf("parse m3.json: %w", err)
			return
		}
		artifactKinds = map[string]string{}
		for _, a := range m.Artifacts {
			artifactKinds[a.Key] = a.Kind
			seen := map[string]bool{}
			for _, n := range a.Names {
				for _, v := range []string{n, parenthetical.ReplaceAllString(n, " ")} {
					if s := nameText(v); s != "" && !seen[s] {
						seen[s] = true
						artifactNames = append(artifactNames, artifactName{key: a.Key, kind: a.Kind, name: s})
					}
				}
			}
		}
	})
	return artifactNames, artifactKinds, artifactNamesErr
}

var (
	parenthetical = regexp.MustCompile(`\([^)]*\)`)
	nonWord       = regexp.MustCompile(`[^a-z0-9&]+`)
)

// nameText is s lower case with every run of punctuation and space made one
// space: "Go/No-Go Criteria" → "go no go criteria".
func nameText(s string) string {
	return strings.TrimSpace(nonWord.ReplaceAllString(strings.ToLower(s), " "))
}

// artifactKey recognises the M3 artifact a document of kind is: its front
// matter artifact_key when m3.json has that key, else the artifact whose
// name the strongest title candidate contains as whole words — the longest
// such name, so "Validated and Updated As-Is Systems Environment" is not
// taken for "As-Is Systems Environment". The artifact must be of the
// document's kind, or the document of no particular kind (generic); a
// title naming two artifacts equally well names none.
func artifactKey(t *document.Tree, kind, path string) string {
	names, kinds, err := loadArtifactNames()
	if err != nil || t == nil { // a configured kind is decided without reading the document
		return ""
	}
	if k, ok := t.FrontMatter["artifact_key"].(string); ok {
		if _, known := kinds[strings.TrimSpace(k)]; known {
			return strings.TrimSpace(k)
		}
	}
	candidates := titleCandidates(t)
	// A file named as a GSA M3 template ("M3-Playbook-RAID-Log-Template")
	// is that M3 artifact.
	if name := filenameWords(path); vocab.ContainsWord(name, "m3") {
		candidates = append(candidates, titleCandidate{name, "file name"})
	}
	for _, title := range candidates {
		text := " " + nameText(title.text) + " "
		best, bestLen, tie := "", 0, false
		for _, n := range names {
			if n.kind != kind && kind != "generic" {
				continue
			}
			if !strings.Contains(text, " "+n.name+" ") {
				continue
			}
			switch {
			case len(n.name) > bestLen:
				best, bestLen, tie = n.key, len(n.name), false
			case len(n.name) == bestLen && n.key != best:
				tie = true
			}
		}
		if best != "" {
			if tie {
				return ""
			}
			return best
		}
	}
	return ""
}
