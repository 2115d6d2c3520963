package artifact

import (
	"encoding/json"
	"math"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// decodeMap turns the JSON object that json.Marshal made of an artifact into
// the generic form json.Unmarshal into a map[string]any gives: maps, []any
// (empty arrays non-nil), float64 numbers, strings, bools, nil.
//
// Why not json.Unmarshal: on a 10,000-task schedule it is most of the cost of
// Map (it validates the whole text in a first pass, then decodes through a
// general state machine). The text here always comes from json.Marshal, so a
// direct recursive descent is enough; object keys, which repeat on every
// task, are interned so the maps share one string per key name. Anything the
// decoder does not expect (it never should happen) falls back to
// json.Unmarshal, so the result and the errors are always those of the
// standard decoder.
func decodeMap(b []byte) (map[string]any, error) {
	d := decoder{b: b, keys: map[string]string{}, sizes: map[string]int{}, strs: map[string]any{}, nums: map[uint64]any{}}
	d.space()
	if d.i >= len(d.b) || d.b[d.i] != '{' {
		return slowDecode(b)
	}
	v, ok := d.value(0)
	d.space()
	if !ok || d.i != len(d.b) {
		return slowDecode(b)
	}
	return v.(map[string]any), nil
}

func slowDecode(b []byte) (map[string]any, error) {
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	return m, nil
}

// maxDepth matches encoding/json's nesting limit; deeper text goes to the
// standard decoder, which reports it.
const maxDepth = 10000

type decoder struct {
	b     []byte
	i     int
	keys  map[string]string
	sizes map[string]int // object size by first key
	// Boxed values shared by every occurrence: a schedule repeats the same
	// dates, codes and numbers on every task, and each string or float64
	// put in an interface is otherwise its own allocation. The values are
	// immutable, so sharing them is invisible to readers of the map.
	strs  map[string]any
	nums  map[uint64]any // by float64 bits (0 and -0 differ)
	empty any            // []any{}: appending to it never writes into it
}

// maxShared is the longest string value shared: longer ones (titles,
// section text) rarely repeat.
const maxShared = 64

func (d *decoder) space() {
	for d.i < len(d.b) {
		switch d.b[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// value decodes the value at d.i; ok is false on anything unexpected.
func (d *decoder) value(depth int) (v any, ok bool) {
	if d.i >= len(d.b) || depth > maxDepth {
		return nil, false
	}
	switch c := d.b[d.i]; {
	case c == '{':
		return d.object(depth + 1)
	case c == '[':
		return d.array(depth + 1)
	case c == '"':
		return d.strValue()
	case c == 't':
		return true, d.literal("true")
	case c == 'f':
		return false, d.literal("false")
	case c == 'n':
		return nil, d.literal("null")
	case c == '-' || (c >= '0' && c <= '9'):
		return d.number()
	}
	return nil, false
}

func (d *decoder) literal(lit string) bool {
	if len(d.b)-d.i < len(lit) || string(d.b[d.i:d.i+len(lit)]) != lit {
		return false
	}
	d.i += len(lit)
	return true
}

func (d *decoder) object(depth int) (any, bool) {
	d.i++ // {
	d.space()
	if d.i < len(d.b) && d.b[d.i] == '}' {
		d.i++
		return map[string]any{}, true
	}
	var m map[string]any
	first := ""
	for {
		d.space()
		if d.i >= len(d.b) || d.b[d.i] != '"' {
			return nil, false
		}
		k, ok := d.str(true)
		if !ok {
			return nil, false
		}
		if m == nil {
			// Objects with the same first key (every task, every link)
			// have the same fields: size the map as the last one was, so
			// it is not regrown key by key.
			first = k
			m = make(map[string]any, d.sizes[first])
		}
		d.space()
		if d.i >= len(d.b) || d.b[d.i] != ':' {
			return nil, false
		}
		d.i++
		d.space()
		v, ok := d.value(depth)
		if !ok {
			return nil, false
		}
		m[k] = v
		d.space()
		if d.i >= len(d.b) {
			return nil, false
		}
		switch d.b[d.i] {
		case ',':
			d.i++
		case '}':
			d.i++
			d.sizes[first] = len(m)
			return m, true
		default:
			return nil, false
		}
	}
}

func (d *decoder) array(depth int) (any, bool) {
	d.i++ // [
	d.space()
	if d.i < len(d.b) && d.b[d.i] == ']' {
		d.i++
		if d.empty == nil {
			d.empty = make([]any, 0)
		}
		return d.empty, true
	}
	a := make([]any, 0)
	for {
		d.space()
		v, ok := d.value(depth)
		if !ok {
			return nil, false
		}
		a = append(a, v)
		d.space()
		if d.i >= len(d.b) {
			return nil, false
		}
		switch d.b[d.i] {
		case ',':
			d.i++
		case ']':
			d.i++
			return a, true
		default:
			return nil, false
		}
	}
}

// number reads a JSON number as encoding/json does: strconv.ParseFloat of
// its text.
func (d *decoder) number() (any, bool) {
	start := d.i
	if d.b[d.i] == '-' {
		d.i++
	}
	digits := func() int {
		n := 0
		for d.i < len(d.b) && d.b[d.i] >= '0' && d.b[d.i] <= '9' {
			d.i++
			n++
		}
		return n
	}
	intStart := d.i
	n := digits()
	if n == 0 || (n > 1 && d.b[intStart] == '0') {
		return nil, false
	}
	if d.i < len(d.b) && d.b[d.i] == '.' {
		d.i++
		if digits() == 0 {
			return nil, false
		}
	}
	if d.i < len(d.b) && (d.b[d.i] == 'e' || d.b[d.i] == 'E') {
		d.i++
		if d.i < len(d.b) && (d.b[d.i] == '+' || d.b[d.i] == '-') {
			d.i++
		}
		if digits() == 0 {
			return nil, false
		}
	}
	f, err := strconv.ParseFloat(string(d.b[start:d.i]), 64)
	if err != nil {
		return nil, false
	}
	bits := math.Float64bits(f)
	v, ok := d.nums[bits]
	if !ok {
		v = f
		d.nums[bits] = v
	}
	return v, true
}

// strValue reads a string value, shared with its earlier occurrences when
// short and free of escapes.
func (d *decoder) strValue() (any, bool) {
	end := d.i + 1
	for end < len(d.b) && end-d.i <= maxShared+1 {
		c := d.b[end]
		if c == '"' {
			raw := d.b[d.i+1 : end]
			if v, ok := d.strs[string(raw)]; ok {
				d.i = end + 1
				return v, true
			}
			break
		}
		if c == '\\' || c >= utf8.RuneSelf || c < 0x20 {
			break
		}
		end++
	}
	s, ok := d.str(false)
	if !ok {
		return nil, false
	}
	if len(s) > maxShared {
		return s, true
	}
	var v any = s
	d.strs[s] = v
	return v, true
}

// str reads a string at d.i (the opening quote). Strings without escapes
// (nearly all) are a single copy; keys are interned.
func (d *decoder) str(key bool) (string, bool) {
	d.i++ // "
	start := d.i
	for d.i < len(d.b) {
		c := d.b[d.i]
		switch {
		case c == '"':
			raw := d.b[start:d.i]
			d.i++
			if key {
				if s, ok := d.keys[string(raw)]; ok {
					return s, true
				}
				s := string(raw)
				d.keys[s] = s
				return s, true
			}
			return string(raw), true
		case c == '\\' || c >= utf8.RuneSelf || c < 0x20:
			// The slow path: escapes, non-ASCII (checked for valid UTF-8)
			// and control characters (which are invalid).
			return d.strSlow(start)
		}
		d.i++
	}
	return "", false
}

func (d *decoder) strSlow(start int) (string, bool) {
	d.i = start
	out := make([]byte, 0, 32)
	for d.i < len(d.b) {
		c := d.b[d.i]
		switch {
		case c == '"':
			d.i++
			return string(out), true
		case c < 0x20:
			return "", false
		case c == '\\':
			if d.i+1 >= len(d.b) {
				return "", false
			}
			e := d.b[d.i+1]
			d.i += 2
			switch e {
			case '"', '\\', '/':
				out = append(out, e)
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'u':
				r, ok := d.hex4()
				if !ok {
					return "", false
				}
				if utf16.IsSurrogate(r) {
					// A pair decodes to one rune; a lone half becomes
					// U+FFFD, as encoding/json does.
					if d.i+6 <= len(d.b) && d.b[d.i] == '\\' && d.b[d.i+1] == 'u' {
						save := d.i
						d.i += 2
						r2, ok := d.hex4()
						if ok {
							if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
								out = utf8.AppendRune(out, dec)
								continue
							}
						}
						d.i = save
					}
					r = utf8.RuneError
				}
				out = utf8.AppendRune(out, r)
			default:
				return "", false
			}
		case c < utf8.RuneSelf:
			out = append(out, c)
			d.i++
		default:
			r, size := utf8.DecodeRune(d.b[d.i:])
			if r == utf8.RuneError && size == 1 {
				// json.Marshal never writes invalid UTF-8; let the
				// standard decoder handle whatever this is.
				return "", false
			}
			out = append(out, d.b[d.i:d.i+size]...)
			d.i += size
		}
	}
	return "", false
}

func (d *decoder) hex4() (rune, bool) {
	if d.i+4 > len(d.b) {
		return 0, false
	}
	var r rune
	for _, c := range d.b[d.i : d.i+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r*16 + rune(c)
	}
	d.i += 4
	return r, true
}
