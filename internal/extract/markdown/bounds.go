package markdown

import (
	"bytes"
	"context"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
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

type deadline struct{}

func (deadline) Extend(md goldmark.Markdown) {
	md.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(deadlineBlock{}, 1)),
		parser.WithInlineParsers(util.Prioritized(deadlineInline{}, 1)),
	)
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
