package classify

import (
	"regexp"
	"strings"
	"sync"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/kind"
	"github.com/tollgate-dev/tollgate/internal/vocab"
)

// M3 artifact keys (MODEL.md §2: artifact_key "when recognized"). The M3
// rules look documents up by artifact key; without one they fall back on
// the document kind, so a document whose M3 artifact has no kind of its
// own ("Vision Statement", "Acquisition Strategy", "Data Cleansing Plan" —
// kind other/plan in m3.json) could never count as that artifact. The key
// comes from the front matter (artifact_key), else from the title naming
// one of the artifact's m3.json names (Options.Artifacts).

// M3Artifact is one artifact of the M3 reference data (data.tollgate.m3,
// policies/data/m3.json): its key, its kind there, and the names a title
// may give it. Classify is given them as data (Options.Artifacts) by
// whoever reads the policy data; it reads no policy files itself.
type M3Artifact struct {
	Key   string   `json:"key"`
	Kind  string   `json:"kind"`
	Names []string `json:"names"`
}

// artifactName is one normalized name of an artifact.
type artifactName struct {
	key, kind, name string
}

// artifactIndex is a list of M3 artifacts made ready for matching.
type artifactIndex struct {
	names []artifactName
	kinds map[string]string // key → m3.json kind
}

// indexes caches each artifact list's index, by the address of its first
// element: a run passes the same list for every document.
var indexes sync.Map // *M3Artifact → *artifactIndex

// indexOf returns the names of the artifacts: each name as written and
// without its parenthetical parts ("Integrated Master Schedule (IMS)" is
// also "Integrated Master Schedule").
func indexOf(list []M3Artifact) *artifactIndex {
	if len(list) == 0 {
		return &artifactIndex{}
	}
	if ix, ok := indexes.Load(&list[0]); ok {
		return ix.(*artifactIndex)
	}
	ix := &artifactIndex{kinds: map[string]string{}}
	for _, a := range list {
		ix.kinds[a.Key] = a.Kind
		seen := map[string]bool{}
		for _, n := range a.Names {
			for _, v := range []string{n, parenthetical.ReplaceAllString(n, " ")} {
				if s := nameText(v); s != "" && !seen[s] {
					seen[s] = true
					ix.names = append(ix.names, artifactName{key: a.Key, kind: a.Kind, name: s})
				}
			}
		}
	}
	actual, _ := indexes.LoadOrStore(&list[0], ix)
	return actual.(*artifactIndex)
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
func artifactKey(t *document.Tree, k kind.Kind, path string, artifacts []M3Artifact) string {
	if t == nil || len(artifacts) == 0 { // a configured kind is decided without reading the document
		return ""
	}
	ix := indexOf(artifacts)
	names, kinds := ix.names, ix.kinds
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
			if n.kind != string(k) && k != kind.Generic {
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
