package finding

import "github.com/tollgate-dev/tollgate/internal/document"

// ReportSchemaVersion is the version of the JSON report contract.
const ReportSchemaVersion = "1"

// Result is one run's decided outcome: the JSON report contract every
// output format renders from.
type Result struct {
	SchemaVersion string            `json:"schema_version"`
	Tool          Tool              `json:"tool"`
	Run           Run               `json:"run"`
	Documents     []Document        `json:"documents"`
	Findings      []Finding         `json:"findings"`
	Checks        []Check           `json:"checks"`
	Rules         []Rule            `json:"rules"`
	Procedures    []ProcedureResult `json:"procedures"`
	Waivers       []WaiverUse       `json:"waivers"`
	Artifacts     []any             `json:"artifacts,omitempty"`
	Summary       Summary           `json:"summary"`
}

// Tool identifies the program that produced the result.
type Tool struct {
	Name       string `json:"name"`
	Version    string `json:"version"`
	OPAVersion string `json:"opa_version"`
}

// Run records what was run, so a verdict can be reproduced.
type Run struct {
	AsOf         string `json:"as_of"`
	Started      string `json:"started"`
	DurationMS   int64  `json:"duration_ms"`
	Command      string `json:"command"`
	PolicyDigest string `json:"policy_digest"`
	ConfigDigest string `json:"config_digest"`
	Shard        string `json:"shard"`
	// Root is where document paths are relative to, as a slash path
	// relative to the working directory ("examples/harbor"; "" or "."
	// for the working directory): SARIF and annotations prefix it so a
	// repository-relative URI names the file.
	Root string `json:"root,omitempty"`
	// Baseline is the saved report the findings were compared with
	// (--baseline), "" when none.
	Baseline string `json:"baseline,omitempty"`
	// FailOnNew: only findings new against the baseline fail the run.
	FailOnNew bool `json:"fail_on_new,omitempty"`
	// Partial: a shard's report (check --shard), undecided and without the
	// project rules; tollgate merge joins the shards and decides.
	Partial bool `json:"partial,omitempty"`
	// FailOn is the lowest severity that fails the run.
	FailOn string `json:"fail_on,omitempty"`
}

// Document statuses.
const (
	DocOK         = "ok"
	DocUnreadable = "unreadable"
	DocSkipped    = "skipped"
)

// Document is one input file and what became of it.
type Document struct {
	Path       string `json:"path"`
	Format     string `json:"format"`
	Kind       string `json:"kind"`
	KindSource string `json:"kind_source"`
	SHA256     string `json:"sha256"`
	Size       int64  `json:"size"`
	Status     string `json:"status"`
	Error      string `json:"error,omitempty"`
	// KindReason says how the kind was decided ("title \"Project
	// Charter\" (first heading)", "file name", "section headings").
	KindReason string `json:"kind_reason,omitempty"`
	// Evidence is where the normalizer read each fact, and where the
	// document mentions a fact it could not read.
	Evidence []Evidence `json:"evidence,omitempty"`
}

// Evidence is one place a fact was read from (Read) or is mentioned
// without a readable value.
type Evidence struct {
	Field string       `json:"field"`
	Text  string       `json:"text"`
	Read  bool         `json:"read"`
	Loc   document.Loc `json:"loc"`
}

// WaiverUse is a configured waiver and what it matched in this run.
type WaiverUse struct {
	Rule       string `json:"rule"`
	Path       string `json:"path"`
	Location   string `json:"location,omitempty"`
	Reason     string `json:"reason"`
	ApprovedBy string `json:"approved_by"`
	Expires    string `json:"expires,omitempty"`
	State      string `json:"state"` // active | expired | unused
	Matched    int    `json:"matched"`
}

// Summary counts the result and gives the verdict.
type Summary struct {
	Documents  int `json:"documents"`
	Unreadable int `json:"unreadable"`
	// Skipped counts files in a format tollgate does not read (.odt, .rtf,
	// .txt …): listed in documents with status "skipped", never checked.
	Skipped       int    `json:"skipped,omitempty"`
	Errors        int    `json:"errors"`
	Warnings      int    `json:"warnings"`
	Infos         int    `json:"infos"`
	Waived        int    `json:"waived"`
	NotAssessable int    `json:"not_assessable"`
	PassedChecks  int    `json:"passed_checks"`
	Verdict       string `json:"verdict"` // pass | fail
}
