package finding

import (
	"fmt"

	"github.com/tollgate-dev/tollgate/internal/document"
)

// ToolRules is the catalog of findings the tool itself raises (RULES.md §16).
var ToolRules = map[string]Rule{
	"TG-READ-001":   toolRule("TG-READ-001", Error, "Unreadable document", "The file is not a readable package or document (corrupt or truncated zip, missing main part, broken XML in a required part).", "Re-save the file from its application; check it was not truncated in transfer."),
	"TG-READ-002":   toolRule("TG-READ-002", Error, "Encrypted document", "The Office file is encrypted / password-protected.", "Remove the password (File › Info › Protect) or submit an unprotected copy."),
	"TG-READ-003":   toolRule("TG-READ-003", Error, "Legacy binary format", "Legacy binary format (.doc, .xls, .ppt, Word/Excel 97–2003).", "Save as .docx / .xlsx."),
	"TG-READ-004":   toolRule("TG-READ-004", Error, "Unsupported format", "A format tollgate does not read (PDF, .xlsb, .mpp, images, unknown bytes) named like a document it should check.", "Export to a supported format (docx, xlsx, md, csv, MS Project XML)."),
	"TG-READ-005":   toolRule("TG-READ-005", Error, "Part of the document was lost", "Part of the document could not be read and data would be lost (a truncated sheet, rows after malformed XML).", "Re-save the file; the finding names the sheet and the last row read."),
	"TG-READ-006":   toolRule("TG-READ-006", Error, "Empty file", "The file is empty.", "Remove it or replace it with the real document."),
	"TG-LIMIT-001":  toolRule("TG-LIMIT-001", Error, "Safety limit hit", "A safety limit was hit (inflated size, rows, cells, nesting, time).", "Raise the named limit (`--limit KEY=VALUE` or `limits.KEY` in .tollgate.yaml) if the document is legitimate."),
	"TG-SCHEMA-001": toolRule("TG-SCHEMA-001", Error, "Artifact violates its schema", "The normalized artifact violates its JSON Schema (the location carries the JSON pointer).", "Usually a reader defect or an unusual layout: report it, or fix the document's structure."),
	"TG-EVAL-001":   toolRule("TG-EVAL-001", Error, "Rule evaluation timed out", "Evaluating a rule on this document exceeded its time limit.", "Simplify the custom rule, or raise `limits.eval_timeout` (`--limit eval_timeout=30s`; `project_timeout` for project rules)."),
	"TG-KIND-001":   toolRule("TG-KIND-001", Info, "Document kind not recognised", "The document's kind could not be recognised (checked as `generic`).", "Set its kind with `documents.kinds` or front matter."),
	"TG-SCOPE-001":  toolRule("TG-SCOPE-001", Info, "Project rules not run on a partial set", "Only part of the submission was checked (files named one by one, or a shard): rules that look for other documents were not run, so that they do not report documents the rest of the submission may hold.", "Check the submission's whole tree (or merge the shards) to run the cross-document rules."),
	"TG-SCOPE-002":  toolRule("TG-SCOPE-002", Info, "Projects of the run", "The checked tree holds several separate projects (folders with a .tollgate.yaml of their own, or sibling folders each with its own charter, PMP, IV&V plan or QASP); cross-document rules compared documents within each project only.", "Nothing to fix; check each project on its own, or give each folder a .tollgate.yaml, to be explicit."),
	"TG-TABLE-001":  toolRule("TG-TABLE-001", Warning, "Table rows could not be read", "A table has the shape of the document kind's table (a risk register, a RACI matrix, a task list) but its rows could not be read into it.", "Use the column names the documentation lists, or declare the columns; the finding names the header it saw and what it did not understand."),
	"TG-WAIVER-001": toolRule("TG-WAIVER-001", Error, "Expired waiver", "A waiver has expired; the finding it covered is failing again.", "Renew the waiver with a new approval and expiry, or fix the finding."),
	"TG-WAIVER-002": toolRule("TG-WAIVER-002", Warning, "Unused waiver", "A waiver matched no finding.", "Remove it, or correct its rule/path."),
}

func toolRule(id string, sev Severity, title, desc, fix string) Rule {
	return Rule{ID: id, Title: title, Description: desc, Severity: sev, Kinds: []string{"*"},
		Pack: "tool", Source: "RULES.md §16", Remediation: fix}
}

// FromFault turns a reader fault into a finding on path.
func FromFault(path string, f *document.Fault) Finding {
	r := ToolRules[f.Rule]
	loc := f.Loc
	loc.Path = path
	fix := r.Remediation
	if f.Limit != "" {
		fix = fmt.Sprintf("If the document is legitimate, raise the limit: --limit %s=VALUE, or limits.%s in .tollgate.yaml.", f.Limit, f.Limit)
	}
	return Finding{
		Rule: f.Rule, Title: r.Title, Severity: orError(r.Severity), Status: Fail,
		Path: path, Message: f.Message, Location: loc,
		Remediation: fix, Source: r.Source,
	}
}

// NewTool builds a tool finding of rule id on path.
func NewTool(id, path, message string, loc document.Loc) Finding {
	r := ToolRules[id]
	loc.Path = path
	return Finding{
		Rule: id, Title: r.Title, Severity: orError(r.Severity), Status: Fail,
		Path: path, Message: message, Location: loc,
		Remediation: r.Remediation, Source: r.Source,
	}
}

func orError(s Severity) Severity {
	if s == "" {
		return Error
	}
	return s
}
