// Package artifact is the normalized, typed form of one document: the common
// envelope of MODEL.md §2 plus one payload per kind under the key of the same
// name. Policies see it as JSON (Map).
package artifact

import (
	"encoding/json"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/kind"
)

// SchemaVersion of the artifact JSON.
const SchemaVersion = "1"

// Loc is the location shape used everywhere (see docs/architecture.md).
type Loc = document.Loc

// Artifact is one normalized document.
type Artifact struct {
	SchemaVersion  string       `json:"schema_version"`
	Kind           kind.Kind    `json:"kind"`
	KindSource     string       `json:"kind_source"`
	KindConfidence float64      `json:"kind_confidence"`
	ArtifactKey    string       `json:"artifact_key,omitempty"`
	Title          string       `json:"title"`
	Program        string       `json:"program,omitempty"`
	Source         Source       `json:"source"`
	Metadata       Metadata     `json:"metadata"`
	Sections       []Section    `json:"sections"`
	Tables         []Table      `json:"tables"`
	Diagnostics    []Diagnostic `json:"diagnostics"`
	// FieldsFound lists the envelope and payload fields the normalizer could
	// read ("metadata.approvals", "charter.purpose", "schedule.columns.start").
	FieldsFound []string `json:"fields_found"`
	// Evidence says where each payload fact was read from, and where the
	// document mentions a fact no value could be read for.
	Evidence []Evidence `json:"evidence"`

	Charter      *Charter      `json:"charter,omitempty"`
	PMP          *PMP          `json:"pmp,omitempty"`
	Schedule     *Schedule     `json:"schedule,omitempty"`
	RACI         *RACI         `json:"raci,omitempty"`
	RiskRegister *RiskRegister `json:"risk_register,omitempty"`
	IVVPlan      *IVVPlan      `json:"ivv_plan,omitempty"`

	ChangeRequest       *ChangeRequest       `json:"change_request,omitempty"`
	ChangeLog           *ChangeLog           `json:"change_log,omitempty"`
	LessonsLearned      *LessonsLearned      `json:"lessons_learned,omitempty"`
	StakeholderRegister *StakeholderRegister `json:"stakeholder_register,omitempty"`
	QASP                *QASP                `json:"qasp,omitempty"`
	SLA                 *SLA                 `json:"sla,omitempty"`
	StatusReport        *StatusReport        `json:"status_report,omitempty"`
	RTM                 *RTM                 `json:"rtm,omitempty"`
}

// Map returns the artifact as generic JSON, what a policy author reads in
// the model: what json.Unmarshal makes of json.Marshal(a). The run never
// needs it (the rules' input is built from the typed artifact by Walk);
// tests compare against it.
func (a *Artifact) Map() (map[string]any, error) {
	b, err := json.Marshal(a)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	return m, nil
}
