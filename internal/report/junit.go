package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/finding"
)

// JUnit renders JUnit XML for CI test tabs: one testsuite per document
// (and one for the submission's project rules), one testcase per rule
// that applied there, named "RULE-ID: title" so names are stable across
// runs. Failing findings are failures; not assessable and waived are
// skipped, with why. encoding/xml escapes every value (and replaces
// characters XML cannot hold), so no document text can change the shape.
type JUnit struct{}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string          `xml:"name,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Skipped    int             `xml:"skipped,attr"`
	Properties []junitProperty `xml:"properties>property,omitempty"`
	Cases      []junitCase     `xml:"testcase"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Body    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

// Render writes the JUnit XML.
func (JUnit) Render(w io.Writer, r *finding.Result) error {
	idx := ruleIndex(r)
	status := checkStatus(r)
	byKey := map[[2]string][]finding.Finding{}
	for _, f := range r.Findings {
		k := [2]string{f.Rule, f.Path}
		byKey[k] = append(byKey[k], f)
	}
	rulesOf := map[string][]string{}
	for k := range status {
		rulesOf[k[1]] = append(rulesOf[k[1]], k[0])
	}
	paths := make([]string, 0, len(r.Documents)+1)
	for _, d := range r.Documents {
		paths = append(paths, d.Path)
	}
	var extra []string
	for p := range rulesOf {
		if p != "" && !slices.Contains(paths, p) {
			extra = append(extra, p)
		}
	}
	slices.Sort(extra)
	paths = append(append(paths, ""), extra...)

	out := junitSuites{Name: "tollgate"}
	for i, p := range paths {
		rules := rulesOf[p]
		if len(rules) == 0 && (p == "" || i >= len(r.Documents)) {
			continue
		}
		slices.Sort(rules)
		s := junitSuite{Name: docLabel(p), Cases: []junitCase{}}
		if i < len(r.Documents) {
			d := r.Documents[i]
			s.Properties = []junitProperty{{"kind", d.Kind}, {"format", d.Format}, {"sha256", d.SHA256}, {"status", d.Status}}
		}
		if p == "" {
			s.Properties = []junitProperty{{"as_of", r.Run.AsOf}, {"tool_version", r.Tool.Version},
				{"opa_version", r.Tool.OPAVersion}, {"policy_digest", r.Run.PolicyDigest}, {"config_digest", r.Run.ConfigDigest}}
		}
		for _, id := range rules {
			ru := idx[id]
			c := junitCase{Name: id + ": " + firstNonEmptyStr(ru.Title, id), Classname: docLabel(p)}
			fs := byKey[[2]string{id, p}]
			switch status[[2]string{id, p}] {
			case finding.Fail:
				c.Failure = junitFailureOf(fs, ru)
				s.Failures++
			case finding.Waived:
				c.Skipped = &junitSkipped{Message: "waived: " + waiverText(fs)}
				s.Skipped++
			case finding.NotAssessable:
				c.Skipped = &junitSkipped{Message: "not assessable: " + messages(fs, finding.NotAssessable)}
				s.Skipped++
			case finding.NotApplicable:
				continue // the rule did not apply here: no testcase
			}
			s.Cases = append(s.Cases, c)
		}
		s.Tests = len(s.Cases)
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Skipped += s.Skipped
		out.Suites = append(out.Suites, s)
	}
	return WriteXML(w, out)
}

// WriteXML writes v as an XML document the way every JUnit file tollgate
// writes is laid out: the XML header, two-space indent, a final newline.
func WriteXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func junitFailureOf(fs []finding.Finding, ru finding.Rule) *junitFailure {
	var body strings.Builder
	var first string
	sev := string(ru.Severity)
	for _, f := range fs {
		if !failing(f) {
			continue
		}
		if first == "" {
			first, sev = f.Message, string(f.Severity)
		}
		fmt.Fprintf(&body, "%s: %s\n  at %s\n", f.Severity, f.Message, fullWhere(f))
	}
	if fix := ru.Remediation; fix != "" {
		fmt.Fprintf(&body, "fix: %s\n", fix)
	}
	return &junitFailure{Message: first, Type: sev, Body: body.String()}
}

func waiverText(fs []finding.Finding) string {
	for _, f := range fs {
		if f.Waiver != nil {
			s := f.Waiver.Reason + " (approved by " + f.Waiver.ApprovedBy
			if f.Waiver.Expires != "" {
				s += ", expires " + f.Waiver.Expires
			}
			return s + ")"
		}
	}
	return "every finding is waived"
}

func messages(fs []finding.Finding, st finding.Status) string {
	var ms []string
	for _, f := range fs {
		if f.Status == st {
			ms = append(ms, f.Message)
		}
	}
	if len(ms) == 0 {
		return "the rule could not judge this document"
	}
	return strings.Join(ms, "; ")
}
