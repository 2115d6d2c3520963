// Package structured reads JSON and YAML files that already hold a tollgate
// artifact (a top-level mapping with a string "kind"): docs-as-code users
// write the normalized form directly, and normalize takes it as is.
package structured

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/extract/textfile"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

// Read reads a JSON or YAML artifact. The syntax is chosen by extension
// (.json, .yaml, .yml) and, for other names, by the first non-blank byte.
// A file that parses but has no top-level string "kind" is a TG-READ-004
// fault: it is data, not an artifact.
func Read(ctx context.Context, r io.ReaderAt, size int64, name string, lim limits.Limits) (*document.Tree, error) {
	b, err := textfile.Load(r, size, lim)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	t := &document.Tree{Path: name, Format: formatOf(name, b)}
	var (
		v     map[string]any
		fault *document.Fault
	)
	if t.Format == document.FormatJSON {
		v, fault = decodeJSON(b)
	} else {
		v, fault = DecodeYAML(b)
	}
	if fault != nil {
		return nil, fault
	}
	if k, ok := v["kind"].(string); !ok || strings.TrimSpace(k) == "" {
		return nil, document.Faultf(document.ReadUnsupported, document.Loc{}, nil,
			"not a tollgate artifact (no top-level kind)")
	}
	t.Artifact = v
	return t, nil
}

func formatOf(name string, b []byte) document.Format {
	switch strings.ToLower(path.Ext(strings.ReplaceAll(name, "\\", "/"))) {
	case ".json":
		return document.FormatJSON
	case ".yaml", ".yml":
		return document.FormatYAML
	}
	if t := bytes.TrimLeft(bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF")), " \t\r\n"); len(t) > 0 && (t[0] == '{' || t[0] == '[') {
		return document.FormatJSON
	}
	return document.FormatYAML
}

// decodeJSON decodes one JSON value that must be an object; anything after
// it is an error, so a concatenation of two artifacts is not half read.
func decodeJSON(b []byte) (map[string]any, *document.Fault) {
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	dec := json.NewDecoder(bytes.NewReader(b))
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, jsonFault(b, err, dec.InputOffset())
	}
	if _, err := dec.Token(); err != io.EOF {
		off := dec.InputOffset()
		return nil, document.Faultf(document.ReadCorrupt, document.Loc{Line: lineAt(b, off)}, err,
			"not valid JSON: more data after the top-level value")
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, document.Faultf(document.ReadUnsupported, document.Loc{}, nil,
			"not a tollgate artifact (no top-level kind): the top level is not an object")
	}
	return m, nil
}

func jsonFault(b []byte, err error, off int64) *document.Fault {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		// Offset counts the byte that broke the syntax; when that byte is
		// the newline ending the line, the line is the one before it.
		off = se.Offset - 1
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		off = int64(len(b))
	}
	return document.Faultf(document.ReadCorrupt, document.Loc{Line: lineAt(b, off)}, err, "not valid JSON: %v", err)
}

// lineAt is the 1-based line of byte offset off.
func lineAt(b []byte, off int64) int {
	off = max(0, min(off, int64(len(b))))
	return bytes.Count(b[:off], []byte("\n")) + 1
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// DecodeYAML decodes the first YAML document of b into JSON-compatible
// values: string keys, float64 numbers (as encoding/json would give),
// timestamps as the ISO text they were written as. The mapping must be at
// the top. Alias bombs ("billion laughs") are refused: yaml.v3 stops
// expanding aliases that dominate the document, and that refusal is a
// TG-READ-001 fault rather than a hang or an out-of-memory crash.
// An empty document gives an empty map.
func DecodeYAML(b []byte) (map[string]any, *document.Fault) {
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	var v any
	err := yaml.NewDecoder(bytes.NewReader(b)).Decode(&v)
	switch {
	case errors.Is(err, io.EOF):
		return map[string]any{}, nil
	case err != nil && strings.Contains(err.Error(), "excessive aliasing"):
		return nil, document.Faultf(document.ReadCorrupt, document.Loc{}, err,
			"YAML aliases expand far beyond the text (an alias bomb): the file was refused")
	case err != nil:
		loc := document.Loc{}
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			loc.Line, _ = strconv.Atoi(m[1])
		}
		return nil, document.Faultf(document.ReadCorrupt, loc, err, "not valid YAML: %v", err)
	}
	if v == nil {
		return map[string]any{}, nil
	}
	jv, err := jsonValue(v, 0)
	if err != nil {
		return nil, document.Faultf(document.ReadCorrupt, document.Loc{}, err, "YAML value cannot be used: %v", err)
	}
	m, ok := jv.(map[string]any)
	if !ok {
		return nil, document.Faultf(document.ReadUnsupported, document.Loc{}, nil,
			"not a tollgate artifact (no top-level kind): the top level is not a mapping")
	}
	return m, nil
}

// maxDepth bounds the conversion recursion; yaml.v3 already refuses
// deeper nesting than this while parsing.
const maxDepth = 10000

// jsonValue converts what yaml.v3 decodes into what encoding/json would
// have produced for the same data.
func jsonValue(v any, depth int) (any, error) {
	if depth > maxDepth {
		return nil, errors.New("nesting too deep")
	}
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			c, err := jsonValue(e, depth+1)
			if err != nil {
				return nil, err
			}
			out[k] = c
		}
		return out, nil
	case map[any]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			c, err := jsonValue(e, depth+1)
			if err != nil {
				return nil, err
			}
			out[keyString(k)] = c
		}
		return out, nil
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			c, err := jsonValue(e, depth+1)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	case int:
		return float64(x), nil
	case int64:
		return float64(x), nil
	case uint64:
		return float64(x), nil
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			// JSON has no NaN/Infinity; keep what was meant as text.
			return strconv.FormatFloat(x, 'g', -1, 64), nil
		}
		return x, nil
	case time.Time:
		if x.Hour() == 0 && x.Minute() == 0 && x.Second() == 0 && x.Nanosecond() == 0 && x.Location() == time.UTC {
			return x.Format("2006-01-02"), nil
		}
		return x.Format(time.RFC3339Nano), nil
	case []byte: // !!binary
		return string(x), nil
	case nil, string, bool:
		return x, nil
	}
	return fmt.Sprint(v), nil
}

func keyString(k any) string {
	switch x := k.(type) {
	case string:
		return x
	case nil:
		return "null"
	case time.Time:
		s, _ := jsonValue(x, 0)
		return s.(string)
	}
	return fmt.Sprint(k)
}
