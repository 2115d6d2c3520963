// Package config loads and checks .tollgate.yaml (docs/architecture.md,
// "Configuration"). Flags override the file; the file overrides defaults.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/tollgate-dev/tollgate/internal/fsguard"
	"github.com/tollgate-dev/tollgate/internal/glob"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

// FileName is the configuration file looked for at the root of a checked tree.
const FileName = ".tollgate.yaml"

// maxConfigBytes bounds the configuration file: it is small by nature, and a
// YAML alias bomb must not get the chance to expand.
const maxConfigBytes = 1 << 20

// Config is the parsed .tollgate.yaml.
type Config struct {
	Project    Project              `yaml:"project"`
	Documents  Documents            `yaml:"documents"`
	Packs      []string             `yaml:"packs"`
	Policies   []string             `yaml:"policies"`
	Data       []string             `yaml:"data"`
	Severity   map[string]string    `yaml:"severity"`
	Thresholds map[string]any       `yaml:"thresholds"`
	Approvers  map[string][]string  `yaml:"approvers"`
	Waivers    []Waiver             `yaml:"waivers"`
	Limits     map[string]yaml.Node `yaml:"limits"`
	FailOn     string               `yaml:"fail_on"`
	FailOnNew  bool                 `yaml:"fail_on_new"`
	// Trust, in a trusted configuration (--trusted-config), says what the
	// checked tree's own configuration may do (trust.go); ignored in the
	// tree's.
	Trust *Trust `yaml:"trust"`

	// SeverityTighten are severity overrides of an untrusted configuration
	// that apply only where they raise a rule's severity (set by Merge).
	SeverityTighten map[string]string `yaml:"-"`
	// untrusted is the checked tree's configuration merged under this
	// trusted one (Merge): its limits count only where lower, its
	// policies and data stay confined to its own directory.
	untrusted *Config

	// Dir is the directory the file was read from ("" when none was read):
	// relative policies/data paths are resolved against it.
	Dir string `yaml:"-"`
	// Digest is the sha256 of the file bytes ("" when none was read).
	Digest string `yaml:"-"`
}

// Project holds the program facts rules read as data.tollgate.project.
type Project struct {
	Name         string        `yaml:"name" json:"name,omitempty"`
	AsOf         string        `yaml:"as_of" json:"as_of,omitempty"`
	StatusDate   string        `yaml:"status_date" json:"status_date,omitempty"`
	Phase        *int          `yaml:"phase" json:"phase,omitempty"`
	Framework    string        `yaml:"framework" json:"framework,omitempty"`
	Execution    *Execution    `yaml:"execution" json:"execution,omitempty"`
	PhaseWindows []PhaseWindow `yaml:"phase_windows" json:"phase_windows,omitempty"`
	// TailoredOut lists M3 key tasks (e.g. "4.15") the program decided not
	// to perform (M3 Services Tailoring Guide): M3-IMS-01 does not ask the
	// IMS for them.
	TailoredOut []string `yaml:"tailored_out" json:"tailored_out,omitempty"`
}

// Execution selects which schedule tasks are "execution" work (XDOC-001).
type Execution struct {
	PhaseAtLeast *int   `yaml:"phase_at_least" json:"phase_at_least,omitempty"`
	WBSPrefix    string `yaml:"wbs_prefix" json:"wbs_prefix,omitempty"`
	NameRegex    string `yaml:"name_regex" json:"name_regex,omitempty"`
}

// PhaseWindow is the planned window of one phase.
type PhaseWindow struct {
	Phase int    `yaml:"phase" json:"phase"`
	Start string `yaml:"start" json:"start"`
	End   string `yaml:"end" json:"end"`
}

// Documents selects and labels the files of a run.
type Documents struct {
	Exclude []string   `yaml:"exclude"`
	Kinds   []KindRule `yaml:"kinds"`
}

// KindRule says that files matching Path (a pattern of package glob) are
// of Kind, whatever the classifier would read in them.
type KindRule struct {
	Path string `json:"path" yaml:"path"`
	Kind string `json:"kind" yaml:"kind"`
}

// Waiver accepts one rule's findings on matching paths until it expires.
type Waiver struct {
	Rule       string `yaml:"rule" json:"rule"`
	Path       string `yaml:"path" json:"path"`
	Location   string `yaml:"location" json:"location,omitempty"`
	Reason     string `yaml:"reason" json:"reason"`
	ApprovedBy string `yaml:"approved_by" json:"approved_by"`
	Expires    string `yaml:"expires" json:"expires,omitempty"`
}

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// Load reads and checks the file at path.
func Load(path string) (*Config, error) {
	// A FIFO or a device named .tollgate.yaml must not hang the run.
	b, err := fsguard.ReadRegular(path, maxConfigBytes)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	c, err := Parse(b)
	if err != nil {
		return nil, fmt.Errorf("config %s: %w", path, err)
	}
	c.Dir = dirOf(path)
	c.Digest = digest(b)
	return c, nil
}

// Parse decodes and checks configuration bytes. Unknown keys are errors:
// a misspelt key silently ignored would change a verdict without a word.
func Parse(b []byte) (*Config, error) {
	var c Config
	if len(bytes.TrimSpace(b)) == 0 {
		return &c, nil
	}
	if err := checkAliases(b); err != nil {
		return nil, err
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	if err := c.check(); err != nil {
		return nil, err
	}
	return &c, nil
}

// checkAliases refuses YAML that uses aliases: a configuration has no need
// for them, and alias expansion is how YAML bombs grow.
func checkAliases(b []byte) error {
	var n yaml.Node
	if err := yaml.Unmarshal(b, &n); err != nil {
		return err
	}
	var walk func(*yaml.Node) error
	count := 0
	walk = func(n *yaml.Node) error {
		count++
		if count > 100000 {
			return errors.New("too many YAML nodes")
		}
		if n.Kind == yaml.AliasNode {
			return fmt.Errorf("line %d: YAML aliases are not allowed in configuration", n.Line)
		}
		for _, c := range n.Content {
			if err := walk(c); err != nil {
				return err
			}
		}
		return nil
	}
	return walk(&n)
}

func (c *Config) check() error {
	var errs []error
	for _, d := range []struct{ key, v string }{
		{"project.as_of", c.Project.AsOf},
		{"project.status_date", c.Project.StatusDate},
	} {
		if d.v != "" && !validDate(d.v) {
			errs = append(errs, fmt.Errorf("%s: %q is not a date (YYYY-MM-DD)", d.key, d.v))
		}
	}
	for i, w := range c.Project.PhaseWindows {
		if !validDate(w.Start) || !validDate(w.End) {
			errs = append(errs, fmt.Errorf("project.phase_windows[%d]: start and end must be dates (YYYY-MM-DD)", i))
		}
	}
	if e := c.Project.Execution; e != nil && e.NameRegex != "" {
		if _, err := regexp.Compile(e.NameRegex); err != nil {
			errs = append(errs, fmt.Errorf("project.execution.name_regex: %w", err))
		}
	}
	for rule, sev := range c.Severity {
		switch sev {
		case "error", "warning", "info", "off":
		default:
			errs = append(errs, fmt.Errorf("severity.%s: %q is not error, warning, info or off", rule, sev))
		}
	}
	// Every path pattern of the file is in the one dialect of package
	// glob; a malformed one is an error here rather than a silent no-match.
	for i, g := range c.Documents.Exclude {
		if err := glob.Check(g); err != nil {
			errs = append(errs, fmt.Errorf("documents.exclude[%d]: %w", i, err))
		}
	}
	for i, k := range c.Documents.Kinds {
		if err := glob.Check(k.Path); err != nil {
			errs = append(errs, fmt.Errorf("documents.kinds[%d].path: %w", i, err))
		}
	}
	for i, w := range c.Waivers {
		if err := glob.Check(w.Path); err != nil {
			errs = append(errs, fmt.Errorf("waivers[%d].path: %w", i, err))
		}
		if w.Rule == "" || w.Reason == "" || w.ApprovedBy == "" {
			errs = append(errs, fmt.Errorf("waivers[%d]: rule, reason and approved_by are required", i))
		}
		if w.Expires != "" && !validDate(w.Expires) {
			errs = append(errs, fmt.Errorf("waivers[%d].expires: %q is not a date (YYYY-MM-DD)", i, w.Expires))
		}
	}
	if c.FailOn != "" {
		if _, err := ParseFailOn(c.FailOn); err != nil {
			errs = append(errs, fmt.Errorf("fail_on: %w", err))
		}
	}
	if _, err := c.ApplyLimits(limits.Default()); err != nil {
		errs = append(errs, err)
	}
	if err := c.Trust.check(); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

func validDate(s string) bool {
	if !isoDate.MatchString(s) {
		return false
	}
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// ParseFailOn checks a --fail-on / fail_on value.
func ParseFailOn(s string) (string, error) {
	switch s {
	case "error", "warning", "info", "never":
		return s, nil
	}
	return "", fmt.Errorf("%q is not error, warning, info or never", s)
}

// ApplyLimits returns base with the configured limits applied (see
// limits.Limits.Set for how values are written). Under a trusted
// configuration (Merge), the checked tree's limits apply only where they
// are lower.
func (c *Config) ApplyLimits(base limits.Limits) (limits.Limits, error) {
	l, err := c.applyOwnLimits(base)
	if err != nil || c.untrusted == nil {
		return l, err
	}
	t, err := c.untrusted.applyOwnLimits(l)
	if err != nil {
		return l, err
	}
	return limits.Min(l, t), nil
}

func (c *Config) applyOwnLimits(base limits.Limits) (limits.Limits, error) {
	l := base
	keys := make([]string, 0, len(c.Limits))
	for k := range c.Limits {
		keys = append(keys, k)
	}
	sort.Strings(keys) // the first error is the same on every run
	for _, key := range keys {
		node := c.Limits[key]
		var raw string
		if err := node.Decode(&raw); err != nil {
			return l, fmt.Errorf("limits.%s: %w", key, err)
		}
		if err := l.Set(key, raw); err != nil {
			return l, fmt.Errorf("limits.%s: %w", key, err)
		}
	}
	return l, nil
}
