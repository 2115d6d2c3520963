package normalize

import (
	"encoding/json"
	"fmt"
	"sync"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/kind"
	"github.com/tollgate-dev/tollgate/internal/vocab"
	"github.com/tollgate-dev/tollgate/schemas"
)

// A kind is tied together here, in one registration: the classifier's
// signals, the payload's JSON Schema, the payload's field on
// artifact.Artifact and the normalizer that fills it. The built-in kinds
// are the table below; "Adding a kind" in docs/architecture.md walks
// through a new one.

// Normalizer fills a kind's payload (and may add envelope tables,
// diagnostics and fields_found) of an artifact whose envelope is built.
type Normalizer func(d *Doc, a *artifact.Artifact, opts Options)

// Doc is a document being normalized: its tree (tables of contents
// dropped, label lines made headings) with its table-shaped regions and
// labelled facts read once for the envelope and every normalizer.
type Doc = doc

// Registration is one kind. Its fields are unexported: a registration is
// made by PayloadKind or EnvelopeKind, whose every argument is required,
// so leaving a part of a kind out does not compile.
type Registration struct {
	kind      kind.Kind
	signals   kind.Signals
	schema    []byte
	payload   func(*artifact.Artifact) any
	normalize Normalizer
	sections  *vocab.Table
}

// PayloadKind registers a kind with a payload: its signals, the JSON
// Schema of its payload, the payload's field on artifact.Artifact (whose
// JSON key must be the kind's name) and its normalizer.
func PayloadKind(k kind.Kind, signals kind.Signals, schema []byte, payload func(*artifact.Artifact) any, normalize Normalizer) Registration {
	return Registration{kind: k, signals: signals, schema: schema, payload: payload, normalize: normalize}
}

// EnvelopeKind registers a kind checked on its envelope only (sections,
// tables, metadata), with no payload of its own.
func EnvelopeKind(k kind.Kind, signals kind.Signals) Registration {
	return Registration{kind: k, signals: signals}
}

// WithSections gives the kind the heading vocabulary that sets its
// sections' canonical names (sections[].canonical).
func (r Registration) WithSections(t *vocab.Table) Registration {
	r.sections = t
	return r
}

// Reading gives an envelope kind a normalizer: its documents carry
// another kind's payload (a risk management plan often holds its risk
// register), read the same way.
func (r Registration) Reading(n Normalizer) Registration {
	r.normalize = n
	return r
}

// Kind is the registered kind.
func (r Registration) Kind() kind.Kind { return r.kind }

// Payload returns the kind's payload of a (nil for an envelope kind).
func (r Registration) Payload(a *artifact.Artifact) any {
	if r.payload == nil {
		return nil
	}
	return r.payload(a)
}

// HasPayload reports whether the kind has a payload of its own.
func (r Registration) HasPayload() bool { return r.payload != nil }

var registrations sync.Map // kind.Kind → Registration

// Register adds a kind: to the kind registry (its signals and schema, for
// classify and schema) and to the normalizers. Kinds are registered
// before the first document is read; a registration missing a part that
// the compiler could not see (a nil function, a schema that is not JSON)
// is refused.
func Register(r Registration) error {
	if r.payload != nil || r.schema != nil {
		if r.payload == nil || r.normalize == nil || len(r.schema) == 0 {
			return fmt.Errorf("register kind %q: a payload kind needs its payload field, normalizer and schema", r.kind)
		}
		if !json.Valid(r.schema) {
			return fmt.Errorf("register kind %q: the schema is not JSON", r.kind)
		}
	}
	if err := kind.Register(kind.Spec{Kind: r.kind, Signals: r.signals, Schema: r.schema}); err != nil {
		return err
	}
	registrations.Store(r.kind, r)
	return nil
}

// Lookup returns the registration of k.
func Lookup(k kind.Kind) (Registration, bool) { return lookup(k) }

func lookup(k kind.Kind) (Registration, bool) {
	r, ok := registrations.Load(k)
	if !ok {
		return Registration{}, false
	}
	return r.(Registration), true
}

// builtinSchema is the payload schema of kind k in schemas/.
func builtinSchema(k kind.Kind) []byte {
	b, err := schemas.FS.ReadFile(string(k) + ".schema.json")
	if err != nil {
		return nil // Register refuses the kind, naming it
	}
	return b
}

// declared are the signals of a kind that only configuration, front
// matter or a document property decides.
var declared = kind.Signals{DeclaredOnly: true}

// builtin are the kinds of the vocabulary (MODEL.md §2), in its order.
var builtin = []Registration{
	PayloadKind(kind.Charter, kind.Signals{Titles: []string{"Project Charter", "Program Charter", "Charter", "Termo de Abertura", "Termo de Abertura do Projeto", "Projektauftrag", "Acta de Constitución"}},
		builtinSchema(kind.Charter), func(a *artifact.Artifact) any { return a.Charter }, normalizeCharter).
		WithSections(&vocab.CharterSections),
	PayloadKind(kind.PMP, kind.Signals{Titles: []string{"Project Management Plan", "Program Management Plan", "PMP", "Master PMP", "Master Project Management Plan", "Software Project Management Plan", "SPMP", "Management Plan", "Development Plan", "Software Development Plan", "Project Development Plan", "Plano de Gerenciamento do Projeto"}},
		builtinSchema(kind.PMP), func(a *artifact.Artifact) any { return a.PMP }, normalizePMP).
		WithSections(&vocab.PMPPlans),
	PayloadKind(kind.Schedule, kind.Signals{Titles: []string{"Integrated Master Schedule", "Master Schedule", "IMS", "Project Schedule", "Program Schedule", "Project Plan", "Schedule", "Critical Path", "Critical Path Method", "Gantt Chart", "Cronograma"}},
		builtinSchema(kind.Schedule), func(a *artifact.Artifact) any { return a.Schedule }, normalizeSchedule),
	PayloadKind(kind.RACI, kind.Signals{Titles: []string{"RACI", "RACI Matrix", "RACI Chart", "Responsibility Assignment Matrix", "RAM", "Resource Management Plan", "Roles and Responsibilities Matrix", "Matriz RACI"}},
		builtinSchema(kind.RACI), func(a *artifact.Artifact) any { return a.RACI }, normalizeRACI),
	PayloadKind(kind.RiskRegister, kind.Signals{Titles: []string{"Risk Register", "Risk Log", "RAID Log", "RAID", "Risk and Issue Log", "Risks", "Risk List", "Risk Matrix", "Registro de Riscos", "Risikoliste", "Risikoregister"}},
		builtinSchema(kind.RiskRegister), func(a *artifact.Artifact) any { return a.RiskRegister }, normalizeRiskRegister),
	PayloadKind(kind.IVVPlan, kind.Signals{Titles: []string{"IV&V Plan", "IVV Plan", "Independent Verification and Validation Plan", "Independent Verification & Validation Plan", "Independent V&V Plan"}},
		builtinSchema(kind.IVVPlan), func(a *artifact.Artifact) any { return a.IVVPlan }, normalizeIVVPlan).
		WithSections(&vocab.IVVSections),
	PayloadKind(kind.QASP, kind.Signals{Titles: []string{"QASP", "Quality Assurance Surveillance Plan"}},
		builtinSchema(kind.QASP), func(a *artifact.Artifact) any { return a.QASP }, normalizeQASP),
	PayloadKind(kind.SLA, kind.Signals{Titles: []string{"Service Level Agreement", "Service Level Agreements", "SLA"}},
		builtinSchema(kind.SLA), func(a *artifact.Artifact) any { return a.SLA }, normalizeSLA),
	PayloadKind(kind.StatusReport, kind.Signals{Titles: []string{"Status Report", "Project Status", "Program Status", "Project Status Report", "Program Status Report", "Weekly Status Report", "Monthly Status Report", "Status Update", "Weekly Status Update", "Weekly Report", "Monthly Report", "Progress Report", "Weekly Status", "Relatório de Status"}},
		builtinSchema(kind.StatusReport), func(a *artifact.Artifact) any { return a.StatusReport }, normalizeStatusReport),
	PayloadKind(kind.LessonsLearned, kind.Signals{Titles: []string{"Lessons Learned", "Lessons Learned Report", "Post Mortem", "Postmortem", "Post-Mortem Report", "Retrospective", "Sprint Retrospective", "Project Retrospective", "Lições Aprendidas"}},
		builtinSchema(kind.LessonsLearned), func(a *artifact.Artifact) any { return a.LessonsLearned }, normalizeLessonsLearned),
	PayloadKind(kind.ChangeRequest, kind.Signals{Titles: []string{"Change Request", "Change Request Form", "CR Form", "Requirements Change Request Form"}},
		builtinSchema(kind.ChangeRequest), func(a *artifact.Artifact) any { return a.ChangeRequest }, normalizeChangeRequest),
	PayloadKind(kind.ChangeLog, kind.Signals{Titles: []string{"Change Request Log", "Change Requests Log", "CR Log", "Change Control Log", "Change Request Register", "Change Register", "Change Log"}},
		builtinSchema(kind.ChangeLog), func(a *artifact.Artifact) any { return a.ChangeLog }, normalizeChangeLog),
	PayloadKind(kind.StakeholderRegister, kind.Signals{Titles: []string{"Stakeholder Register", "Stakeholder Analysis", "Stakeholder Matrix"}},
		builtinSchema(kind.StakeholderRegister), func(a *artifact.Artifact) any { return a.StakeholderRegister }, normalizeStakeholders),
	EnvelopeKind(kind.GovernancePlan, kind.Signals{Titles: []string{"Governance Plan", "Governance Charter"}}),
	EnvelopeKind(kind.CommunicationsPlan, kind.Signals{Titles: []string{"Communications Plan", "Communication Plan", "Communications Management Plan", "Communication Management Plan", "Plano de Comunicação"}}),
	PayloadKind(kind.RTM, kind.Signals{Titles: []string{"Requirements Traceability Matrix", "Requirement Traceability Matrix", "Requirements Trace Matrix", "Traceability Matrix", "RTM"}},
		builtinSchema(kind.RTM), func(a *artifact.Artifact) any { return a.RTM }, normalizeRTM),
	// A risk management plan often carries its register too: its risks
	// are read the same way (no rule asks a plan for a register).
	EnvelopeKind(kind.RiskPlan, kind.Signals{Titles: []string{"Risk Management Plan", "Plano de Gerenciamento de Riscos", "Plano de Riscos", "Plano Riscos", "Risk Plan"}}).
		Reading(normalizeRiskRegister),
	EnvelopeKind(kind.CMPlan, declared),
	EnvelopeKind(kind.OCMPlan, declared),
	EnvelopeKind(kind.TestPlan, kind.Signals{Titles: []string{"Test Plan", "Software Test Plan", "Master Test Plan", "Verification and Validation Plan", "V&V Plan", "VnV Plan", "System Verification and Validation Plan", "Plano de Testes"}}),
	EnvelopeKind(kind.GoNoGoCriteria, declared),
	EnvelopeKind(kind.BusinessCase, declared),
	EnvelopeKind(kind.CostEstimate, declared),
	EnvelopeKind(kind.Generic, declared),
}

func init() {
	for _, r := range builtin {
		if err := Register(r); err != nil {
			panic(err) // a built-in kind is incomplete: no run could be trusted
		}
	}
}
