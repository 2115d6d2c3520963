package markdown

import (
	"bytes"
	"regexp"
	"strings"
)

// Pandoc's "simple tables" are common in documents converted from Word
// (the 18F QASPs): a header line, a line of dash groups under it marking
// the columns, then one line per row until a blank line, with no pipes.
// CommonMark reads them as a paragraph and a thematic break, losing the
// table. simpleTables rewrites each into a GFM pipe table of the same
// number of lines (so line numbers stay right) before parsing.

// dashGroups is a separator line: two or more runs of dashes split by spaces.
var dashGroups = regexp.MustCompile(`^ {0,3}-{3,}(?: +-{3,})+ *$`)

// simpleTables returns src with its simple tables turned into pipe tables,
// and how many it turned.
func simpleTables(src []byte) ([]byte, int) {
	if !bytes.Contains(src, []byte("--- ")) {
		return src, 0 // no separator line of two dash groups
	}
	lines := strings.Split(string(src), "\n")
	n := 0
	for i := 1; i < len(lines); i++ {
		sep := strings.TrimRight(lines[i], "\r")
		if !dashGroups.MatchString(sep) || strings.TrimSpace(lines[i-1]) == "" {
			continue
		}
		cols := dashColumns(sep)
		end := i + 1
		for end < len(lines) && strings.TrimSpace(lines[end]) != "" && !dashGroups.MatchString(strings.TrimRight(lines[end], "\r")) {
			end++
		}
		if end == i+1 {
			continue // a header and no rows: not a table
		}
		lines[i-1] = pipeRow(lines[i-1], cols)
		lines[i] = "|" + strings.Repeat(" --- |", len(cols))
		for j := i + 1; j < end; j++ {
			lines[j] = pipeRow(lines[j], cols)
		}
		n++
		i = end
	}
	if n == 0 {
		return src, 0
	}
	return []byte(strings.Join(lines, "\n")), n
}

// dashColumns are the [start, end) byte ranges of the dash groups; the last
// column runs to the end of the line.
func dashColumns(sep string) [][2]int {
	var cols [][2]int
	for i := 0; i < len(sep); {
		if sep[i] != '-' {
			i++
			continue
		}
		j := i
		for j < len(sep) && sep[j] == '-' {
			j++
		}
		cols = append(cols, [2]int{i, j})
		i = j
	}
	cols[len(cols)-1][1] = 1 << 30
	return cols
}

// pipeRow cuts a line at the columns' starts: a cell runs from its
// column's start to the next column's start.
func pipeRow(line string, cols [][2]int) string {
	line = strings.TrimRight(line, "\r")
	var sb strings.Builder
	sb.WriteByte('|')
	for k, c := range cols {
		from := c[0]
		to := len(line)
		if k+1 < len(cols) {
			to = min(cols[k+1][0], len(line))
		}
		cell := ""
		if from < len(line) && from < to {
			cell = line[from:to]
		}
		sb.WriteByte(' ')
		sb.WriteString(strings.ReplaceAll(strings.TrimSpace(cell), "|", `\|`))
		sb.WriteString(" |")
	}
	return sb.String()
}
