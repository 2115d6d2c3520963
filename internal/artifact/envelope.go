package artifact

// Fields follow MODEL.md §2.

// Source says where the artifact came from.
type Source struct {
	Path      string `json:"path"`
	Format    string `json:"format"`
	SHA256    string `json:"sha256"`
	SizeBytes int64  `json:"size_bytes"`
	Sheet     string `json:"sheet,omitempty"`
}

// Metadata is the document-level envelope data.
type Metadata struct {
	Version         string        `json:"version,omitempty"`
	Status          string        `json:"status"` // draft | final | approved | baselined | unknown
	StatusEvidence  string        `json:"status_evidence,omitempty"`
	DocumentDate    *string       `json:"document_date"`
	AsOfDate        *string       `json:"as_of_date"`
	Author          string        `json:"author,omitempty"`
	LastModifiedBy  string        `json:"last_modified_by,omitempty"`
	Created         string        `json:"created,omitempty"`
	Modified        string        `json:"modified,omitempty"`
	RevisionHistory []Revision    `json:"revision_history"`
	Approvals       []Approval    `json:"approvals"`
	Placeholders    []Placeholder `json:"placeholders"`
	// People are the persons the document names with a role, wherever it
	// names them: a "Project Manager: Name" line, a roles table, a
	// "Name (Sponsor)" list item, a signature block.
	People           []NamedPerson     `json:"people"`
	HasTrackedChange bool              `json:"has_tracked_changes"`
	OpenComments     int               `json:"open_comments"`
	CustomProperties map[string]string `json:"custom_properties,omitempty"`
}

// Revision is one row of a revision-history / document-history table.
type Revision struct {
	Version     string  `json:"version"`
	Date        *string `json:"date"`
	DateRaw     string  `json:"date_raw,omitempty"`
	Author      string  `json:"author"`
	Description string  `json:"description"`
	Loc         Loc     `json:"loc"`
}

// Approval is one approver's decision on the document.
type Approval struct {
	Name  string `json:"name"`
	Title string `json:"title,omitempty"`
	Role  string `json:"role"` // sponsor | program_manager | project_manager | cio | governance_board | other
	// RoleRaw is the role as the document words it ("Executive Steering
	// Committee"), kept because Role maps many wordings to one key and
	// rules match the named body (M3-GATE-01's steering-committee review).
	RoleRaw  string  `json:"role_raw,omitempty"`
	Party    string  `json:"party,omitempty"`
	Date     *string `json:"date"`
	DateRaw  string  `json:"date_raw,omitempty"`
	Decision *string `json:"decision"` // approved | accepted | accepted_with_changes | not_accepted | pending
	Signed   bool    `json:"signed"`
	Evidence string  `json:"evidence"` // signature_table | certification_block | content_control | front_matter
	Loc      Loc     `json:"loc"`
}

// Placeholder is template residue left in the document.
type Placeholder struct {
	Text    string `json:"text"`
	Pattern string `json:"pattern"` // angle | bracket | date_prompt | tbd | signature_line
	Loc     Loc    `json:"loc"`
}

// Section is one heading and the body under it (until the next heading of
// any level).
type Section struct {
	ID        string   `json:"id"`
	Level     int      `json:"level"`
	Number    string   `json:"number,omitempty"`
	Heading   string   `json:"heading"`
	Canonical string   `json:"canonical,omitempty"`
	Text      string   `json:"text"`
	WordCount int      `json:"word_count"`
	TableIDs  []string `json:"table_ids"`
	Loc       Loc      `json:"loc"`
}

// Table is one table of the document (docx/md) or the data region of a
// sheet (xlsx/csv).
type Table struct {
	ID        string            `json:"id"`
	SectionID string            `json:"section_id,omitempty"`
	Sheet     string            `json:"sheet,omitempty"`
	Caption   string            `json:"caption,omitempty"`
	Header    []string          `json:"header"`
	HeaderRow int               `json:"header_row,omitempty"` // 1-based row of the header in the source table/sheet
	Columns   map[string]string `json:"columns"`              // canonical key -> header text
	Rows      []TableRow        `json:"rows"`
	Shape     string            `json:"shape"` // grid | keyvalue | matrix | form
	Loc       Loc               `json:"loc"`
}

// TableRow is one data row of a table.
type TableRow struct {
	Cells []string `json:"cells"`
	Group string   `json:"group,omitempty"`
	Loc   Loc      `json:"loc"`
}

// Diagnostic is a normalizer note.
type Diagnostic struct {
	Level   string `json:"level"`
	Code    string `json:"code"`
	Message string `json:"message"`
	Loc     Loc    `json:"loc"`
}

// NamedPerson is someone the document names in a role.
type NamedPerson struct {
	Name string `json:"name"`
	// Role is the canonical role (sponsor, project_manager, program_manager,
	// ivv_provider, contracting_officer, cor, …) or "other".
	Role         string `json:"role"`
	RoleRaw      string `json:"role_raw"`
	Organization string `json:"organization,omitempty"`
	Loc          Loc    `json:"loc"`
}

// Evidence is where a fact was read, or where the document mentions a fact
// it could not be read from (Read false): "Sponsor" written as a label with
// no name after it. Rules that would say "X is missing" say X is not
// assessable instead when the document mentions X, naming where.
type Evidence struct {
	Field string `json:"field"`
	Text  string `json:"text"`
	Read  bool   `json:"read"`
	Loc   Loc    `json:"loc"`
}
