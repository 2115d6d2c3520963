// Package kind names the kinds of artifact tollgate checks, and holds the
// registry of what the stages below the normalizer know of each: the
// classifier's signals and the payload's JSON Schema. The registration
// that fills it is normalize.Register (internal/normalize/kinds.go), the
// one place that ties a kind together: signals, schema, payload field and
// normalizer. This package sits at the bottom of the import graph so that
// classify, schema and artifact can all use Kind.
package kind

import (
	"errors"
	"fmt"
	"regexp"
	"sync"
	"sync/atomic"
)

// Kind is the kind of one artifact ("charter", "schedule"). It is a string
// so the JSON contract (the artifact's "kind") is the kind's name.
type Kind string

// The kinds of the vocabulary (MODEL.md §2): kinds with a payload, then
// envelope-only kinds. Each is registered in internal/normalize/kinds.go.
const (
	Charter             Kind = "charter"
	PMP                 Kind = "pmp"
	Schedule            Kind = "schedule"
	RACI                Kind = "raci"
	RiskRegister        Kind = "risk_register"
	IVVPlan             Kind = "ivv_plan"
	QASP                Kind = "qasp"
	SLA                 Kind = "sla"
	StatusReport        Kind = "status_report"
	LessonsLearned      Kind = "lessons_learned"
	ChangeRequest       Kind = "change_request"
	ChangeLog           Kind = "change_log"
	StakeholderRegister Kind = "stakeholder_register"
	GovernancePlan      Kind = "governance_plan"
	CommunicationsPlan  Kind = "communications_plan"
	RTM                 Kind = "rtm"
	RiskPlan            Kind = "risk_plan"
	CMPlan              Kind = "cm_plan"
	OCMPlan             Kind = "ocm_plan"
	TestPlan            Kind = "test_plan"
	GoNoGoCriteria      Kind = "go_no_go_criteria"
	BusinessCase        Kind = "business_case"
	CostEstimate        Kind = "cost_estimate"
	// Generic is what a document of no particular kind is checked as.
	Generic Kind = "generic"
)

// Signals are what makes the classifier take a document for a kind,
// beyond the content tests the built-in kinds have in package classify.
type Signals struct {
	// Titles are the ways a title, a heading or a file name names the
	// kind ("Project Charter", "Charter"); matched as whole words after
	// vocab.Normalize, the longest phrase winning across kinds.
	Titles []string
	// Headings are section headings typical of the kind; a document with
	// MinHeadings distinct ones (and no title naming a kind) is of it.
	Headings    []string
	MinHeadings int
	// DeclaredOnly: no title or content says a document is of this kind;
	// only configuration, front matter or a document property does.
	DeclaredOnly bool
}

// Spec is what the stages below the normalizer know of a registered kind.
type Spec struct {
	Kind    Kind
	Signals Signals
	// Schema is the JSON Schema (draft 2020-12) of the kind's payload,
	// found under the artifact key of the kind's name; nil for a kind
	// checked on its envelope only.
	Schema []byte
}

// Set is the registry at one moment; a later registration makes a new Set,
// so a Set is never changed and can be read from any goroutine.
type Set struct {
	specs  []Spec
	byKind map[Kind]int
}

var (
	mu      sync.Mutex // serializes registrations
	current atomic.Pointer[Set]
)

func init() { current.Store(&Set{byKind: map[Kind]int{}}) }

// name is what a kind's name may be: it is a JSON key and a Rego
// identifier (input.<kind>), and a schema file name.
var name = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// Register adds s to the registry. Kinds are registered before the first
// document is read (in init); the schemas are compiled at the first
// validation and see only the kinds registered by then.
func Register(s Spec) error {
	mu.Lock()
	defer mu.Unlock()
	cur := current.Load()
	if !name.MatchString(string(s.Kind)) {
		return fmt.Errorf("register kind %q: a kind is a lower-case snake_case name", s.Kind)
	}
	if _, dup := cur.byKind[s.Kind]; dup {
		return fmt.Errorf("register kind %q: registered twice", s.Kind)
	}
	if len(s.Signals.Titles) == 0 && !s.Signals.DeclaredOnly {
		return errors.New("register kind " + string(s.Kind) + ": no title signals (Signals.Titles), and not DeclaredOnly: the classifier could never decide it")
	}
	next := &Set{specs: append(cur.specs[:len(cur.specs):len(cur.specs)], s), byKind: make(map[Kind]int, len(cur.byKind)+1)}
	for k, i := range cur.byKind {
		next.byKind[k] = i
	}
	next.byKind[s.Kind] = len(next.specs) - 1
	current.Store(next)
	return nil
}

// Current returns the registry as it is now (a lock-free read: the
// classifier asks for it once per title it matches).
func Current() *Set { return current.Load() }

// All returns the registered kinds in registration order; the slice must
// not be changed.
func (s *Set) All() []Spec { return s.specs }

// Lookup returns the registration of k.
func (s *Set) Lookup(k Kind) (Spec, bool) {
	i, ok := s.byKind[k]
	if !ok {
		return Spec{}, false
	}
	return s.specs[i], true
}

// Known reports whether k names a registered kind.
func Known(k string) bool {
	_, ok := Current().byKind[Kind(k)]
	return ok
}

// Names lists the registered kinds' names in registration order.
func Names() []string {
	specs := Current().All()
	out := make([]string, len(specs))
	for i, s := range specs {
		out[i] = string(s.Kind)
	}
	return out
}
