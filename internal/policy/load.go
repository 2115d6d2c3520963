package policy

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/tollgate-dev/tollgate/internal/fsguard"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/policies"
)

// libPack is the helper pack every rule may import; always loaded.
const libPack = "lib"

// builtinSources reads the built-in packs named in packs (all when empty)
// plus lib from the embedded tree. Test files are left out: they are not
// rules and must not count as such.
func builtinSources(packs []string) ([]source, error) {
	return readPacks(policies.FS, packs, false)
}

// readPacks reads <pack>/*.rego from fsys; withTests adds *_test.rego.
func readPacks(fsys fs.FS, packs []string, withTests bool) ([]source, error) {
	want := map[string]bool{libPack: true}
	for _, p := range packs {
		want[p] = true
	}
	files, err := fs.Glob(fsys, "*/*.rego")
	if err != nil {
		return nil, fmt.Errorf("list built-in policies: %w", err)
	}
	sort.Strings(files)
	var out []source
	for _, f := range files {
		pack := path.Dir(f)
		if len(packs) > 0 && !want[pack] {
			continue
		}
		if !withTests && strings.HasSuffix(f, "_test.rego") {
			continue
		}
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, fmt.Errorf("read built-in policy %s: %w", f, err)
		}
		out = append(out, source{name: "policies/" + f, text: b, builtin: true, pack: pack})
	}
	return out, nil
}

// userSources reads every .rego under the given directories (a file path
// is accepted too). Test files are skipped unless tests is set (tollgate
// test): they are not rules.
//
// Policies may come from the checked pull request, so each file must be
// a regular file (a FIFO or /dev/zero named x.rego must not hang the run
// or fill the memory), a path listed in confine must stay, links
// followed, inside its root, and all the files together may not exceed
// maxBytes (limits.policy_bytes; 0 = no bound): OPA's compiler takes
// about a hundred times a policy's size in memory.
func userSources(dirs []string, confine map[string]string, maxBytes int64, tests bool) ([]source, error) {
	var out []source
	var total int64
	read := func(p, root string) error {
		if root != "" {
			ok, err := fsguard.Within(root, p)
			if err != nil {
				return err
			}
			if !ok {
				return fmt.Errorf("%s: %w (%s)", p, fsguard.ErrOutside, root)
			}
		}
		left := int64(0)
		if maxBytes > 0 {
			left = max(maxBytes-total, 1)
		}
		b, err := fsguard.ReadRegular(p, left)
		if errors.Is(err, fsguard.ErrTooLarge) {
			return fmt.Errorf("%s: the user policies add up to more than %s (limits.policy_bytes); %s",
				p, limits.FormatBytes(maxBytes), limits.Hint(limits.KeyPolicyBytes))
		}
		if err != nil {
			return err
		}
		total += int64(len(b))
		out = append(out, source{name: p, text: b})
		return nil
	}
	for _, dir := range dirs {
		root := confine[dir]
		fi, err := os.Stat(dir)
		if err != nil {
			return nil, fmt.Errorf("policy directory: %w", err)
		}
		if !fi.IsDir() {
			if err := read(dir, root); err != nil {
				return nil, fmt.Errorf("read policy: %w", err)
			}
			continue
		}
		err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if p != dir && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasSuffix(p, ".rego") || !tests && strings.HasSuffix(p, "_test.rego") {
				return nil
			}
			return read(p, root)
		})
		if err != nil {
			return nil, fmt.Errorf("read policies in %s: %w", dir, err)
		}
	}
	return out, nil
}

// builtinData is the data the built-in rules read, before user data and
// configuration: data.tollgate.{thresholds,m3} from policies/data.
func builtinData() (thresholds, m3 map[string]any, raw [][]byte, err error) {
	tb, err := fs.ReadFile(policies.FS, "data/thresholds.json")
	if err != nil {
		return nil, nil, nil, fmt.Errorf("read built-in thresholds: %w", err)
	}
	if err := json.Unmarshal(tb, &thresholds); err != nil {
		return nil, nil, nil, fmt.Errorf("policies/data/thresholds.json: %w", err)
	}
	mb, err := fs.ReadFile(policies.FS, "data/m3.json")
	if err != nil {
		return nil, nil, nil, fmt.Errorf("read built-in M3 data: %w", err)
	}
	if err := json.Unmarshal(mb, &m3); err != nil {
		return nil, nil, nil, fmt.Errorf("policies/data/m3.json: %w", err)
	}
	return thresholds, m3, [][]byte{tb, mb}, nil
}

// buildData assembles the data document: user data files at their top
// level, then data.tollgate.{project,thresholds,m3} (which user data cannot
// replace). It also returns the bytes the policy digest covers.
func buildData(opts Options) (map[string]any, []byte, error) {
	thresholds, m3, raw, err := builtinData()
	if err != nil {
		return nil, nil, err
	}
	h := sha256.New()
	for _, b := range raw {
		h.Write(b)
	}
	data := map[string]any{}
	var total int64
	for _, f := range opts.DataFiles {
		// As for policies (userSources): a regular file, inside its root
		// when confined, within limits.data_bytes in all.
		if root := opts.Confine[f]; root != "" {
			ok, err := fsguard.Within(root, f)
			if err != nil {
				return nil, nil, fmt.Errorf("data file: %w", err)
			}
			if !ok {
				return nil, nil, fmt.Errorf("data file %s: %w (%s)", f, fsguard.ErrOutside, root)
			}
		}
		left := int64(0)
		if opts.DataBytes > 0 {
			left = max(opts.DataBytes-total, 1)
		}
		b, err := fsguard.ReadRegular(f, left)
		if errors.Is(err, fsguard.ErrTooLarge) {
			return nil, nil, fmt.Errorf("data file %s: the data files add up to more than %s (limits.data_bytes); %s",
				f, limits.FormatBytes(opts.DataBytes), limits.Hint(limits.KeyDataBytes))
		}
		if err != nil {
			return nil, nil, fmt.Errorf("data file: %w", err)
		}
		total += int64(len(b))
		doc, err := decodeData(f, b)
		if err != nil {
			return nil, nil, err
		}
		fmt.Fprintf(h, "data\x00%s\x00", f)
		h.Write(b)
		mergeInto(data, doc)
	}
	over, err := jsonRoundTrip(opts.Thresholds)
	if err != nil {
		return nil, nil, fmt.Errorf("thresholds: %w", err)
	}
	if om, ok := over.(map[string]any); ok {
		mergeInto(thresholds, om)
	}
	tj, _ := json.Marshal(thresholds) // maps marshal with sorted keys: stable
	h.Write([]byte("thresholds\x00"))
	h.Write(tj)

	project := map[string]any{}
	if opts.Project != nil {
		p, err := jsonRoundTrip(opts.Project)
		if err != nil {
			return nil, nil, fmt.Errorf("project data: %w", err)
		}
		project, _ = p.(map[string]any)
	}
	tg, _ := data["tollgate"].(map[string]any)
	if tg == nil {
		tg = map[string]any{}
	}
	tg["project"] = project
	tg["thresholds"] = thresholds
	tg["m3"] = m3
	data["tollgate"] = tg
	return data, h.Sum(nil), nil
}

// decodeData reads a JSON or YAML data file into an object.
func decodeData(name string, b []byte) (map[string]any, error) {
	var v any
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		d := json.NewDecoder(bytes.NewReader(b))
		if err := d.Decode(&v); err != nil {
			return nil, fmt.Errorf("data file %s: %w", name, err)
		}
	case ".yaml", ".yml":
		if err := yaml.Unmarshal(b, &v); err != nil {
			return nil, fmt.Errorf("data file %s: %w", name, err)
		}
		v = yamlToJSON(v)
	default:
		return nil, fmt.Errorf("data file %s: want .json, .yaml or .yml", name)
	}
	rt, err := jsonRoundTrip(v)
	if err != nil {
		return nil, fmt.Errorf("data file %s: %w", name, err)
	}
	m, ok := rt.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("data file %s: the top level must be an object", name)
	}
	return m, nil
}

// yamlToJSON makes YAML values JSON-shaped: non-string keys become
// strings and timestamps dates (YYYY-MM-DD when there is no time part).
func yamlToJSON(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = yamlToJSON(e)
		}
		return x
	case map[any]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[fmt.Sprint(k)] = yamlToJSON(e)
		}
		return m
	case []any:
		for i, e := range x {
			x[i] = yamlToJSON(e)
		}
		return x
	case time.Time:
		if x.Hour() == 0 && x.Minute() == 0 && x.Second() == 0 && x.Nanosecond() == 0 {
			return x.Format("2006-01-02")
		}
		return x.Format(time.RFC3339)
	}
	return v
}

// mergeInto deep-merges src into dst: objects merge key by key, anything
// else in src replaces dst's value.
func mergeInto(dst, src map[string]any) {
	keys := make([]string, 0, len(src))
	for k := range src {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		sv := src[k]
		if sm, ok := sv.(map[string]any); ok {
			if dm, ok := dst[k].(map[string]any); ok {
				mergeInto(dm, sm)
				continue
			}
		}
		dst[k] = sv
	}
}
