package policy_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/classify"
	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/extract/markdown"
	"github.com/tollgate-dev/tollgate/internal/kind"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/normalize"
	"github.com/tollgate-dev/tollgate/internal/policy"
	"github.com/tollgate-dev/tollgate/internal/schema"
)

// This is the walkthrough of "Adding a kind" (docs/architecture.md) done
// in a test (here, beside the engine whose test helper EvalMap judges a
// payload no Artifact field carries): a small kind, meeting minutes with one payload field, is
// registered through normalize.Register with its signals, schema, payload
// and normalizer, and a rule for it is written in a policy directory.
// A Markdown document titled "Meeting Minutes" is then classified as the
// kind, normalized by its normalizer, validated by its schema and judged
// by its rule.

const minutes kind.Kind = "meeting_minutes"

// minutesPayload is the kind's payload. A real kind declares it in
// internal/artifact/<kind>.go with its field on artifact.Artifact
// (`json:"meeting_minutes,omitempty"`) and registers
// func(a *artifact.Artifact) any { return a.MeetingMinutes }; a test cannot
// add a field to Artifact, so here the payloads are kept beside the
// artifacts and the test puts the payload under the kind's key itself
// (generic), where the field's JSON key would put it.
type minutesPayload struct {
	Decisions []string `json:"decisions"`
}

var (
	payloadsMu sync.Mutex
	payloads   = map[*artifact.Artifact]*minutesPayload{}
)

const minutesSchema = `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "meeting_minutes payload",
  "type": "object",
  "required": ["decisions"],
  "properties": {
    "decisions": {"description": "Decisions the meeting recorded.", "type": "array", "items": {"type": "string", "minLength": 1}}
  }
}`

// normalizeMinutes reads the list items under a "Decisions" heading.
func normalizeMinutes(d *normalize.Doc, a *artifact.Artifact, _ normalize.Options) {
	p := &minutesPayload{Decisions: []string{}}
	in := false
	for _, b := range d.Tree.Blocks {
		switch {
		case b.Kind == document.BlockHeading:
			in = strings.EqualFold(strings.TrimSpace(b.Text), "Decisions")
		case in && b.Kind == document.BlockParagraph && b.List:
			for _, line := range strings.Split(b.Text, "\n") {
				if line = strings.TrimSpace(line); line != "" {
					p.Decisions = append(p.Decisions, line)
				}
			}
		}
	}
	a.FieldsFound = append(a.FieldsFound, "meeting_minutes.decisions")
	payloadsMu.Lock()
	payloads[a] = p
	payloadsMu.Unlock()
}

func minutesOf(a *artifact.Artifact) any {
	payloadsMu.Lock()
	defer payloadsMu.Unlock()
	return payloads[a]
}

// registerMinutes is the one registration of the kind. Kinds register
// before the first document is read: the schemas compile at the first
// validation, with the kinds registered by then.
var registerMinutes = sync.OnceValue(func() error {
	return normalize.Register(normalize.PayloadKind(minutes,
		kind.Signals{Titles: []string{"Meeting Minutes", "Minutes of Meeting"}},
		[]byte(minutesSchema), minutesOf, normalizeMinutes))
})

const minutesRule = `# METADATA
# title: Meeting minutes record decisions
# custom:
#   id: TEST-MINUTES-001
#   severity: error
#   kinds: [meeting_minutes]
#   remediation: List the meeting's decisions under a Decisions heading.
package test.minutes

deny contains msg if {
	count(input.meeting_minutes.decisions) == 0
	msg := "the minutes record no decisions"
}
`

func TestANewKindThroughItsRegistration(t *testing.T) {
	if err := registerMinutes(); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "minutes.rego"), []byte(minutesRule), 0o644); err != nil {
		t.Fatal(err)
	}
	// Only the user rule (and lib): no built-in pack is named "none".
	eng, err := policy.Compile(context.Background(), policy.Options{Packs: []string{"none"}, PolicyDirs: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		name, text string
		decisions  int
		violation  bool // the schema refuses the payload
		finding    bool // the rule fails the document
	}{
		{"decided", "# Meeting Minutes\n\nWeekly sync, 3 March.\n\n## Decisions\n\n- Adopt the new schedule\n- Hire a tester\n", 2, false, false},
		{"nothing decided", "# Meeting Minutes\n\nWeekly sync, 3 March.\n\n## Decisions\n\nNone this week.\n", 0, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tree, err := markdown.Read(context.Background(), bytes.NewReader([]byte(tc.text)), int64(len(tc.text)), "minutes.md", limits.Default())
			if err != nil {
				t.Fatal(err)
			}
			c := classify.Classify(tree, "minutes.md", classify.Options{})
			if c.Kind != minutes || c.Source != classify.SourceTitle {
				t.Fatalf("classified %+v, want %s by its title", c, minutes)
			}
			a := normalize.Normalize(tree, c, normalize.Options{})
			reg, _ := normalize.Lookup(minutes)
			p, _ := reg.Payload(a).(*minutesPayload)
			if p == nil || len(p.Decisions) != tc.decisions {
				t.Fatalf("payload %+v, want %d decisions", p, tc.decisions)
			}
			m := generic(t, a, p)
			if vs := schema.Validate(m); len(vs) != 0 {
				t.Fatalf("schema violations on a well-formed payload: %+v", vs)
			}
			out, err := eng.EvalMap(context.Background(), m)
			if err != nil {
				t.Fatal(err)
			}
			if got := failed(out, "TEST-MINUTES-001"); got != tc.finding {
				t.Errorf("TEST-MINUTES-001 failed = %v, want %v (findings %+v)", got, tc.finding, out.Findings)
			}
		})
	}

	// The kind's schema is the one applied to its payload: a decision that
	// is an empty string breaks its minLength.
	a := &artifact.Artifact{SchemaVersion: artifact.SchemaVersion, Kind: minutes}
	m := generic(t, a, &minutesPayload{Decisions: []string{""}})
	vs := schema.Validate(m)
	if len(vs) == 0 || !strings.HasPrefix(vs[len(vs)-1].Pointer, "/meeting_minutes/decisions/0") {
		t.Errorf("an empty decision: violations %+v, want one at /meeting_minutes/decisions/0", vs)
	}
}

// generic is the artifact as schemas and rules see it, with the payload
// under the kind's key (see minutesPayload).
func generic(t *testing.T, a *artifact.Artifact, p *minutesPayload) map[string]any {
	t.Helper()
	m, err := a.Map()
	if err != nil {
		t.Fatal(err)
	}
	g, err := artifact.Walk[any](artifact.Generic{}, p)
	if err != nil {
		t.Fatal(err)
	}
	m[string(minutes)] = g
	return m
}

// failed reports whether rule id failed the document.
func failed(out policy.Outcome, id string) bool {
	for _, f := range out.Findings {
		if f.Rule == id {
			return true
		}
	}
	return false
}

func TestRegisterChecksNames(t *testing.T) {
	for _, k := range []kind.Kind{"", "Minutes", "meeting minutes", "1st_kind"} {
		if err := kind.Register(kind.Spec{Kind: k, Signals: kind.Signals{DeclaredOnly: true}}); err == nil {
			t.Errorf("kind %q registered", k)
		}
	}
}
