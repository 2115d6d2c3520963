// Package classify decides which kind of artifact a document is, and why.
package classify

import (
	"slices"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/vocab"
)

// Kind sources, strongest first (config > front matter/property > title >
// headings > column headers > file name).
const (
	SourceConfig      = "config"
	SourceFrontMatter = "frontmatter"
	SourceProperty    = "property"
	SourceTitle       = "title"
	SourceHeadings    = "headings"
	SourceColumns     = "columns"
	SourceFilename    = "filename"
	SourceFormat      = "format"  // the file format is itself a kind (MS Project XML)
	SourceDefault     = "default" // nothing matched: generic
)

// Kinds is the kind vocabulary (MODEL.md §2): kinds with a payload and
// envelope-only kinds.
var Kinds = []string{
	"charter", "pmp", "schedule", "raci", "risk_register", "ivv_plan", "qasp", "sla", "status_report",
	"lessons_learned", "change_request", "change_log", "stakeholder_register",
	"governance_plan", "communications_plan", "rtm", "risk_plan", "cm_plan", "ocm_plan", "test_plan",
	"go_no_go_criteria", "business_case", "cost_estimate", "generic",
}

// Known reports whether k is a kind of the vocabulary.
func Known(k string) bool { return slices.Contains(Kinds, k) }

// Result is the classification of one document.
type Result struct {
	Kind       string  `json:"kind"`
	Source     string  `json:"kind_source"`
	Confidence float64 `json:"kind_confidence"`
	// ArtifactKey is the M3 artifact key (m3.json artifacts[].key) when recognised.
	ArtifactKey string `json:"artifact_key,omitempty"`
	// Reason says in words which signal decided ("title \"Program Charter\"").
	Reason string `json:"reason,omitempty"`
}

// KindRule is a configured override: files matching Path (a glob, ** allowed)
// are of Kind.
type KindRule struct {
	Path string `json:"path" yaml:"path"`
	Kind string `json:"kind" yaml:"kind"`
}

// Classify decides the kind of t, read from path, taking the strongest
// signal that names a kind, and the M3 artifact the document is when its
// front matter or title names one (artifactKey).
func Classify(t *document.Tree, path string, rules []KindRule) Result {
	r := classifyKind(t, path, rules)
	r.ArtifactKey = artifactKey(t, r.Kind)
	return r
}

func classifyKind(t *document.Tree, path string, rules []KindRule) Result {
	for _, r := range rules {
		if finding.MatchGlob(r.Path, path) {
			return Result{Kind: r.Kind, Source: SourceConfig, Confidence: 1, Reason: "documents.kinds " + r.Path}
		}
	}
	if t.Schedule != nil {
		return Result{Kind: "schedule", Source: SourceFormat, Confidence: 1, Reason: "MS Project XML"}
	}
	if k, ok := t.FrontMatter["kind"].(string); ok && Known(k) {
		return Result{Kind: k, Source: SourceFrontMatter, Confidence: 1, Reason: "front matter kind"}
	}
	for _, key := range []string{"kind", "tollgate_kind", "DocumentType", "Document Type"} {
		if k := strings.TrimSpace(t.Properties.Custom[key]); Known(k) {
			return Result{Kind: k, Source: SourceProperty, Confidence: 1, Reason: "custom property " + key}
		}
	}
	for _, title := range titleCandidates(t) {
		if k, ok := vocab.KindTitles.Match(title); ok {
			return Result{Kind: k, Source: SourceTitle, Confidence: 0.9, Reason: "title " + quote(title)}
		}
	}
	if k, c := headingKind(t); k != "" {
		return Result{Kind: k, Source: SourceHeadings, Confidence: c, Reason: "section headings"}
	}
	if ks := columnKinds(t); len(ks) > 0 {
		distinct := map[string]bool{}
		for _, k := range ks {
			distinct[k] = true
		}
		// The M3 RTM workbook logs its change requests on a CR sheet: a
		// requirements sheet and a change log together are one RTM.
		if distinct["rtm"] && distinct["change_log"] && len(distinct) == 2 {
			return Result{Kind: "rtm", Source: SourceColumns, Confidence: 0.7, Reason: "column headers (requirements and CR sheets)"}
		}
		// A workbook whose sheets are different kinds of table (a grab-bag of
		// PM tables) is not one artifact: check it as generic.
		if len(distinct) == 1 {
			return Result{Kind: ks[0], Source: SourceColumns, Confidence: 0.7, Reason: "column headers"}
		}
	}
	if k, ok := vocab.KindTitles.Match(filenameWords(path)); ok {
		return Result{Kind: k, Source: SourceFilename, Confidence: 0.5, Reason: "file name"}
	}
	return Result{Kind: "generic", Source: SourceDefault, Confidence: 0}
}

func quote(s string) string { return "\"" + s + "\"" }
