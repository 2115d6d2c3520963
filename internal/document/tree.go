// Package document holds the format-neutral extraction tree: what a file says,
// with no opinion about what it means. Every reader (docx, xlsx, markdown, csv,
// mspdi, json/yaml) produces a *Tree; classify and normalize consume it.
package document

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/limits"
)

// Format names the container format of a source file. Values are the
// snake_case strings of the JSON contract (artifact source.format).
type Format string

const (
	FormatDocx  Format = "docx"
	FormatXlsx  Format = "xlsx"
	FormatXlsm  Format = "xlsm"
	FormatMD    Format = "md"
	FormatCSV   Format = "csv"
	FormatMSPDI Format = "mspdi"
	// FormatP6 is an Oracle Primavera P6 XML export (APIBusinessObjects).
	FormatP6   Format = "p6xml"
	FormatJSON Format = "json"
	FormatYAML Format = "yaml"
)

// Loc is the address every node and every finding carries. Only the fields
// that apply are set; all indexes are 1-based.
type Loc struct {
	Path      string `json:"path,omitempty"`
	Section   string `json:"section,omitempty"`   // heading path as text, e.g. "3.2 Scope"
	Paragraph int    `json:"paragraph,omitempty"` // body paragraph index (docx/md)
	Table     int    `json:"table,omitempty"`     // table index in the document
	Row       int    `json:"row,omitempty"`       // table row (docx/md) or sheet row (xlsx/csv)
	Column    int    `json:"column,omitempty"`    // table column (docx/md/csv)
	Sheet     string `json:"sheet,omitempty"`
	Cell      string `json:"cell,omitempty"` // A1 reference, e.g. "F42"
	Line      int    `json:"line,omitempty"` // Markdown/CSV/XML line
	Pointer   string `json:"pointer,omitempty"`
	Task      string `json:"task,omitempty"` // schedule task id/UID
}

// IsZero reports whether no field is set.
func (l Loc) IsZero() bool { return l == Loc{} }

// String renders a location the way a reviewer reads it:
// "Charter.docx › 3.2 Scope › table 2, row 4" or "IMS.xlsx › Schedule!F42".
func (l Loc) String() string {
	var parts []string
	if l.Path != "" {
		parts = append(parts, l.Path)
	}
	if l.Sheet != "" {
		s := l.Sheet
		switch {
		case l.Cell != "":
			s += "!" + l.Cell
		case l.Row > 0:
			s += " row " + strconv.Itoa(l.Row)
		}
		parts = append(parts, s)
	}
	if l.Section != "" {
		parts = append(parts, l.Section)
	}
	var detail []string
	if l.Table > 0 {
		detail = append(detail, "table "+strconv.Itoa(l.Table))
	}
	if l.Sheet == "" && l.Row > 0 {
		detail = append(detail, "row "+strconv.Itoa(l.Row))
	}
	if l.Sheet == "" && l.Column > 0 {
		detail = append(detail, "column "+strconv.Itoa(l.Column))
	}
	if l.Paragraph > 0 && l.Table == 0 {
		detail = append(detail, "paragraph "+strconv.Itoa(l.Paragraph))
	}
	if l.Line > 0 {
		detail = append(detail, "line "+strconv.Itoa(l.Line))
	}
	if l.Task != "" {
		detail = append(detail, "task "+l.Task)
	}
	if l.Pointer != "" {
		detail = append(detail, l.Pointer)
	}
	if len(detail) > 0 {
		parts = append(parts, strings.Join(detail, ", "))
	}
	return strings.Join(parts, " › ")
}

// Fault is a problem the tool itself found while reading a file: a TG-READ-*
// or TG-LIMIT-001 finding (RULES.md §16). A reader returns a *Fault as its
// error when the file cannot be read at all; it appends Faults to
// Tree.Faults when it read the file but part of it was lost or refused.
type Fault struct {
	Rule    string `json:"rule"`    // "TG-READ-001" … "TG-READ-006", "TG-LIMIT-001"
	Message string `json:"message"` // plain words: "legacy Word 97-2003 format: save as .docx"
	Loc     Loc    `json:"location"`
	// Limit is the limits key a TG-LIMIT-001 fault hit ("part_bytes").
	Limit string `json:"limit,omitempty"`
	Err   error  `json:"-"` // underlying cause, for %w and debugging
}

func (f *Fault) Error() string {
	if f.Err != nil {
		return fmt.Sprintf("%s: %s: %v", f.Rule, f.Message, f.Err)
	}
	return f.Rule + ": " + f.Message
}

func (f *Fault) Unwrap() error { return f.Err }

// Tool finding IDs raised by readers and the pipeline (RULES.md §16).
const (
	ReadCorrupt     = "TG-READ-001"
	ReadEncrypted   = "TG-READ-002"
	ReadLegacy      = "TG-READ-003"
	ReadUnsupported = "TG-READ-004"
	ReadPartialLoss = "TG-READ-005"
	ReadEmpty       = "TG-READ-006"
	ReadOutside     = "TG-READ-007" // a symbolic link out of the checked directory, not followed
	LimitHit        = "TG-LIMIT-001"
)

// Faultf builds a *Fault.
func Faultf(rule string, loc Loc, err error, format string, args ...any) *Fault {
	return &Fault{Rule: rule, Message: fmt.Sprintf(format, args...), Loc: loc, Err: err}
}

// LimitFault builds the TG-LIMIT-001 fault of the limit named key: the
// message ends with how to raise it (flag and config key), so every limit
// finding says the same thing the same way.
func LimitFault(key string, loc Loc, err error, format string, args ...any) *Fault {
	msg := fmt.Sprintf(format, args...) + "; " + limits.Hint(key)
	return &Fault{Rule: LimitHit, Message: msg, Loc: loc, Limit: key, Err: err}
}

// Tree is everything a reader extracted from one file.
type Tree struct {
	Path   string `json:"path"`
	Format Format `json:"format"`

	Properties Properties `json:"properties"`
	// FrontMatter is Markdown YAML front matter (or nil).
	FrontMatter map[string]any `json:"front_matter,omitempty"`

	// Blocks is the document body in reading order (docx, md).
	Blocks []Block `json:"blocks,omitempty"`
	// Sheets holds workbook sheets (xlsx/xlsm) or the single sheet of a CSV.
	Sheets []Sheet `json:"sheets,omitempty"`
	// Headers and footers text (docx), in part order.
	HeaderFooter []string `json:"header_footer,omitempty"`

	Comments        []Comment `json:"comments,omitempty"`
	TrackedChanges  int       `json:"tracked_changes,omitempty"` // count of w:ins/w:del
	ContentControls []Control `json:"content_controls,omitempty"`

	// Artifact is set when the file already holds a normalized artifact
	// (json/yaml with a top-level "kind"); normalize takes it as is.
	Artifact map[string]any `json:"artifact,omitempty"`
	// Schedule is set by structured schedule readers (MSPDI) that already
	// know tasks and links; normalize maps it into the schedule payload.
	Schedule *Schedule `json:"schedule,omitempty"`

	// Faults are partial-read problems (TG-READ-005, TG-LIMIT-001): the
	// file was read, but not all of it.
	Faults []*Fault `json:"faults,omitempty"`
	// Notes are reader observations that are not faults (duplicate zip
	// entry ignored, hidden sheet, DOCTYPE refused in an optional part).
	Notes []string `json:"notes,omitempty"`
}

// Properties are the package properties (docProps/core.xml, custom.xml).
type Properties struct {
	Title          string            `json:"title,omitempty"`
	Subject        string            `json:"subject,omitempty"`
	Creator        string            `json:"creator,omitempty"`
	LastModifiedBy string            `json:"last_modified_by,omitempty"`
	Created        string            `json:"created,omitempty"`  // RFC 3339 as written
	Modified       string            `json:"modified,omitempty"` // RFC 3339 as written
	ContentStatus  string            `json:"content_status,omitempty"`
	Version        string            `json:"version,omitempty"`
	Revision       string            `json:"revision,omitempty"`
	Keywords       string            `json:"keywords,omitempty"`
	Category       string            `json:"category,omitempty"`
	Custom         map[string]string `json:"custom,omitempty"`
}

// BlockKind says what a Block is.
type BlockKind string

const (
	BlockHeading   BlockKind = "heading"
	BlockParagraph BlockKind = "paragraph"
	BlockTable     BlockKind = "table"
)

// Block is one heading, paragraph or table of a document body.
type Block struct {
	Kind BlockKind `json:"kind"`
	// Level is the heading level (1..9); 0 for the document Title style.
	Level int `json:"level,omitempty"`
	// Number is the heading number ("3.2") from a literal prefix or list
	// numbering, without the trailing dot.
	Number string `json:"number,omitempty"`
	Style  string `json:"style,omitempty"` // style name as written ("Heading 1", "Title", "List Bullet")
	Text   string `json:"text,omitempty"`
	// List is true for list/bullet paragraphs (numPr or a list style, or a
	// Markdown list item).
	List bool `json:"list,omitempty"`
	// ListLevel is a list item's nesting (0 = top level), where the format
	// says it: an objective and the bullets that explain it are not all
	// objectives.
	ListLevel int    `json:"list_level,omitempty"`
	Table     *Table `json:"table,omitempty"`
	Loc       Loc    `json:"loc"`
}

// Table is a grid with merged cells already resolved: every row has one
// Cell per grid column; a horizontally merged (gridSpan) cell repeats its
// text in each covered column with Merged set on the copies, a vertically
// merged (vMerge) continuation carries the text of the cell above with
// Merged set.
type Table struct {
	Rows [][]Cell `json:"rows"`
	// HeaderRows is the count of rows marked as repeating headers
	// (w:tblHeader) or the Markdown header row; 0 when not marked.
	HeaderRows int    `json:"header_rows,omitempty"`
	Caption    string `json:"caption,omitempty"`
}

// Cell is one table or sheet cell. Its fields are ordered to keep it small:
// a 200,000-row sheet holds close to a million of them.
type Cell struct {
	Text string `json:"text"`
	// Loc is the cell's own address, set by the document readers (docx,
	// Markdown, CSV). The xlsx reader leaves it nil: a sheet cell's address
	// is its sheet, row number and column (CellLoc), and a Loc per cell
	// would be most of a large sheet's memory.
	Loc *Loc `json:"loc,omitempty"`

	// Spreadsheet-only typed value. Kind is "string", "number", "bool",
	// "date", "error" or "" (empty). For dates Date holds the ISO date
	// (YYYY-MM-DD) decided from the cell's number format and the
	// workbook's date system; Text then holds the displayed/raw text.
	Kind   string  `json:"kind,omitempty"`
	Number float64 `json:"number,omitempty"`
	Date   string  `json:"date,omitempty"`
	// Style is the formatting that tells something (nil when none does);
	// the cells of one workbook style share one value.
	Style *CellStyle `json:"style,omitempty"`
	// Merged marks a copy made when resolving gridSpan/vMerge/merged ranges.
	Merged  bool `json:"merged,omitempty"`
	Formula bool `json:"formula,omitempty"`
}

// CellStyle is the formatting of a sheet cell the normalizers read.
type CellStyle struct {
	Font   string `json:"font,omitempty"`   // set only for symbol fonts (Wingdings…)
	Indent int    `json:"indent,omitempty"` // alignment indent level
	Bold   bool   `json:"bold,omitempty"`
}

// Styled returns the cell's style, the zero style when it has none.
func (c *Cell) Styled() CellStyle {
	if c.Style == nil {
		return CellStyle{}
	}
	return *c.Style
}

// At returns the cell's own address, or the zero Loc when it has none.
func (c *Cell) At() Loc {
	if c.Loc == nil {
		return Loc{}
	}
	return *c.Loc
}

// CellLoc is the address of cell i (0-based column) of row r of sheet s
// in the file at path: the cell's own Loc when the reader set one, else
// the sheet, row and A1 reference.
func CellLoc(path string, s *Sheet, r *Row, i int) Loc {
	if i >= 0 && i < len(r.Cells) && r.Cells[i].Loc != nil {
		return *r.Cells[i].Loc
	}
	return Loc{Path: path, Sheet: s.Name, Row: r.Num, Cell: CellRef(i+1, r.Num)}
}

// CellRef is the A1 reference of a 1-based column and row ("AB12").
func CellRef(col, row int) string {
	if col < 1 || row < 1 {
		return ""
	}
	var b [32]byte
	i := len(b)
	for n := row; ; n /= 10 {
		i--
		b[i] = byte('0' + n%10)
		if n < 10 {
			break
		}
	}
	for c := col; c > 0 && i > 0; c = (c - 1) / 26 {
		i--
		b[i] = byte('A' + (c-1)%26)
	}
	return string(b[i:])
}

// Sheet is one worksheet (or the single table of a CSV file).
type Sheet struct {
	Name       string `json:"name"`
	Hidden     bool   `json:"hidden,omitempty"`
	VeryHidden bool   `json:"very_hidden,omitempty"`
	// Rows are the non-empty rows in order; Row.Num is the 1-based sheet row.
	Rows []Row `json:"rows"`
	// Merged lists merged ranges ("A1:C1") as written.
	Merged []string `json:"merged,omitempty"`
	// Validations maps a column letter to its list data-validation values.
	Validations map[string][]string `json:"validations,omitempty"`
	// Tables are Excel ListObjects (xl/tables/*.xml) on this sheet.
	Tables []ListObject `json:"tables,omitempty"`
}

// Row is one non-empty sheet row. Cells are indexed by column: Cells[0] is
// column A. Trailing empty cells are trimmed.
type Row struct {
	Num          int    `json:"num"`
	OutlineLevel int    `json:"outline_level,omitempty"`
	Hidden       bool   `json:"hidden,omitempty"`
	Cells        []Cell `json:"cells"`
}

// ListObject is an Excel table: its range and header row count are explicit.
type ListObject struct {
	Name           string `json:"name"`
	Ref            string `json:"ref"`
	HeaderRowCount int    `json:"header_row_count"`
}

// Comment is a reviewer comment (docx comments part, xlsx notes).
type Comment struct {
	Author string `json:"author,omitempty"`
	Date   string `json:"date,omitempty"`
	Text   string `json:"text"`
	Loc    Loc    `json:"loc"`
}

// Control is a Word content control (w:sdt).
type Control struct {
	Tag   string `json:"tag,omitempty"`
	Alias string `json:"alias,omitempty"`
	Text  string `json:"text"`
	// Date is w:date/@w:fullDate as an ISO date, when set.
	Date string `json:"date,omitempty"`
	// Checked is set for w14:checkbox controls.
	Checked *bool `json:"checked,omitempty"`
	// Placeholder is true when w:showingPlcHdr is set (still the prompt).
	Placeholder bool `json:"placeholder,omitempty"`
	Loc         Loc  `json:"loc"`
}

// Schedule is what a structured schedule file (MS Project XML) says, in the
// file's own terms but with units already converted: dates ISO
// (YYYY-MM-DD), durations and lags in working days of the file's calendar.
type Schedule struct {
	Name       string `json:"name,omitempty"`
	StatusDate string `json:"status_date,omitempty"`
	StartDate  string `json:"start_date,omitempty"`
	FinishDate string `json:"finish_date,omitempty"`
	// Calendar is the project calendar: hours per day, days per week, and
	// the working weekdays (0 = Sunday … 6 = Saturday).
	MinutesPerDay  int            `json:"minutes_per_day,omitempty"`
	MinutesPerWeek int            `json:"minutes_per_week,omitempty"`
	DaysPerMonth   int            `json:"days_per_month,omitempty"`
	WorkingDays    []int          `json:"working_days,omitempty"`
	Holidays       []string       `json:"holidays,omitempty"`
	Tasks          []ScheduleTask `json:"tasks"`
	// Fields names the task fields the file gave at least once, as the
	// file names them (MSPDI: "Milestone", "TotalSlack", "Baseline/Start",
	// "PredecessorLink", "Assignment"), so normalize can tell a column the
	// file has from one it lacks even when every value is false or zero.
	Fields []string `json:"fields,omitempty"`
}

// ScheduleTask is one task of a structured schedule. Pointer fields are
// nil when the file does not give them.
type ScheduleTask struct {
	UID            string         `json:"uid"`
	ID             string         `json:"id"`
	Name           string         `json:"name"`
	WBS            string         `json:"wbs,omitempty"`
	OutlineNumber  string         `json:"outline_number,omitempty"`
	OutlineLevel   int            `json:"outline_level"`
	Summary        bool           `json:"summary,omitempty"`
	Milestone      bool           `json:"milestone,omitempty"`
	Null           bool           `json:"null,omitempty"` // a blank row in MS Project
	Start          string         `json:"start,omitempty"`
	Finish         string         `json:"finish,omitempty"`
	ActualStart    string         `json:"actual_start,omitempty"`
	ActualFinish   string         `json:"actual_finish,omitempty"`
	BaselineStart  string         `json:"baseline_start,omitempty"`
	BaselineFinish string         `json:"baseline_finish,omitempty"`
	EarlyStart     string         `json:"early_start,omitempty"`
	EarlyFinish    string         `json:"early_finish,omitempty"`
	LateStart      string         `json:"late_start,omitempty"`
	LateFinish     string         `json:"late_finish,omitempty"`
	Duration       *float64       `json:"duration_days,omitempty"`
	DurationRaw    string         `json:"duration_raw,omitempty"`
	BaselineDur    *float64       `json:"baseline_duration_days,omitempty"`
	RemainingDur   *float64       `json:"remaining_duration_days,omitempty"`
	PercentDone    *float64       `json:"percent_complete,omitempty"`
	TotalSlack     *float64       `json:"total_slack_days,omitempty"`
	FreeSlack      *float64       `json:"free_slack_days,omitempty"`
	Critical       *bool          `json:"critical,omitempty"`
	ConstraintType string         `json:"constraint_type,omitempty"` // MSO, MFO, SNET, SNLT, FNET, FNLT, ASAP, ALAP
	ConstraintDate string         `json:"constraint_date,omitempty"`
	Deadline       string         `json:"deadline,omitempty"`
	Predecessors   []ScheduleLink `json:"predecessors,omitempty"`
	Resources      []string       `json:"resources,omitempty"`
	Loc            Loc            `json:"loc"`
}

// ScheduleLink is one predecessor link: the predecessor's UID, the type
// (FS, SS, FF, SF) and the lag in working days (negative = lead).
type ScheduleLink struct {
	UID     string  `json:"uid"`
	Type    string  `json:"type"`
	LagDays float64 `json:"lag_days"`
	LagRaw  string  `json:"lag_raw,omitempty"`
}
