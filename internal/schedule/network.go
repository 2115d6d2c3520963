package schedule

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/artifact"
)

type progress uint8

const (
	notStarted progress = iota
	inProgress
	complete
)

type linkType uint8

const (
	fs linkType = iota
	ss
	ff
	sf
)

// fromStart says the link leaves its predecessor's start (SS, SF) rather
// than its finish; toStart says it arrives at the successor's start (FS, SS).
func (l linkType) fromStart() bool { return l == ss || l == sf }
func (l linkType) toStart() bool   { return l == fs || l == ss }

// edge is one link of the pass in compressed adjacency form.
type edge struct {
	other int32 // the predecessor (in preds) or successor (in succs)
	typ   linkType
	lag   int64 // ticks; negative is a lead
}

// network is the schedule reduced to what the passes need: one node per
// detail task (summary rows excluded), in UID order.
type network struct {
	task []int    // index into Schedule.Tasks
	uid  []string // task UID (ID when the UID is empty)
	prog []progress
	dur  []int64 // remaining work in ticks (the actual span for complete tasks)
	// milestone marks zero-duration nodes, whose dates are shown at the
	// end of a day when logic from a finish placed them.
	milestone []bool
	// Pins and bounds, in points; none marks an absent value.
	actualStart  []int64
	actualFinish []int64
	cons         []consBound
	predOff      []int32 // preds of node i are preds[predOff[i]:predOff[i+1]]
	preds        []edge
	succOff      []int32
	succs        []edge
	topo         []int32
	slab         *[]string // backing store of the dates write hands out
}

// none is the absent point; far outside any real schedule.
const none = math.MinInt64 / 4

// consBound is a task's date constraint as a point (a start point for
// MSO/SNET/SNLT, a finish point for MFO/FNET/FNLT); typ is empty for none,
// ASAP and ALAP.
type consBound struct {
	typ string
	at  int64
}

// maxDays bounds durations and lags so tick arithmetic over any network
// stays far from int64 overflow.
const maxDays = 1e7

// ticks converts working days to ticks, rejecting NaN, infinities and
// absurd magnitudes.
func ticks(days float64) (int64, bool) {
	if math.IsNaN(days) || math.IsInf(days, 0) || days > maxDays || days < -maxDays {
		return 0, false
	}
	return int64(math.Round(days * ticksPerDay)), true
}

// uidLess orders UIDs numerically when both are numbers, numbers first,
// then as text, so reports are stable across runs.
func uidLess(a, b string) bool {
	na, ea := strconv.ParseInt(a, 10, 64)
	nb, eb := strconv.ParseInt(b, 10, 64)
	switch {
	case ea == nil && eb == nil:
		return na < nb
	case ea == nil:
		return true
	case eb == nil:
		return false
	}
	return a < b
}

func taskKey(t *artifact.Task) string {
	if t.UID != "" {
		return t.UID
	}
	return t.ID
}

func isSummary(t *artifact.Task) bool { return strings.EqualFold(t.Type, "summary") }

func parseLinkType(s string) (linkType, bool) {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "FS", "":
		return fs, true
	case "SS":
		return ss, true
	case "FF":
		return ff, true
	case "SF":
		return sf, true
	}
	return fs, false
}

func progressOf(t *artifact.Task) progress {
	switch {
	case t.Progress == "complete" || t.ActualFinish != nil || (t.PercentComplete != nil && *t.PercentComplete >= 100):
		return complete
	case t.Progress == "in-progress" || t.ActualStart != nil || (t.PercentComplete != nil && *t.PercentComplete > 0):
		return inProgress
	}
	return notStarted
}

// listed names at most ten UIDs for a note.
func listed(uids []string) string {
	sort.Slice(uids, func(i, j int) bool { return uidLess(uids[i], uids[j]) })
	if len(uids) > 10 {
		return strings.Join(uids[:10], ", ") + " and " + strconv.Itoa(len(uids)-10) + " more"
	}
	return strings.Join(uids, ", ")
}

type rawEdge struct {
	from, to int32
	typ      linkType
	lag      int64
}

// buildNetwork collects nodes and links. It notes links it had to leave
// out (summary ends, unknown tasks, unreadable types or lags).
func buildNetwork(s *artifact.Schedule, notes *[]string) (*network, []rawEdge) {
	nw := &network{}
	for i := range s.Tasks {
		if !isSummary(&s.Tasks[i]) {
			nw.task = append(nw.task, i)
		}
	}
	// Numeric keys parsed once: comparing by uidLess would parse each
	// UID log n times.
	type key struct {
		num   int64
		isNum bool
		text  string
		task  int
	}
	keys := make([]key, len(nw.task))
	for k, ti := range nw.task {
		u := taskKey(&s.Tasks[ti])
		v, err := strconv.ParseInt(u, 10, 64)
		keys[k] = key{num: v, isNum: err == nil, text: u, task: ti}
	}
	sort.SliceStable(keys, func(a, b int) bool {
		ka, kb := &keys[a], &keys[b]
		if ka.isNum != kb.isNum {
			return ka.isNum
		}
		if ka.isNum {
			return ka.num < kb.num
		}
		return ka.text < kb.text
	})
	for k := range keys {
		nw.task[k] = keys[k].task
	}
	n := len(nw.task)
	nw.uid = make([]string, n)
	node := make(map[string]int32, n)
	var dups []string
	for k, ti := range nw.task {
		nw.uid[k] = taskKey(&s.Tasks[ti])
		if _, dup := node[nw.uid[k]]; dup {
			dups = append(dups, nw.uid[k])
		} else {
			node[nw.uid[k]] = int32(k)
		}
	}
	if len(dups) > 0 {
		*notes = append(*notes, "duplicate task UIDs (SCHED-001): links reach only the first task of each: "+listed(uniq(dups)))
	}
	summary := map[string]bool{}
	for i := range s.Tasks {
		if t := &s.Tasks[i]; isSummary(t) {
			summary[taskKey(t)] = true
		}
	}
	edges := make([]rawEdge, 0, len(s.Relationships))
	var onSummary, unknown []string
	badType, badLag := 0, 0
	add := func(from, to, typ string, lagDays float64) {
		fi, okf := node[from]
		ti, okt := node[to]
		if !okf || !okt {
			for _, u := range [2]string{from, to} {
				if summary[u] {
					onSummary = append(onSummary, u)
				} else if _, ok := node[u]; !ok {
					unknown = append(unknown, u)
				}
			}
			return
		}
		lt, ok := parseLinkType(typ)
		if !ok {
			badType++
		}
		lag, ok := ticks(lagDays)
		if !ok {
			badLag++
		}
		edges = append(edges, rawEdge{from: fi, to: ti, typ: lt, lag: lag})
	}
	if len(s.Relationships) > 0 {
		for _, r := range s.Relationships {
			add(r.From, r.To, r.Type, r.LagDays)
		}
	} else {
		// No unique relationship list: rebuild it from predecessor
		// references, which name a UID or, failing that, an ID.
		byID := make(map[string]string, len(s.Tasks))
		for i := range s.Tasks {
			if t := &s.Tasks[i]; t.ID != "" {
				if _, dup := byID[t.ID]; !dup {
					byID[t.ID] = taskKey(t)
				}
			}
		}
		for i := range s.Tasks {
			t := &s.Tasks[i]
			for _, l := range t.Predecessors {
				if l.External {
					continue
				}
				from := l.Ref
				_, isNode := node[from]
				if !isNode && !summary[from] {
					if u, ok := byID[from]; ok {
						from = u
					}
				}
				add(from, taskKey(t), l.Type, l.LagDays)
			}
		}
	}
	if len(onSummary) > 0 {
		*notes = append(*notes, "links to or from summary tasks are left out of the pass (SCHED-005 reports them): "+listed(uniq(onSummary)))
	}
	if len(unknown) > 0 {
		*notes = append(*notes, "links naming no task are left out of the pass: "+listed(uniq(unknown)))
	}
	if badType > 0 {
		*notes = append(*notes, strconv.Itoa(badType)+" links have an unknown type and were taken as finish-to-start")
	}
	if badLag > 0 {
		*notes = append(*notes, strconv.Itoa(badLag)+" links have an unreadable lag and were taken as lag 0")
	}
	// Compressed adjacency, preds and succs in UID order of the other end
	// so tie-breaks are deterministic.
	sort.SliceStable(edges, func(a, b int) bool {
		if edges[a].to != edges[b].to {
			return edges[a].to < edges[b].to
		}
		return edges[a].from < edges[b].from
	})
	nw.predOff = make([]int32, n+1)
	nw.succOff = make([]int32, n+1)
	for _, e := range edges {
		nw.predOff[e.to+1]++
		nw.succOff[e.from+1]++
	}
	for i := 0; i < n; i++ {
		nw.predOff[i+1] += nw.predOff[i]
		nw.succOff[i+1] += nw.succOff[i]
	}
	nw.preds = make([]edge, len(edges))
	nw.succs = make([]edge, len(edges))
	pfill := append([]int32(nil), nw.predOff[:n]...)
	sfill := append([]int32(nil), nw.succOff[:n]...)
	for _, e := range edges {
		nw.preds[pfill[e.to]] = edge{other: e.from, typ: e.typ, lag: e.lag}
		pfill[e.to]++
	}
	// Successor lists sorted by successor: edges are sorted by (to, from),
	// so filling in that order keeps each list ascending.
	for _, e := range edges {
		nw.succs[sfill[e.from]] = edge{other: e.to, typ: e.typ, lag: e.lag}
		sfill[e.from]++
	}
	return nw, edges
}

func uniq(xs []string) []string {
	seen := map[string]bool{}
	out := xs[:0]
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// order computes a topological order (Kahn); it returns false when some
// nodes sit on or behind a cycle.
func (nw *network) order() bool {
	n := len(nw.task)
	indeg := make([]int32, n)
	for i := 0; i < n; i++ {
		indeg[i] = nw.predOff[i+1] - nw.predOff[i]
	}
	topo := make([]int32, 0, n)
	for i := 0; i < n; i++ {
		if indeg[i] == 0 {
			topo = append(topo, int32(i))
		}
	}
	for h := 0; h < len(topo); h++ {
		u := topo[h]
		for _, e := range nw.succs[nw.succOff[u]:nw.succOff[u+1]] {
			indeg[e.other]--
			if indeg[e.other] == 0 {
				topo = append(topo, e.other)
			}
		}
	}
	nw.topo = topo
	return len(topo) == n
}

// cycles finds the strongly connected components that contain a loop
// (Tarjan, iterative so a long chain cannot exhaust the stack). Each is
// reported as the loop through its lowest UID when that loop visits every
// member, else as its members in UID order.
func (nw *network) cycles() [][]string {
	n := len(nw.task)
	index := make([]int32, n)
	low := make([]int32, n)
	onStack := make([]bool, n)
	for i := range index {
		index[i] = -1
	}
	var stack []int32
	var out [][]string
	next := int32(0)
	type frame struct {
		v int32
		e int32
	}
	for root := 0; root < n; root++ {
		if index[root] >= 0 {
			continue
		}
		call := []frame{{v: int32(root), e: nw.succOff[root]}}
		index[root], low[root] = next, next
		next++
		stack = append(stack, int32(root))
		onStack[root] = true
		for len(call) > 0 {
			f := &call[len(call)-1]
			v := f.v
			if f.e < nw.succOff[v+1] {
				w := nw.succs[f.e].other
				f.e++
				if index[w] < 0 {
					index[w], low[w] = next, next
					next++
					stack = append(stack, w)
					onStack[w] = true
					call = append(call, frame{v: w, e: nw.succOff[w]})
				} else if onStack[w] && index[w] < low[v] {
					low[v] = index[w]
				}
				continue
			}
			call = call[:len(call)-1]
			if len(call) > 0 {
				p := call[len(call)-1].v
				if low[v] < low[p] {
					low[p] = low[v]
				}
			}
			if low[v] != index[v] {
				continue
			}
			var comp []int32
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[w] = false
				comp = append(comp, w)
				if w == v {
					break
				}
			}
			if len(comp) > 1 || nw.selfLoop(v) {
				out = append(out, nw.describeCycle(comp))
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return uidLess(out[i][0], out[j][0]) })
	return out
}

func (nw *network) selfLoop(v int32) bool {
	for _, e := range nw.succs[nw.succOff[v]:nw.succOff[v+1]] {
		if e.other == v {
			return true
		}
	}
	return false
}

// describeCycle names a component: nodes are numbered in UID order, so
// the smallest index is the lowest UID.
func (nw *network) describeCycle(comp []int32) []string {
	sort.Slice(comp, func(i, j int) bool { return comp[i] < comp[j] })
	in := make(map[int32]bool, len(comp))
	for _, c := range comp {
		in[c] = true
	}
	start := comp[0]
	// Shortest loop back to start inside the component (BFS).
	parent := map[int32]int32{start: -1}
	queue := []int32{start}
	var last int32 = -1
	for h := 0; h < len(queue) && last < 0; h++ {
		u := queue[h]
		for _, e := range nw.succs[nw.succOff[u]:nw.succOff[u+1]] {
			if !in[e.other] {
				continue
			}
			if e.other == start {
				last = u
				break
			}
			if _, seen := parent[e.other]; !seen {
				parent[e.other] = u
				queue = append(queue, e.other)
			}
		}
	}
	var loop []int32
	for u := last; u >= 0; u = parent[u] {
		loop = append(loop, u)
	}
	names := make([]string, 0, len(comp))
	if len(loop) == len(comp) {
		for i := len(loop) - 1; i >= 0; i-- {
			names = append(names, nw.uid[loop[i]])
		}
		return names
	}
	for _, c := range comp {
		names = append(names, nw.uid[c])
	}
	return names
}
