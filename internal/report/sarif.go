package report

import (
	"encoding/json"
	"io"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/finding"
)

// SARIF renders SARIF 2.1.0 for code scanning (GitHub, Azure DevOps).
//
// The types are our own: github.com/owenrumney/go-sarif/v3 (v3.3.1, the
// SARIF library on the module proxy) was tried first, but its generated
// types serialize integer defaults without omitempty (every result gets
// "ruleIndex": 0, every artifactLocation "index": 0, "rank": 0), which
// ties every result to the first rule and the first artifact, and it
// brings gojsonschema along. The subset below is what we emit, each field
// omitted when unset; a test validates the output against the 2.1.0 schema.
type SARIF struct{}

const (
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifVersion = "2.1.0"
	toolInfoURI  = "https://github.com/tollgate-dev/tollgate"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations,omitempty"`
	Artifacts   []sarifArtifact   `json:"artifacts,omitempty"`
	Results     []sarifResult     `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string         `json:"name"`
	Version         string         `json:"version,omitempty"`
	SemanticVersion string         `json:"semanticVersion,omitempty"`
	InformationURI  string         `json:"informationUri,omitempty"`
	Rules           []sarifRule    `json:"rules"`
	Properties      map[string]any `json:"properties,omitempty"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name,omitempty"`
	ShortDescription     *sarifMultiMsg `json:"shortDescription,omitempty"`
	FullDescription      *sarifMultiMsg `json:"fullDescription,omitempty"`
	Help                 *sarifMultiMsg `json:"help,omitempty"`
	DefaultConfiguration *sarifConfig   `json:"defaultConfiguration,omitempty"`
	Properties           map[string]any `json:"properties,omitempty"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifMultiMsg struct {
	Text string `json:"text"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool           `json:"executionSuccessful"`
	CommandLine         string         `json:"commandLine,omitempty"`
	Properties          map[string]any `json:"properties,omitempty"`
}

type sarifArtifactLoc struct {
	URI   string `json:"uri,omitempty"`
	Index *int   `json:"index,omitempty"`
}

type sarifArtifact struct {
	Location   sarifArtifactLoc  `json:"location"`
	Length     int64             `json:"length,omitempty"`
	Hashes     map[string]string `json:"hashes,omitempty"`
	Properties map[string]any    `json:"properties,omitempty"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           *int               `json:"ruleIndex,omitempty"`
	Level               string             `json:"level"`
	Message             sarifMessage       `json:"message"`
	Locations           []sarifLocation    `json:"locations,omitempty"`
	PartialFingerprints map[string]string  `json:"partialFingerprints,omitempty"`
	BaselineState       string             `json:"baselineState,omitempty"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
	Properties          map[string]any     `json:"properties,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation *sarifPhysicalLocation `json:"physicalLocation,omitempty"`
	LogicalLocations []sarifLogicalLocation `json:"logicalLocations,omitempty"`
	Message          *sarifMessage          `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
	Region           *sarifRegion     `json:"region,omitempty"`
}

type sarifRegion struct {
	StartLine int `json:"startLine"`
}

type sarifLogicalLocation struct {
	Name               string `json:"name,omitempty"`
	FullyQualifiedName string `json:"fullyQualifiedName,omitempty"`
	Kind               string `json:"kind,omitempty"`
}

type sarifSuppression struct {
	Kind          string         `json:"kind"`
	Status        string         `json:"status,omitempty"`
	Justification string         `json:"justification,omitempty"`
	Properties    map[string]any `json:"properties,omitempty"`
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s finding.Severity) string {
	switch s {
	case finding.Error:
		return "error"
	case finding.Warning:
		return "warning"
	case finding.Info:
		return "note"
	}
	return "none"
}

// Render writes the SARIF log.
func (SARIF) Render(w io.Writer, r *finding.Result) error {
	idx := ruleIndex(r)
	rules := usedRules(r)
	ruleAt := map[string]int{}
	drv := sarifDriver{Name: "tollgate", Version: r.Tool.Version, InformationURI: toolInfoURI,
		Rules: []sarifRule{}, Properties: map[string]any{"opa_version": r.Tool.OPAVersion}}
	if strings.Count(r.Tool.Version, ".") == 2 {
		drv.SemanticVersion = r.Tool.Version
	}
	for i, ru := range rules {
		ruleAt[ru.ID] = i
		drv.Rules = append(drv.Rules, sarifDescriptor(ru))
	}

	run := sarifRun{Tool: sarifTool{Driver: drv}, Results: []sarifResult{}}
	run.Invocations = []sarifInvocation{{
		ExecutionSuccessful: true,
		CommandLine:         r.Run.Command,
		Properties:          auditProperties(r),
	}}
	artAt := map[string]int{}
	for _, d := range r.Documents {
		a := sarifArtifact{Location: sarifArtifactLoc{URI: uri(r.Run.Root, d.Path)}, Length: d.Size,
			Properties: map[string]any{"kind": d.Kind, "format": d.Format, "status": d.Status}}
		if d.SHA256 != "" {
			a.Hashes = map[string]string{"sha-256": d.SHA256}
		}
		artAt[d.Path] = len(run.Artifacts)
		run.Artifacts = append(run.Artifacts, a)
	}
	for _, f := range r.Findings {
		if f.Status == finding.NotAssessable {
			continue // not a defect: the matrix and reports show it
		}
		ru := idx[f.Rule]
		res := sarifResult{
			RuleID:  f.Rule,
			Level:   sarifLevel(f.Severity),
			Message: sarifMessage{Text: sarifText(f)},
			PartialFingerprints: map[string]string{
				// The finding id (rule, path, location, message), and one
				// without the location, which rows inserted above a defect
				// do not change.
				"tollgateFindingId/v1": f.ID,
				"tollgateDefect/v1":    finding.Fingerprint(f.Rule, f.Path, f.Scope, f.Message),
			},
			Properties: map[string]any{"location": fullWhere(f)},
		}
		if i, ok := ruleAt[f.Rule]; ok {
			res.RuleIndex = &i
		}
		if ru.Remediation != "" || f.Remediation != "" {
			res.Properties["remediation"] = firstNonEmptyStr(f.Remediation, ru.Remediation)
		}
		switch f.Baseline {
		case "new":
			res.BaselineState = "new"
		case "existing":
			res.BaselineState = "unchanged"
		}
		if f.Path != "" {
			loc := sarifLocation{PhysicalLocation: &sarifPhysicalLocation{
				ArtifactLocation: sarifArtifactLoc{URI: uri(r.Run.Root, f.Path)},
			}}
			if i, ok := artAt[f.Path]; ok {
				loc.PhysicalLocation.ArtifactLocation.Index = &i
			}
			if f.Location.Line > 0 {
				loc.PhysicalLocation.Region = &sarifRegion{StartLine: f.Location.Line}
			}
			if w := where(f.Location); w != "" && f.Location.Line == 0 {
				// Word and Excel addresses have no line: a logical location.
				loc.LogicalLocations = []sarifLogicalLocation{{Name: w, FullyQualifiedName: fullWhere(f), Kind: "element"}}
			}
			res.Locations = []sarifLocation{loc}
		} else {
			// A submission-level finding (a project rule) belongs to no
			// one document; code scanning wants a file, so it is placed
			// on the configuration that defines the submission (or the
			// checked directory), named "submission" logically.
			target := uri(r.Run.Root, ".")
			if r.Run.ConfigDigest != "" {
				target = uri(r.Run.Root, ".tollgate.yaml")
			}
			res.Locations = []sarifLocation{{
				PhysicalLocation: &sarifPhysicalLocation{ArtifactLocation: sarifArtifactLoc{URI: target}},
				LogicalLocations: []sarifLogicalLocation{{Name: "submission", Kind: "module"}},
			}}
		}
		if f.Status == finding.Waived && f.Waiver != nil {
			res.Suppressions = []sarifSuppression{{
				Kind: "external", Status: "accepted", Justification: f.Waiver.Reason,
				Properties: map[string]any{"approved_by": f.Waiver.ApprovedBy, "expires": f.Waiver.Expires},
			}}
		}
		run.Results = append(run.Results, res)
	}
	log := sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

// sarifText is the result message: the finding's own words, then where it
// is when the location has no line (Word and Excel addresses), so the
// address shows wherever the message does.
func sarifText(f finding.Finding) string {
	msg := f.Message
	if msg == "" {
		msg = f.Title
	}
	if f.Location.Line == 0 && (where(f.Location) != "" || f.Path == "") {
		msg += " (" + fullWhere(f) + ")"
	}
	return msg
}

func sarifDescriptor(ru finding.Rule) sarifRule {
	help := ru.Remediation
	if ru.Source != "" {
		if help != "" {
			help += "\n\n"
		}
		help += "Source: " + ru.Source
	}
	d := sarifRule{
		ID:                   ru.ID,
		Name:                 ruleName(ru.ID),
		ShortDescription:     &sarifMultiMsg{Text: firstNonEmptyStr(ru.Title, ru.ID)},
		FullDescription:      &sarifMultiMsg{Text: firstNonEmptyStr(ru.Description, ru.Title, ru.ID)},
		DefaultConfiguration: &sarifConfig{Level: sarifLevel(ru.Severity)},
		Properties:           map[string]any{"pack": ru.Pack, "tags": []string{"tollgate", firstNonEmptyStr(ru.Pack, "tool")}},
	}
	if help != "" {
		d.Help = &sarifMultiMsg{Text: help}
	}
	return d
}

// ruleName is a PascalCase name from a rule ID (SARIF names are
// identifiers): "SCHED-DCMA-05" → "SchedDcma05".
func ruleName(id string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(id, func(r rune) bool { return r == '-' || r == '_' || r == '.' }) {
		b.WriteString(strings.ToUpper(part[:1]) + strings.ToLower(part[1:]))
	}
	return b.String()
}

// auditProperties is the audit record as a property bag.
func auditProperties(r *finding.Result) map[string]any {
	inputs := map[string]string{}
	for _, d := range r.Documents {
		inputs[d.Path] = d.SHA256
	}
	return map[string]any{
		"tool_version":  r.Tool.Version,
		"opa_version":   r.Tool.OPAVersion,
		"policy_digest": r.Run.PolicyDigest,
		"config_digest": r.Run.ConfigDigest,
		"as_of":         r.Run.AsOf,
		"inputs":        inputs,
		"verdict":       r.Summary.Verdict,
	}
}

func firstNonEmptyStr(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
