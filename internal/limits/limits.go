// Package limits holds the safety limits every reader and the engine obey.
// Each limit has a named default, a config key (`limits:` in
// .tollgate.yaml) and a command-line form (`--limit KEY=VALUE`); hitting
// one is a TG-LIMIT-001 finding (TG-EVAL-001 for the evaluation
// deadlines) whose message names the key and how to raise it (Hint).
package limits

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Limits bounds the work done on one input. The zero value is not useful:
// start from Default().
type Limits struct {
	FileBytes      int64         `json:"file_bytes" yaml:"file_bytes"`           // size of one input file on disk
	PartBytes      int64         `json:"part_bytes" yaml:"part_bytes"`           // inflated size of one zip part
	PackageBytes   int64         `json:"package_bytes" yaml:"package_bytes"`     // inflated size of all parts read from one package
	ZipEntries     int           `json:"zip_entries" yaml:"zip_entries"`         // entries in one zip package
	XMLDepth       int           `json:"xml_depth" yaml:"xml_depth"`             // element nesting depth in one XML part
	Rows           int           `json:"rows" yaml:"rows"`                       // rows read from one sheet
	Columns        int           `json:"columns" yaml:"columns"`                 // columns read from one row
	Cells          int64         `json:"cells" yaml:"cells"`                     // cells read from one workbook
	TableCells     int64         `json:"table_cells" yaml:"table_cells"`         // table cells read from one Word/Markdown document
	SharedStrings  int64         `json:"shared_strings" yaml:"shared_strings"`   // bytes of the shared-strings part
	MarkdownBytes  int64         `json:"markdown_bytes" yaml:"markdown_bytes"`   // size of one Markdown/CSV/JSON/YAML file
	ReadTimeout    time.Duration `json:"read_timeout" yaml:"read_timeout"`       // wall-clock time to read one file
	EvalTimeout    time.Duration `json:"eval_timeout" yaml:"eval_timeout"`       // wall-clock time to evaluate the rules on one document
	ProjectTimeout time.Duration `json:"project_timeout" yaml:"project_timeout"` // wall-clock time for the project (cross-document) rules
	EvalMemory     int64         `json:"eval_memory" yaml:"eval_memory"`         // memory rule evaluation may take beyond what the run held before it
	RunTimeout     time.Duration `json:"run_timeout" yaml:"run_timeout"`         // wall-clock time for the whole run
	PolicyBytes    int64         `json:"policy_bytes" yaml:"policy_bytes"`       // total size of the user policy files
	DataBytes      int64         `json:"data_bytes" yaml:"data_bytes"`           // total size of the user data files
	CompileTimeout time.Duration `json:"compile_timeout" yaml:"compile_timeout"` // wall-clock time to compile the rules
}

// Named defaults, one per limit (Default returns them together).
//
// Memory: the defaults keep a run of files each at the default limits
// within a 7 GiB CI runner (GitHub's) at the default --jobs (one per CPU,
// 4 on GitHub's public runners). Measured (issue 11, 2 cores): a CSV
// schedule at rows = 100,000 (4.5 MB) peaked at 1.07 GB, against 7.7 GB
// for 690,000 rows under the former 1,000,000-row and 32 MiB limits; a
// Markdown table costs about 1.6 KB a cell (250,000 cells in 2 MB: 0.42
// GB; the former 2,000,000-cell limit let a 5.8 MB table take 2.3 GB).
// Four such files and the evaluation budget (eval_memory) stay under
// 6 GB.
const (
	DefaultFileBytes      int64         = 256 << 20
	DefaultPartBytes      int64         = 64 << 20
	DefaultPackageBytes   int64         = 256 << 20
	DefaultZipEntries                   = 10000
	DefaultXMLDepth                     = 256
	DefaultRows                         = 100_000
	DefaultColumns                      = 16384 // Excel's own maximum (XFD)
	DefaultCells          int64         = 2_000_000
	DefaultTableCells     int64         = 250_000
	DefaultSharedStrings  int64         = 64 << 20
	DefaultMarkdownBytes  int64         = 16 << 20
	DefaultReadTimeout    time.Duration = 30 * time.Second
	DefaultEvalTimeout    time.Duration = 10 * time.Second
	DefaultProjectTimeout time.Duration = 60 * time.Second
	DefaultEvalMemory     int64         = 1 << 30
	DefaultRunTimeout     time.Duration = 30 * time.Minute
	DefaultPolicyBytes    int64         = 4 << 20 // the built-in packs are 0.6 MB
	DefaultDataBytes      int64         = 16 << 20
	DefaultCompileTimeout time.Duration = 60 * time.Second
)

// Default returns the limits used when the configuration names none.
func Default() Limits {
	return Limits{
		FileBytes:      DefaultFileBytes,
		PartBytes:      DefaultPartBytes,
		PackageBytes:   DefaultPackageBytes,
		ZipEntries:     DefaultZipEntries,
		XMLDepth:       DefaultXMLDepth,
		Rows:           DefaultRows,
		Columns:        DefaultColumns,
		Cells:          DefaultCells,
		TableCells:     DefaultTableCells,
		SharedStrings:  DefaultSharedStrings,
		MarkdownBytes:  DefaultMarkdownBytes,
		ReadTimeout:    DefaultReadTimeout,
		EvalTimeout:    DefaultEvalTimeout,
		ProjectTimeout: DefaultProjectTimeout,
		EvalMemory:     DefaultEvalMemory,
		RunTimeout:     DefaultRunTimeout,
		PolicyBytes:    DefaultPolicyBytes,
		DataBytes:      DefaultDataBytes,
		CompileTimeout: DefaultCompileTimeout,
	}
}

// Key names for config (`limits.<key>`) and flags (`--limit <key>=…`).
const (
	KeyFileBytes      = "file_bytes"
	KeyPartBytes      = "part_bytes"
	KeyPackageBytes   = "package_bytes"
	KeyZipEntries     = "zip_entries"
	KeyXMLDepth       = "xml_depth"
	KeyRows           = "rows"
	KeyColumns        = "columns"
	KeyCells          = "cells"
	KeyTableCells     = "table_cells"
	KeySharedStrings  = "shared_strings"
	KeyMarkdownBytes  = "markdown_bytes"
	KeyReadTimeout    = "read_timeout"
	KeyEvalTimeout    = "eval_timeout"
	KeyProjectTimeout = "project_timeout"
	KeyEvalMemory     = "eval_memory"
	KeyRunTimeout     = "run_timeout"
	KeyPolicyBytes    = "policy_bytes"
	KeyDataBytes      = "data_bytes"
	KeyCompileTimeout = "compile_timeout"
)

// unit is how a limit's value is written.
type unit int

const (
	size     unit = iota // bytes: 64MiB, 1GB, 1048576
	count                // a plain positive integer
	duration             // a Go duration: 10s, 2m
)

// field binds one key to its Limits field.
type field struct {
	key  string
	unit unit
	i64  func(*Limits) *int64
	i    func(*Limits) *int
	d    func(*Limits) *time.Duration
}

var fields = []field{
	{key: KeyFileBytes, unit: size, i64: func(l *Limits) *int64 { return &l.FileBytes }},
	{key: KeyPartBytes, unit: size, i64: func(l *Limits) *int64 { return &l.PartBytes }},
	{key: KeyPackageBytes, unit: size, i64: func(l *Limits) *int64 { return &l.PackageBytes }},
	{key: KeyZipEntries, unit: count, i: func(l *Limits) *int { return &l.ZipEntries }},
	{key: KeyXMLDepth, unit: count, i: func(l *Limits) *int { return &l.XMLDepth }},
	{key: KeyRows, unit: count, i: func(l *Limits) *int { return &l.Rows }},
	{key: KeyColumns, unit: count, i: func(l *Limits) *int { return &l.Columns }},
	{key: KeyCells, unit: count, i64: func(l *Limits) *int64 { return &l.Cells }},
	{key: KeyTableCells, unit: count, i64: func(l *Limits) *int64 { return &l.TableCells }},
	{key: KeySharedStrings, unit: size, i64: func(l *Limits) *int64 { return &l.SharedStrings }},
	{key: KeyMarkdownBytes, unit: size, i64: func(l *Limits) *int64 { return &l.MarkdownBytes }},
	{key: KeyReadTimeout, unit: duration, d: func(l *Limits) *time.Duration { return &l.ReadTimeout }},
	{key: KeyEvalTimeout, unit: duration, d: func(l *Limits) *time.Duration { return &l.EvalTimeout }},
	{key: KeyProjectTimeout, unit: duration, d: func(l *Limits) *time.Duration { return &l.ProjectTimeout }},
	{key: KeyEvalMemory, unit: size, i64: func(l *Limits) *int64 { return &l.EvalMemory }},
	{key: KeyRunTimeout, unit: duration, d: func(l *Limits) *time.Duration { return &l.RunTimeout }},
	{key: KeyPolicyBytes, unit: size, i64: func(l *Limits) *int64 { return &l.PolicyBytes }},
	{key: KeyDataBytes, unit: size, i64: func(l *Limits) *int64 { return &l.DataBytes }},
	{key: KeyCompileTimeout, unit: duration, d: func(l *Limits) *time.Duration { return &l.CompileTimeout }},
}

// Keys lists every limit key in a stable order.
func Keys() []string {
	ks := make([]string, len(fields))
	for i, f := range fields {
		ks[i] = f.key
	}
	return ks
}

func lookup(key string) (field, bool) {
	for _, f := range fields {
		if f.key == key {
			return f, true
		}
	}
	return field{}, false
}

// Set parses value for the limit named key. Sizes accept plain numbers or
// KiB/MiB/GiB (KB/MB/GB) suffixes; counts are positive integers; times
// are Go durations ("10s").
func (l *Limits) Set(key, value string) error {
	f, ok := lookup(key)
	if !ok {
		return fmt.Errorf("unknown limit %q (known: %s)", key, strings.Join(Keys(), ", "))
	}
	switch f.unit {
	case size:
		n, err := parseBytes(value)
		if err != nil {
			return err
		}
		*f.i64(l) = n
	case count:
		n, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64)
		if err != nil || n <= 0 {
			return fmt.Errorf("%q is not a positive whole number", value)
		}
		if f.i != nil {
			*f.i(l) = int(n)
		} else {
			*f.i64(l) = n
		}
	case duration:
		d, err := time.ParseDuration(strings.TrimSpace(value))
		if err != nil || d <= 0 {
			return fmt.Errorf("%q is not a positive duration (e.g. 10s)", value)
		}
		*f.d(l) = d
	}
	return nil
}

// Min is, limit by limit, the lower of a and b: a trusted configuration's
// limits tightened by the checked tree's (config.Merge).
func Min(a, b Limits) Limits {
	out := a
	for _, f := range fields {
		switch {
		case f.i64 != nil:
			*f.i64(&out) = min(*f.i64(&a), *f.i64(&b))
		case f.i != nil:
			*f.i(&out) = min(*f.i(&a), *f.i(&b))
		default:
			*f.d(&out) = min(*f.d(&a), *f.d(&b))
		}
	}
	return out
}

// Value renders the limit named key the way Set reads it ("64MiB", "10s").
func (l Limits) Value(key string) string {
	f, ok := lookup(key)
	if !ok {
		return ""
	}
	switch {
	case f.unit == size:
		return FormatBytes(*f.i64(&l))
	case f.i != nil:
		return strconv.Itoa(*f.i(&l))
	case f.i64 != nil:
		return strconv.FormatInt(*f.i64(&l), 10)
	default:
		return f.d(&l).String()
	}
}

// Hint says how to raise the limit named key: the flag and the config
// key, with the default for scale. Every limit finding ends with it.
func Hint(key string) string {
	return fmt.Sprintf("to allow more, use --limit %s=VALUE or set limits.%s in .tollgate.yaml (default %s)",
		key, key, Default().Value(key))
}

func parseBytes(s string) (int64, error) {
	orig := s
	s = strings.TrimSpace(s)
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		m      int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"GB", 1e9}, {"MB", 1e6}, {"KB", 1e3}, {"B", 1}} {
		if strings.HasSuffix(s, u.suffix) {
			mult = u.m
			s = strings.TrimSpace(strings.TrimSuffix(s, u.suffix))
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 || n > (1<<62)/mult {
		return 0, fmt.Errorf("%q is not a positive size (e.g. 64MiB)", orig)
	}
	return n * mult, nil
}

// FormatBytes renders a byte count the way limits are written ("64MiB").
func FormatBytes(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%dGiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%dMiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%dKiB", n>>10)
	default:
		return strconv.FormatInt(n, 10)
	}
}
