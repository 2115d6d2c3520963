// Package limits holds the safety limits every reader and the engine obey.
// Each limit has a named default and a config key (`limits:` in
// .tollgate.yaml); hitting one is a TG-LIMIT-001 finding that names the key.
package limits

import "time"

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
}

// Default returns the limits used when the configuration names none.
func Default() Limits {
	return Limits{
		FileBytes:      256 << 20,
		PartBytes:      64 << 20,
		PackageBytes:   256 << 20,
		ZipEntries:     10000,
		XMLDepth:       256,
		Rows:           1_000_000,
		Columns:        16384,
		Cells:          20_000_000,
		TableCells:     2_000_000,
		SharedStrings:  64 << 20,
		MarkdownBytes:  32 << 20,
		ReadTimeout:    30 * time.Second,
		EvalTimeout:    10 * time.Second,
		ProjectTimeout: 60 * time.Second,
	}
}
