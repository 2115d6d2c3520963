// Package classify decides which kind of artifact a document is, and why.
package classify

import (
	"path/filepath"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/config"
	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/format"
	"github.com/tollgate-dev/tollgate/internal/glob"
	"github.com/tollgate-dev/tollgate/internal/kind"
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

// Kinds lists the registered kinds (kind.Names: the kinds registered in
// internal/normalize/kinds.go, and any registered since).
func Kinds() []string { return kind.Names() }

// Known reports whether k is a registered kind.
func Known(k string) bool { return kind.Known(k) }

// Result is the classification of one document.
type Result struct {
	Kind       kind.Kind `json:"kind"`
	Source     string    `json:"kind_source"`
	Confidence float64   `json:"kind_confidence"`
	// ArtifactKey is the M3 artifact key (m3.json artifacts[].key) when recognised.
	ArtifactKey string `json:"artifact_key,omitempty"`
	// Reason says in words which signal decided ("title \"Program Charter\"").
	Reason string `json:"reason,omitempty"`
	// Title is the document's title as a reader would give it: the title
	// line that decided the kind, else the strongest title candidate.
	Title string `json:"-"`
}

// KindRule is a configured override (documents.kinds): files matching
// Path (a pattern of package glob) are of Kind. The configuration holds it
// as plain data; the classifier reads it as is.
type KindRule = config.KindRule

// Options are what a run tells the classifier beyond the document.
type Options struct {
	// Rules are the configured documents.kinds: the first whose path
	// matches decides.
	Rules []KindRule
	// Artifacts are the M3 artifacts (policy.M3Artifacts reads them from
	// the policy data); without them no artifact_key is recognised.
	Artifacts []M3Artifact
}

// Classify decides the kind of t, read from path, taking the strongest
// signal that names a kind, and the M3 artifact the document is when its
// front matter or title names one of opts.Artifacts (artifactKey).
func Classify(t *document.Tree, path string, opts Options) Result {
	r := classifyKind(t, path, opts.Rules)
	r.ArtifactKey = artifactKey(t, r.Kind, path, opts.Artifacts)
	if r.Title == "" && t != nil {
		r.Title = Title(t)
	}
	return r
}

func classifyKind(t *document.Tree, path string, rules []KindRule) Result {
	for _, r := range rules {
		if glob.Match(r.Path, path) {
			return Result{Kind: kind.Kind(r.Kind), Source: SourceConfig, Confidence: 1, Reason: "documents.kinds " + r.Path}
		}
	}
	if t.Schedule != nil {
		// Only schedule formats (MS Project XML, P6 XML) read a schedule.
		return Result{Kind: kind.Schedule, Source: SourceFormat, Confidence: 1, Reason: format.Label(t.Format)}
	}
	if k, ok := t.FrontMatter["kind"].(string); ok && Known(k) {
		return Result{Kind: kind.Kind(k), Source: SourceFrontMatter, Confidence: 1, Reason: "front matter kind"}
	}
	for _, key := range []string{"kind", "tollgate_kind", "DocumentType", "Document Type"} {
		if k := strings.TrimSpace(t.Properties.Custom[key]); Known(k) {
			return Result{Kind: kind.Kind(k), Source: SourceProperty, Confidence: 1, Reason: "custom property " + key}
		}
	}
	// Title first: what the document calls itself, then its file name.
	for _, c := range titleCandidates(t) {
		if r, ok := titled(t, c.text, SourceTitle, 0.9, "title "+quote(c.text)+" ("+c.where+")"); ok {
			r.Title = c.text
			return r
		}
	}
	if name := filenameWords(path); name != "" {
		if r, ok := titled(t, name, SourceFilename, 0.6, "file name "+quote(filepath.Base(path))); ok {
			return r
		}
	}
	// Then content.
	if k, why := bundleKind(t); k != "" {
		return Result{Kind: k, Source: SourceHeadings, Confidence: 0.6, Reason: why}
	}
	if k, c := headingKind(t); k != "" {
		return Result{Kind: k, Source: SourceHeadings, Confidence: c, Reason: "section headings"}
	}
	if ks := columnKinds(t); len(ks) > 0 {
		distinct := map[kind.Kind]bool{}
		for _, k := range ks {
			distinct[k] = true
		}
		// The M3 RTM workbook logs its change requests on a CR sheet: a
		// requirements sheet and a change log together are one RTM.
		if distinct[kind.RTM] && distinct[kind.ChangeLog] && len(distinct) == 2 {
			return Result{Kind: kind.RTM, Source: SourceColumns, Confidence: 0.7, Reason: "column headers (requirements and CR sheets)"}
		}
		// A workbook whose sheets are different kinds of table (a grab-bag of
		// PM tables) is not one artifact: check it as generic.
		if len(distinct) == 1 {
			return Result{Kind: ks[0], Source: SourceColumns, Confidence: 0.7, Reason: "column headers"}
		}
	}
	return Result{Kind: kind.Generic, Source: SourceDefault, Confidence: 0, Reason: "no title, file name, heading or table names a kind"}
}

// MinConfidence is the confidence below which a document is checked as
// generic (TG-KIND-001 says how to declare its kind).
const MinConfidence = 0.5

// titled decides the kind a title (or file name) names. The longest phrase
// wins between the kind titles and the near-miss titles, so "Working Group
// Charter" or "Statement of Work" make a document generic however much it
// reads like a charter; a kind that needs content to be that kind (a
// schedule needs a task table, a change request a form) and lacks it is a
// near miss too.
func titled(t *document.Tree, text, source string, conf float64, why string) (Result, bool) {
	k, n, ok := kindTitles().MatchLen(text)
	if !ok {
		if nm, _, near := vocab.NearMissTitles.MatchLen(text); near {
			return Result{Kind: "generic", Source: source, Confidence: conf, Reason: why + ": a " + nm + ", not a kind tollgate checks"}, true
		}
		return Result{}, false
	}
	if nm, m, near := vocab.NearMissTitles.MatchLen(text); near && m > n {
		return Result{Kind: "generic", Source: source, Confidence: conf, Reason: why + ": a " + nm + ", not a " + k}, true
	}
	if k == "charter" && groupCharter(text) {
		return Result{Kind: "generic", Source: source, Confidence: conf, Reason: why + ": the charter of a group (working group, committee, consortium…), not of a project"}, true
	}
	if k == "change_log" && changeRequestForm(t) {
		// A log template that carries the change request form itself
		// (one detail sheet per CR) is checked as the change request.
		return Result{Kind: "change_request", Source: source, Confidence: conf, Reason: why + ", and it holds the change request form"}, true
	}
	if miss := lacksContent(t, k); miss != "" {
		return Result{Kind: "generic", Source: source, Confidence: conf, Reason: why + " names a " + k + ", but " + miss}, true
	}
	return Result{Kind: kind.Kind(k), Source: source, Confidence: conf, Reason: why}, true
}

// groupCharter: a charter title naming a body (SIG, working group,
// consortium, team…) and not a project or program.
func groupCharter(title string) bool {
	if vocab.ContainsWord(title, "project") || vocab.ContainsWord(title, "program") || vocab.ContainsWord(title, "programme") {
		return false
	}
	for _, b := range vocab.CharterBodies {
		if vocab.ContainsWord(title, b) {
			return true
		}
	}
	return false
}

// lacksContent says why a document titled as kind k is not one (""
// when nothing is missing): a schedule that has tables but no task table
// (a training "schedule" of weeks and topics), a change request with
// neither a request form nor a log (a procedure about change requests).
func lacksContent(t *document.Tree, k string) string {
	switch k {
	case "schedule":
		if t.Schedule != nil {
			return ""
		}
		gs := grids(t)
		if len(gs) == 0 {
			return "" // a schedule shown as pictures: a schedule that cannot be read
		}
		for _, g := range gs {
			if isTaskTable(g) {
				return ""
			}
		}
		return "none of its tables is a task list (a task column with start, finish or duration columns)"
	case "charter":
		// A project charter says what the project is to achieve: a
		// charter of several sections, none of them objectives, scope,
		// deliverables, milestones or budget (a team's working agreement,
		// a group's governance rules), is not one. A short or unfinished
		// charter stays a charter: its findings say what it lacks.
		headings := 0
		for _, b := range t.Blocks {
			if b.Kind == document.BlockHeading && b.Level > 0 {
				headings++
			}
		}
		if headings < 5 {
			return ""
		}
		for _, b := range t.Blocks {
			text := b.Text
			if b.Kind == document.BlockParagraph {
				l, _, ok := strings.Cut(text, ":")
				if !ok || len(l) > 40 {
					continue
				}
				text = l
			} else if b.Kind != document.BlockHeading {
				continue
			}
			for _, k := range vocab.CharterSections.MatchAll(text) {
				switch k {
				case "objectives", "scope", "in_scope", "out_of_scope", "deliverables", "milestones", "budget", "success_criteria":
					return ""
				}
			}
		}
		return "it states no objectives, scope, deliverables, milestones or budget: a working agreement or a group's rules, not a project charter"
	case "change_request":
		for _, g := range grids(t) {
			if changeForm(g) || gridKind(g) == "change_log" {
				return ""
			}
		}
		for _, b := range t.Blocks {
			if b.Kind == document.BlockParagraph {
				if l, _, ok := strings.Cut(b.Text, ":"); ok && len(l) < 40 {
					if _, ok := vocab.ChangeRequestFields.Exact(l); ok {
						return ""
					}
				}
			}
		}
		return "it holds no change request form or log"
	}
	return ""
}

// changeForm: a key/value table whose first column names at least three
// change request fields.
func changeForm(g grid) bool {
	seen := map[string]bool{}
	for _, r := range g.rows {
		for _, c := range r {
			if k, ok := vocab.ChangeRequestFields.Exact(c); ok {
				seen[k] = true
			}
		}
	}
	return len(seen) >= 3
}

func quote(s string) string { return "\"" + s + "\"" }

// changeRequestForm: labelled lines ("Description of change:", "Raised
// by:", "Reason / trigger:") name four or more change request fields.
func changeRequestForm(t *document.Tree) bool {
	seen := map[string]bool{}
	for _, b := range t.Blocks {
		if b.Kind != document.BlockParagraph {
			continue
		}
		for _, line := range strings.Split(b.Text, "\n") {
			if l, _, ok := strings.Cut(line, ":"); ok && len(l) < 40 {
				if k, ok := vocab.ChangeRequestFields.Exact(l); ok {
					seen[k] = true
				}
			}
		}
	}
	return len(seen) >= 4
}
