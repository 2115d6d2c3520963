package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/classify"
	"github.com/tollgate-dev/tollgate/internal/discover"
	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/extract"
	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/normalize"
	"github.com/tollgate-dev/tollgate/internal/policy"
	"github.com/tollgate-dev/tollgate/internal/schema"
)

// ReadOptions are what reading one file needs.
type ReadOptions struct {
	Limits limits.Limits
	Kinds  []classify.KindRule // documents.kinds of the configuration
	// Artifacts are the M3 artifacts the classifier recognises; nil: the
	// built-in M3 data (policy.M3Artifacts).
	Artifacts []classify.M3Artifact
	Normalize normalize.Options // the run's normalization defaults
	// TreeOnly stops after extraction: the Document holds the
	// format-neutral tree and no artifact (parse --tree).
	TreeOnly bool

	// slots bounds the readers alive at once (extract.ReadOpened); nil:
	// no bound (one file at a time).
	slots chan struct{}
}

// Document is what reading one file gave: the report's entry for it, its
// typed artifact (nil when the file was skipped, unreadable or the run
// was cancelled), and the findings reading it raised (faults, schema
// violations, an unrecognised kind, tables that could not be read).
type Document struct {
	Info     finding.Document
	Artifact *artifact.Artifact
	Tree     *document.Tree // only with ReadOptions.TreeOnly
	Findings []finding.Finding
}

// ReadFile takes one file through extract → classify → normalize →
// validate, the same for check, parse and the test fixtures. Every
// failure becomes a finding on the file; it never stops a run. JSON and
// YAML files that are tollgate artifacts are decoded into the same typed
// form a normalized document has.
func ReadFile(ctx context.Context, f discover.File, opts ReadOptions) (out Document) {
	out.Info = finding.Document{Path: f.Path, Format: string(f.Format), Size: f.Size, Status: finding.DocOK}
	defer func() {
		// Readers must not panic; if one does, this file is unreadable and
		// the run goes on.
		if p := recover(); p != nil {
			out.Info.Status = finding.DocUnreadable
			out.Info.Error = fmt.Sprintf("internal error: %v", p)
			out.Findings = append(out.Findings, finding.NewTool(document.ReadCorrupt, f.Path,
				fmt.Sprintf("internal error while checking this file: %v", p), document.Loc{}))
			out.Artifact = nil
		}
	}()
	if f.Fault != nil {
		return out.unreadable(f.Fault)
	}
	// The file is opened once: hashed through the handle, then read from it.
	fh, size, err := extract.Open(f, opts.Limits)
	if err != nil {
		return out.readFailed(f, err)
	}
	sum, err := hashFile(ctx, fh, size, opts.Limits.ReadTimeout)
	if err != nil {
		fh.Close()
		if ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded) {
			return out.unreadable(document.LimitFault(limits.KeyReadTimeout, document.Loc{}, err,
				"hashing the file took longer than %s (limits.read_timeout)", opts.Limits.ReadTimeout))
		}
		return out.unreadable(document.Faultf(document.ReadCorrupt, document.Loc{}, err, "cannot read the file"))
	}
	out.Info.SHA256 = sum

	tree, err := extract.ReadOpened(ctx, f, fh, size, opts.Limits, opts.slots)
	if err != nil {
		return out.readFailed(f, err)
	}
	tree.Path = f.Path
	for _, fl := range tree.Faults {
		out.Findings = append(out.Findings, finding.FromFault(f.Path, fl))
	}
	if opts.TreeOnly {
		out.Tree = tree
		return out
	}
	if tree.Artifact != nil {
		return out.adopt(tree.Artifact, f, sum)
	}

	if opts.Artifacts == nil {
		m3, err := policy.M3Artifacts()
		if err != nil {
			return out.unreadable(document.Faultf(document.ReadCorrupt, document.Loc{}, err, "cannot classify: %v", err))
		}
		opts.Artifacts = m3
	}
	c := classify.Classify(tree, f.Path, classify.Options{Rules: opts.Kinds, Artifacts: opts.Artifacts})
	nopts := opts.Normalize
	nopts.SHA256, nopts.SizeBytes = sum, f.Size
	nopts.Context = ctx
	a := normalize.Normalize(tree, c, nopts)
	tree = nil // the normalized artifact is all that is needed from here on
	if ctx.Err() != nil {
		return out // the run was cancelled: the artifact may be partial, and Run returns the error
	}
	for _, d := range a.Diagnostics {
		// A table of the kind's shape whose rows could not be read is
		// said, never dropped silently.
		if d.Code == normalize.UnreadTable {
			out.Findings = append(out.Findings, finding.NewTool(normalize.UnreadTable, f.Path, d.Message, d.Loc))
		}
	}
	out.Info.Kind, out.Info.KindSource, out.Info.KindReason = string(c.Kind), c.Source, c.Reason
	for _, e := range a.Evidence {
		out.Info.Evidence = append(out.Info.Evidence, finding.Evidence{Field: e.Field, Text: e.Text, Read: e.Read, Loc: e.Loc})
	}
	if c.Kind == "generic" {
		out.Findings = append(out.Findings, finding.NewTool("TG-KIND-001", f.Path, kindMessage(c, f.Path), document.Loc{}))
	}
	out.Findings = append(out.Findings, schemaFindings(f.Path, schema.ValidateArtifactContext(ctx, a))...)
	out.Artifact = a
	return out
}

// readFailed is a file extraction could not read: unreadable, or skipped
// when it is JSON or YAML that is no tollgate artifact (a package.json).
// An error that is no fault is the run's cancellation.
func (out Document) readFailed(f discover.File, err error) Document {
	var fault *document.Fault
	if !errors.As(err, &fault) {
		return out // the run was cancelled; Run returns the error
	}
	if fault.Rule == document.ReadUnsupported && (f.Format == document.FormatJSON || f.Format == document.FormatYAML) {
		return out.skipped(fault.Message)
	}
	return out.unreadable(fault)
}

// adopt takes a docs-as-code artifact (JSON or YAML with a kind) as
// written: it is validated in the form the file gives, then decoded into
// the typed artifact, filling only the source block the file cannot know
// about itself.
func (out Document) adopt(m map[string]any, f discover.File, sum string) Document {
	k, _ := m["kind"].(string)
	if !classify.Known(k) {
		// A Kubernetes manifest ("kind: Pod") is not a tollgate artifact.
		return out.skipped(fmt.Sprintf("JSON/YAML that is not a tollgate artifact (kind %q is not a document kind)", k))
	}
	out.Info.Kind, out.Info.KindSource = k, "document"
	src, _ := m["source"].(map[string]any)
	if src == nil {
		src = map[string]any{}
	}
	src["path"], src["format"], src["sha256"], src["size_bytes"] = f.Path, string(f.Format), sum, f.Size
	m["source"] = src
	if _, ok := m["schema_version"]; !ok {
		m["schema_version"] = artifact.SchemaVersion
	}
	if _, ok := m["kind_source"]; !ok {
		m["kind_source"] = "document"
	}
	// The schedule index tells the rules which tasks they may skip. Only
	// an index tollgate computed itself can be trusted with that: one
	// written into the file could hide every offender, so it is dropped
	// and the rules scan every task.
	if s, ok := m["schedule"].(map[string]any); ok {
		delete(s, "index")
	}
	// The schema sees the file as written: a field the typed form has no
	// place for is a violation here, not silently dropped by decoding.
	out.Findings = append(out.Findings, schemaFindings(f.Path, schema.Validate(m))...)
	a, err := decodeArtifact(m)
	if err != nil {
		return out.unreadable(document.Faultf("TG-SCHEMA-001", document.Loc{}, err,
			"cannot be read as a %s artifact: %v", k, err))
	}
	out.Artifact = a
	return out
}

// skipped lists a file the run does not check, with the reason.
func (out Document) skipped(why string) Document {
	out.Info.Status = finding.DocSkipped
	out.Info.Error = why
	return out
}

func (out Document) unreadable(fault *document.Fault) Document {
	out.Info.Status = finding.DocUnreadable
	out.Info.Error = fault.Message
	out.Findings = append(out.Findings, finding.FromFault(out.Info.Path, fault))
	out.Artifact = nil
	return out
}

func schemaFindings(path string, vs []schema.Violation) []finding.Finding {
	var out []finding.Finding
	for _, v := range vs {
		out = append(out, finding.NewTool("TG-SCHEMA-001", path, v.Message, document.Loc{Pointer: v.Pointer}))
	}
	return out
}

// hashFile hashes the size bytes of the open file fh (through ReadAt:
// the handle is read again by extraction), stopping when ctx ends or after
// timeout (0 = none): the file may sit on a file system that stalls.
func hashFile(ctx context.Context, fh io.ReaderAt, size int64, timeout time.Duration) (string, error) {
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	h := sha256.New()
	buf := make([]byte, 1<<20)
	for off := int64(0); off < size; {
		if err := ctx.Err(); err != nil {
			return "", fmt.Errorf("hash: %w", err)
		}
		n, err := fh.ReadAt(buf[:min(int64(len(buf)), size-off)], off)
		h.Write(buf[:n])
		off += int64(n)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", fmt.Errorf("hash: %w", err)
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// kindMessage says why a document was checked as generic and how to
// declare its kind.
func kindMessage(c classify.Result, path string) string {
	why := "no title, file name, heading or table names a kind tollgate checks"
	if c.Source != classify.SourceDefault && c.Reason != "" {
		why = c.Reason
	}
	return fmt.Sprintf("checked as generic: %s. If it is one of the kinds tollgate checks, declare it: `kind: charter` (or pmp, schedule, raci, risk_register, ivv_plan, qasp, status_report, …) in its front matter, or in .tollgate.yaml: documents: {kinds: [{path: %q, kind: charter}]}", why, path)
}
