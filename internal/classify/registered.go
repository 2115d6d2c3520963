package classify

import (
	"sync"

	"github.com/tollgate-dev/tollgate/internal/kind"
	"github.com/tollgate-dev/tollgate/internal/vocab"
)

// The signals of the registered kinds (kind.Signals, registered with each
// kind in internal/normalize/kinds.go) are read from the registry; the
// content tests of the built-in kinds (a task table, a RACI matrix, a
// change request form…) are this package's own (signals.go).

// signalTables is the registry's signals made into vocabulary tables,
// worked out once per registry state.
type signalTables struct {
	titles   vocab.Table
	headings []headingSignal
}

type headingSignal struct {
	kind  kind.Kind
	table *vocab.Table
	need  int
}

var tablesBySet sync.Map // *kind.Set → *signalTables

func registered() *signalTables {
	set := kind.Current()
	if st, ok := tablesBySet.Load(set); ok {
		return st.(*signalTables)
	}
	st := &signalTables{titles: vocab.Table{}}
	for _, s := range set.All() {
		if len(s.Signals.Titles) > 0 {
			st.titles[string(s.Kind)] = s.Signals.Titles
		}
		if len(s.Signals.Headings) > 0 && s.Signals.MinHeadings > 0 {
			st.headings = append(st.headings, headingSignal{kind: s.Kind, table: &vocab.Table{string(s.Kind): s.Signals.Headings}, need: s.Signals.MinHeadings})
		}
	}
	actual, _ := tablesBySet.LoadOrStore(set, st)
	return actual.(*signalTables)
}

// kindTitles is the title phrasings of every registered kind, keyed by kind.
func kindTitles() *vocab.Table { return &registered().titles }
