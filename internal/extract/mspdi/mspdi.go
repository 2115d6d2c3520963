// Package mspdi reads Microsoft Project XML (MSPDI, the "Save as XML" format
// of MS Project and what MPXJ, ProjectLibre and most schedulers export) into
// a document.Tree whose Schedule holds the tasks, links and calendar with
// units already converted: dates ISO, durations, slack and lags in working
// days of the project calendar.
//
// The file is streamed with encoding/xml: nothing is held but the fields
// this package maps, so a large schedule costs memory per task, not per
// byte. A DOCTYPE is refused outright (MSPDI never needs one, and a DTD is
// the door to entity-expansion attacks).
package mspdi

import (
	"bufio"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/extract/xmltext"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

// maxText bounds the character data kept for one element: no MSPDI field
// this package reads is anywhere near it, so a longer value is junk (or an
// attack) and is cut rather than buffered.
const maxText = 64 << 10

// checkEvery is how many XML tokens pass between context checks.
const checkEvery = 4096

// Read reads one MSPDI file. A file that cannot be read at all returns a
// *document.Fault; a file broken after some tasks were read returns the tree
// with a TG-READ-005 fault in Tree.Faults.
func Read(ctx context.Context, r io.ReaderAt, size int64, path string, lim limits.Limits) (*document.Tree, error) {
	if size <= 0 {
		return nil, document.Faultf(document.ReadEmpty, document.Loc{}, nil, "the file is empty")
	}
	if lim.FileBytes > 0 && size > lim.FileBytes {
		return nil, document.LimitFault(limits.KeyFileBytes, document.Loc{}, nil,
			"the file is %d bytes, over the limit of %d (limits.file_bytes)", size, lim.FileBytes)
	}
	// Most MSPDI files are plain element-only XML: the fast scanner reads
	// those from memory. Anything it does not handle (a DOCTYPE, comments,
	// another encoding, a fault of any kind) sends the whole file through
	// encoding/xml from the start, so faults and messages are exactly those
	// of the decoder.
	if size <= fastMax {
		if p, err := readFast(ctx, r, size, path, lim); p != nil {
			return p.tree(path)
		} else if err != nil {
			return nil, err
		}
	}
	return readDecoder(ctx, r, size, path, lim)
}

func newParser(ctx context.Context, path string, lim limits.Limits) *parser {
	return &parser{ctx: ctx, path: path, lim: lim, raw: &rawProject{calendars: map[string]*rawCalendar{}, resources: map[string]string{}}}
}

// readDecoder reads the file with encoding/xml.
func readDecoder(ctx context.Context, r io.ReaderAt, size int64, path string, lim limits.Limits) (*document.Tree, error) {
	p := newParser(ctx, path, lim)
	// Read at most size bytes even if the file grew after it was measured.
	dec := xml.NewDecoder(bufio.NewReaderSize(io.NewSectionReader(r, 0, size), 64<<10))
	dec.Strict = true
	dec.CharsetReader = charsetReader
	p.dec = dec
	err := p.run()

	var fault *document.Fault
	switch {
	case err == nil:
	case errors.As(err, &fault):
		return nil, fault
	case ctx.Err() != nil:
		return nil, ctx.Err()
	default:
		line, _ := dec.InputPos()
		loc := document.Loc{Path: path, Line: line}
		if len(p.raw.tasks) == 0 {
			return nil, document.Faultf(document.ReadCorrupt, loc, err, "malformed XML at line %d: %s", line, xmlReason(err))
		}
		// Some tasks were read: keep them, say the rest was lost.
		p.faults = append(p.faults, document.Faultf(document.ReadPartialLoss, loc, err,
			"malformed XML at line %d after %d tasks: the rest of the schedule was not read (%s)", line, len(p.raw.tasks), xmlReason(err)))
	}
	return p.tree(path)
}

// tree builds the document from what the parser kept.
func (p *parser) tree(path string) (*document.Tree, error) {
	if !p.sawRoot {
		return nil, document.Faultf(document.ReadCorrupt, document.Loc{Path: path}, nil, "no Project element: not an MS Project XML file")
	}
	t := &document.Tree{Path: path, Format: document.FormatMSPDI, Faults: p.faults, Notes: p.notes}
	t.Schedule = p.raw.build(path, &t.Notes)
	t.Properties.Title = p.raw.title
	return t, nil
}

// xmlReason is the decoder's message without its "XML syntax error on line
// N:" prefix (the line is said once, by the fault).
func xmlReason(err error) string {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return se.Msg
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return "the file ends inside an element"
	}
	return err.Error()
}

// charsetReader accepts the single-byte encodings older exporters declare;
// anything else is refused with a plain message.
func charsetReader(label string, in io.Reader) (io.Reader, error) {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "us-ascii", "ascii":
		return &latin1Reader{r: bufio.NewReader(in)}, nil
	}
	return nil, fmt.Errorf("encoding %q is not supported (save the file as UTF-8)", label)
}

// latin1Reader decodes ISO-8859-1 to UTF-8 (windows-1252 differs only in
// 0x80–0x9F, punctuation that is harmless to approximate here).
type latin1Reader struct {
	r   *bufio.Reader
	buf []byte
}

func (l *latin1Reader) Read(p []byte) (int, error) {
	for len(l.buf) < len(p) {
		b, err := l.r.ReadByte()
		if err != nil {
			if len(l.buf) == 0 {
				return 0, err
			}
			break
		}
		if b < 0x80 {
			l.buf = append(l.buf, b)
		} else {
			l.buf = append(l.buf, 0xC0|b>>6, 0x80|b&0x3F)
		}
	}
	n := copy(p, l.buf)
	l.buf = l.buf[n:]
	return n, nil
}

// parser walks the token stream keeping the element path (local names) and
// the text of the element being read.
type parser struct {
	ctx     context.Context
	dec     *xml.Decoder
	scan    *xmltext.Scanner // set instead of dec when the fast scanner reads
	path    string
	lim     limits.Limits
	raw     *rawProject
	stack   []string
	text    []byte
	cut     bool // text of some element was longer than maxText
	sawRoot bool
	capped  bool // the task cap was hit: later tasks are skipped
	faults  []*document.Fault
	notes   []string

	task *rawTask     // the <Task> being read (nil when skipped or outside)
	link *rawLink     // the <PredecessorLink> being read
	base *rawBaseline // the <Baseline> of a task being read
	cal  *rawCalendar
	day  *rawDay // a <WeekDay> or <Exception>
	res  [2]string
	asg  [2]string
}

func (p *parser) run() error {
	for n := 0; ; n++ {
		if n%checkEvery == 0 {
			if err := p.ctx.Err(); err != nil {
				return err
			}
		}
		tok, err := p.dec.RawToken()
		if err == io.EOF {
			if len(p.stack) > 0 {
				return io.ErrUnexpectedEOF
			}
			return nil
		}
		if err != nil {
			return err
		}
		switch tok := tok.(type) {
		case xml.Directive:
			if d := strings.TrimSpace(string(tok)); len(d) >= 7 && strings.EqualFold(d[:7], "DOCTYPE") {
				line, _ := p.dec.InputPos()
				return document.Faultf(document.ReadCorrupt, document.Loc{Path: p.path, Line: line}, nil,
					"the file declares a DTD; refused for safety")
			}
		case xml.StartElement:
			if err := p.start(tok.Name.Local); err != nil {
				return err
			}
		case xml.EndElement:
			if len(p.stack) == 0 || p.stack[len(p.stack)-1] != tok.Name.Local {
				// RawToken does not match tags; do it here.
				return &xml.SyntaxError{Msg: "unexpected end element </" + tok.Name.Local + ">", Line: p.line()}
			}
			p.endElement(tok.Name.Local)
		case xml.CharData:
			p.charData(tok)
		}
	}
}

// endElement closes the innermost element (its name already matched).
func (p *parser) endElement(name string) {
	p.end(name)
	p.stack = p.stack[:len(p.stack)-1]
	p.text = p.text[:0]
}

// charData keeps text of the element being read, up to maxText.
func (p *parser) charData(tok []byte) {
	if len(p.text)+len(tok) > maxText {
		if !p.cut {
			p.cut = true
			p.notes = append(p.notes, fmt.Sprintf("an element longer than %d bytes was cut (line %d)", maxText, p.line()))
		}
		tok = tok[:max(0, maxText-len(p.text))]
	}
	p.text = append(p.text, tok...)
}

// line is the line of the current position: after the token just read.
func (p *parser) line() int {
	if p.scan != nil {
		return p.scan.Line()
	}
	l, _ := p.dec.InputPos()
	return l
}

func (p *parser) start(name string) error {
	if len(p.stack) == 0 {
		if p.sawRoot {
			return &xml.SyntaxError{Msg: "a second root element <" + name + ">", Line: p.line()}
		}
		if name != "Project" {
			return document.Faultf(document.ReadCorrupt, document.Loc{Path: p.path, Line: p.line()}, nil,
				"the root element is <%s>, not <Project>: not an MS Project XML file", name)
		}
		p.sawRoot = true
	}
	if p.lim.XMLDepth > 0 && len(p.stack) >= p.lim.XMLDepth {
		return document.LimitFault(limits.KeyXMLDepth, document.Loc{Path: p.path, Line: p.line()}, nil,
			"XML nesting deeper than %d elements (limits.xml_depth)", p.lim.XMLDepth)
	}
	p.stack = append(p.stack, name)
	p.text = p.text[:0]
	switch {
	case p.under("Project", "Tasks", "Task"):
		p.task = nil
		if p.capped {
			return nil
		}
		if p.lim.Rows > 0 && len(p.raw.tasks) >= p.lim.Rows {
			p.capped = true
			p.faults = append(p.faults, document.LimitFault(limits.KeyRows, document.Loc{Path: p.path, Line: p.line()}, nil,
				"more than %d tasks: the rest were not read (limits.rows)", p.lim.Rows))
			return nil
		}
		p.raw.tasks = append(p.raw.tasks, rawTask{line: p.line()})
		p.task = &p.raw.tasks[len(p.raw.tasks)-1]
	case p.task != nil && p.under("Project", "Tasks", "Task", "PredecessorLink"):
		p.task.links = append(p.task.links, rawLink{})
		p.link = &p.task.links[len(p.task.links)-1]
	case p.task != nil && p.under("Project", "Tasks", "Task", "Baseline"):
		p.base = &rawBaseline{}
	case p.under("Project", "Calendars", "Calendar"):
		p.cal = &rawCalendar{}
	case p.cal != nil && p.under("Project", "Calendars", "Calendar", "WeekDays", "WeekDay"),
		p.cal != nil && p.under("Project", "Calendars", "Calendar", "Exceptions", "Exception"):
		p.day = &rawDay{dayType: -1, exception: name == "Exception"}
	case p.under("Project", "Resources", "Resource"):
		p.res = [2]string{}
	case p.under("Project", "Assignments", "Assignment"):
		p.asg = [2]string{}
	}
	return nil
}

// under reports whether the element path is exactly names.
func (p *parser) under(names ...string) bool {
	if len(p.stack) != len(names) {
		return false
	}
	for i, n := range names {
		if p.stack[i] != n {
			return false
		}
	}
	return true
}

func (p *parser) end(name string) {
	v := strings.TrimSpace(string(p.text))
	d := len(p.stack) // depth of the element ending
	if d < 2 {
		return
	}
	switch {
	case d == 2 && p.stack[0] == "Project":
		p.raw.projectField(name, v)
	case d == 3 && name == "Task" && p.stack[1] == "Tasks":
		p.task = nil
	case d == 4 && p.task != nil && p.stack[1] == "Tasks" && p.stack[2] == "Task":
		switch name {
		case "PredecessorLink":
			p.link = nil
			p.raw.seen("PredecessorLink")
		case "Baseline":
			if p.base != nil && (p.base.number == "" || p.base.number == "0") {
				p.task.baseline = *p.base
				for n, v := range map[string]string{"Baseline/Start": p.base.start, "Baseline/Finish": p.base.finish, "Baseline/Duration": p.base.duration} {
					if v != "" {
						p.raw.seen(n)
					}
				}
			}
			p.base = nil
		default:
			if p.task.field(name, v) && v != "" {
				p.raw.seen(name)
			}
		}
	case d == 5 && p.task != nil && p.stack[1] == "Tasks" && p.stack[3] == "PredecessorLink" && p.link != nil:
		p.link.field(name, v)
	case d == 5 && p.task != nil && p.stack[1] == "Tasks" && p.stack[3] == "Baseline" && p.base != nil:
		p.base.field(name, v)
	case p.stack[1] == "Calendars":
		p.calendarEnd(name, v)
	case d == 4 && p.stack[1] == "Resources" && p.stack[2] == "Resource":
		switch name {
		case "UID":
			p.res[0] = v
		case "Name":
			p.res[1] = v
		}
	case d == 3 && p.stack[1] == "Resources" && name == "Resource":
		if p.res[0] != "" && p.res[1] != "" {
			p.raw.resources[p.res[0]] = p.res[1]
		}
	case d == 4 && p.stack[1] == "Assignments" && p.stack[2] == "Assignment":
		switch name {
		case "TaskUID":
			p.asg[0] = v
		case "ResourceUID":
			p.asg[1] = v
		}
	case d == 3 && p.stack[1] == "Assignments" && name == "Assignment":
		if p.asg[0] != "" && p.asg[1] != "" {
			p.raw.assignments = append(p.raw.assignments, p.asg)
		}
	}
}

func (p *parser) calendarEnd(name, v string) {
	d := len(p.stack)
	switch {
	case d == 3 && name == "Calendar":
		if p.cal != nil && p.cal.uid != "" {
			p.raw.calendars[p.cal.uid] = p.cal
		}
		p.cal = nil
	case p.cal == nil:
	case d == 4:
		switch name {
		case "UID":
			p.cal.uid = v
		case "BaseCalendarUID":
			p.cal.base = v
		}
	case d == 5 && (name == "WeekDay" || name == "Exception") && p.day != nil:
		p.cal.days = append(p.cal.days, *p.day)
		p.day = nil
	case d == 6 && p.day != nil:
		switch name {
		case "DayType":
			p.day.dayType = atoiOr(v, -1)
		case "DayWorking":
			p.day.working = v == "1" || strings.EqualFold(v, "true")
		case "Type":
			p.day.recurrence = v
		case "Occurrences":
			p.day.occurrences = v
		}
	case d == 7 && p.day != nil && p.stack[5] == "TimePeriod":
		switch name {
		case "FromDate":
			p.day.from = v
		case "ToDate":
			p.day.to = v
		}
	}
}
