package markdown

import (
	"bytes"
	"context"
	"errors"
	"math"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/tollgate-dev/tollgate/internal/limits"
)

// goldmark's parser is not cancellable and has inputs on which it is
// quadratic: a 400 KB paragraph of "[a](" takes minutes, as do thousands
// of nested block quotes or list levels. Two defences:
//
//   - flattenDeepNesting clips absurd container nesting before parsing,
//     which makes the block-level cases fast;
//   - the deadline extension registers a block parser that goldmark calls
//     on every line and an inline parser triggered by the punctuation that
//     drives the slow inline paths; both check the read context and, once
//     it is done, abort the parse by panicking with an aborted value that
//     parse() recovers. The expensive scans run between those calls, so
//     the abort lands within milliseconds of the deadline.

// ctxKey holds the read's context.Context in the goldmark parser context.
var ctxKey = parser.NewContextKey()

// aborted is the panic value that unwinds goldmark when the read's context
// is done.
type aborted struct{ err error }

func checkDeadline(pc parser.Context) {
	if ctx, ok := pc.Get(ctxKey).(context.Context); ok {
		if err := ctx.Err(); err != nil {
			panic(aborted{err})
		}
	}
}

// deadline checks the read's context while goldmark parses. Its guarded
// emphasis and strikethrough parsers (ahead of goldmark's own) give each
// delimiter they make a processor that counts its calls: goldmark's
// delimiter matching (ProcessDelimiters) walks back over every earlier
// opener for each closer, which is quadratic on a paragraph like
// "*a_*a_…" (3,000,000 of them ran for hours at 2 GB), and it runs when
// the paragraph closes, where neither the block nor the inline trigger is
// called. The count checks the context every delimiterCheckEvery calls,
// and stops the parse (errDelimiterWork) once it passes the work budget
// (delimiterWorkPerByte comparisons per byte limits.markdown_bytes allows,
// so the matching is linear in the limit, whatever the file) or once one
// block holds more than one delimiter per delimiterBytesPerBlock bytes of
// the limit: the delimiters are all made, with their text nodes (~200
// bytes each), before the matching starts, so that bound is what keeps
// such a paragraph from taking gigabytes first.
type deadline struct {
	ctx context.Context
	lim limits.Limits
}

// Budgets per byte of limits.markdown_bytes (at the 16 MiB default: 67 M
// comparisons, well under a second of CPU, and 10,485 delimiters in one
// block). Real documents make a few comparisons per delimiter, and a
// paragraph or table cell with ten thousand emphasis markers or
// intraword underscores is not prose. The block bound also bounds the
// walks the comparisons do not count: goldmark steps over delimiters that
// cannot open (an intraword "_") without asking their processor, so N of
// them and N closers after them cost N² steps.
const (
	delimiterWorkPerByte   = 4
	delimiterBytesPerBlock = 1600
)

// errDelimiterWork is why a parse stopped on the delimiter work budget.
var errDelimiterWork = errors.New("emphasis delimiter matching over its work budget")

func (d deadline) Extend(md goldmark.Markdown) {
	w := &delimiterWork{ctx: d.ctx}
	if b := d.lim.MarkdownBytes; b > 0 && b <= math.MaxInt/delimiterWorkPerByte {
		w.budget, w.perBlock = int(b)*delimiterWorkPerByte, int(b/delimiterBytesPerBlock)
	}
	md.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(deadlineBlock{}, 1)),
		parser.WithInlineParsers(
			util.Prioritized(deadlineInline{}, 1),
			util.Prioritized(&guardedDelimiters{inner: parser.NewEmphasisParser(), work: w}, 499),
			util.Prioritized(&guardedDelimiters{inner: extension.NewStrikethroughParser(), work: w}, 499),
		),
	)
}

// delimiterCheckEvery is how many delimiter comparisons run between two
// looks at the context (a look costs about as much as a few hundred).
const delimiterCheckEvery = 1 << 14

// guardedDelimiters is an inline parser that parses as inner does and
// wraps the processor of each delimiter it makes in a guardedProcessor.
type guardedDelimiters struct {
	inner parser.InlineParser
	work  *delimiterWork
}

// delimiterWork counts the delimiter comparisons of one parse, and the
// delimiters of the block being parsed.
type delimiterWork struct {
	ctx      context.Context
	budget   int // comparisons; 0: no budget
	perBlock int // delimiters in one block; 0: no bound
	calls    int
	block    ast.Node
	inBlock  int
}

func (g *guardedDelimiters) Trigger() []byte { return g.inner.Trigger() }

func (g *guardedDelimiters) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	n := g.inner.Parse(parent, block, pc)
	if d, ok := n.(*parser.Delimiter); ok {
		d.Processor = guardedProcessor{DelimiterProcessor: d.Processor, w: g.work}
		w := g.work
		if parent != w.block {
			w.block, w.inBlock = parent, 0
		}
		if w.inBlock++; w.perBlock > 0 && w.inBlock > w.perBlock {
			panic(aborted{errDelimiterWork})
		}
	}
	return n
}

// guardedProcessor is a delimiter's processor that counts the comparisons
// goldmark makes with it and aborts the parse once the read's context is
// done.
type guardedProcessor struct {
	parser.DelimiterProcessor
	w *delimiterWork
}

func (p guardedProcessor) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	w := p.w
	w.calls++
	if w.calls%delimiterCheckEvery == 0 {
		if w.ctx != nil {
			if err := w.ctx.Err(); err != nil {
				panic(aborted{err})
			}
		}
		if w.budget > 0 && w.calls > w.budget {
			panic(aborted{errDelimiterWork})
		}
	}
	return p.DelimiterProcessor.CanOpenCloser(opener, closer)
}

// deadlineBlock never opens a block; goldmark calls it for every line.
type deadlineBlock struct{}

func (deadlineBlock) Trigger() []byte { return nil }
func (deadlineBlock) Open(_ ast.Node, _ text.Reader, pc parser.Context) (ast.Node, parser.State) {
	checkDeadline(pc)
	return nil, parser.NoChildren
}
func (deadlineBlock) Continue(ast.Node, text.Reader, parser.Context) parser.State {
	return parser.Close
}
func (deadlineBlock) Close(ast.Node, text.Reader, parser.Context) {}
func (deadlineBlock) CanInterruptParagraph() bool                 { return true }
func (deadlineBlock) CanAcceptIndentedLine() bool                 { return true }

// deadlineInline never produces a node.
type deadlineInline struct{}

func (deadlineInline) Trigger() []byte { return []byte("[]()!*_`<>\\&~|") }
func (deadlineInline) Parse(_ ast.Node, _ text.Reader, pc parser.Context) ast.Node {
	checkDeadline(pc)
	return nil
}

// maxIndent is the widest leading indentation kept, in columns.
const maxIndent = 4 * maxDepth

// flattenDeepNesting drops the container markers (">", list bullets and
// numbers, indentation) of a line beyond maxDepth levels or maxIndent
// columns, keeping the line's content and the line count (so reported
// line numbers stay true). It returns the source unchanged when no line
// needs it, and how many lines were changed.
func flattenDeepNesting(src []byte) ([]byte, int) {
	var out []byte
	changed := 0
	start := 0
	for start < len(src) {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start + 1
		}
		line := src[start:end]
		cut, rest := prefixCut(line)
		if cut >= 0 {
			if out == nil {
				out = append(make([]byte, 0, len(src)), src[:start]...)
			}
			out = append(out, line[:cut]...)
			out = append(out, line[rest:]...)
			changed++
		} else if out != nil {
			out = append(out, line...)
		}
		start = end
	}
	if out == nil {
		return src, 0
	}
	return out, changed
}

// prefixCut scans the container prefix of a line. When it nests too deep,
// cut is where the excess starts and rest where the prefix ends; else cut
// is -1.
func prefixCut(line []byte) (cut, rest int) {
	depth, col, i := 0, 0, 0
	cut = -1
	for i < len(line) {
		tok := i
		switch c := line[i]; {
		case c == ' ':
			col++
			i++
		case c == '\t':
			col += 4
			i++
		case c == '>':
			depth++
			i++
		case (c == '-' || c == '+' || c == '*') && i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t'):
			depth++
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j+1 < len(line) && (line[j] == '.' || line[j] == ')') && (line[j+1] == ' ' || line[j+1] == '\t') {
				depth++
				i = j + 1
			} else {
				return cut, i
			}
		default:
			return cut, i
		}
		if cut < 0 && (depth > maxDepth || col > maxIndent) {
			cut = tok
		}
	}
	return cut, i
}
