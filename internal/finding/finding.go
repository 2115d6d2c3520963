// Package finding holds what a check concluded: findings, checks, rule
// descriptions and the decided Result. Its JSON shape is the report contract
// (docs/architecture.md, "JSON report").
package finding

import "github.com/tollgate-dev/tollgate/internal/document"

// Severity of a rule or finding.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
	Off     Severity = "off" // configured off: the rule does not run
)

// Rank orders severities for --fail-on (higher is more severe).
func (s Severity) Rank() int {
	switch s {
	case Error:
		return 3
	case Warning:
		return 2
	case Info:
		return 1
	}
	return 0
}

// Status of a check or finding (one vocabulary everywhere).
type Status string

const (
	Pass          Status = "pass"
	Fail          Status = "fail"
	Waived        Status = "waived"
	NotAssessable Status = "not_assessable"
	NotApplicable Status = "not_applicable"
)

// Metrics carry a measured value for threshold rules (DCMA and the like).
type Metrics struct {
	Value       *float64 `json:"value,omitempty"`
	Numerator   *float64 `json:"numerator,omitempty"`
	Denominator *float64 `json:"denominator,omitempty"`
	Threshold   *float64 `json:"threshold,omitempty"`
}

// Waiver is the waiver that covered a finding.
type Waiver struct {
	Reason     string `json:"reason"`
	ApprovedBy string `json:"approved_by"`
	Expires    string `json:"expires,omitempty"`
}

// Finding is the detail of one check that did not pass.
type Finding struct {
	ID          string         `json:"id"` // stable fingerprint
	Rule        string         `json:"rule"`
	Title       string         `json:"title"`
	Severity    Severity       `json:"severity"`
	Status      Status         `json:"status"`
	Baseline    string         `json:"baseline,omitempty"` // new | existing
	Path        string         `json:"path"`
	Message     string         `json:"message"`
	Location    document.Loc   `json:"location"`
	Related     []document.Loc `json:"related,omitempty"`
	Metrics     *Metrics       `json:"metrics,omitempty"`
	Remediation string         `json:"remediation,omitempty"`
	Source      string         `json:"source,omitempty"`
	Waiver      *Waiver        `json:"waiver,omitempty"`
	// Scope narrows a submission-level finding to one item the rule judges
	// separately (M3-GATE-01: one exit criterion), so a procedure clause
	// can cite the rule for that item only.
	Scope string `json:"scope,omitempty"`
}

// Check is one rule applied to one document ("" path for submission-level rules).
type Check struct {
	Rule   string `json:"rule"`
	Path   string `json:"path"`
	Status Status `json:"status"`
	// Scope is the item of the document or submission the check judged,
	// when a project rule judges several separately ("" = the whole).
	Scope string `json:"scope,omitempty"`
	// Metrics is what a threshold rule measured (its "metric" set), kept on
	// passing checks too so a report can show every DCMA value.
	Metrics *Metrics `json:"metrics,omitempty"`
}

// Rule describes a rule of the loaded catalog with its tallies for the run.
type Rule struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	Severity    Severity `json:"severity"`
	Kinds       []string `json:"kinds"`
	Pack        string   `json:"pack"`
	Source      string   `json:"source"`
	Remediation string   `json:"remediation"`
	// RelatedResources are the METADATA related_resources of the rule
	// ("description: ref" or "ref").
	RelatedResources []string `json:"related_resources,omitempty"`
	// Reads are the evidence fields of this run's documents the rule's
	// source names ("charter.sponsor"): check -v prints their evidence
	// under the rule's findings and passed checks.
	Reads         []string `json:"reads,omitempty"`
	Checked       int      `json:"checked"`
	Passed        int      `json:"passed"`
	Failed        int      `json:"failed"`
	Waived        int      `json:"waived"`
	NotAssessable int      `json:"not_assessable"`
}
