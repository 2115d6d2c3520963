package config

import (
	"fmt"
	"path/filepath"

	"github.com/tollgate-dev/tollgate/internal/fsguard"
)

// A configuration may come from the checked tree, that is from the pull
// request being checked: the files it names are read by the rules, and a
// rule can print what it reads into the report and the CI log. So every
// path a configuration names (policies:, data:) must resolve, symbolic
// links followed, inside the configuration's own directory tree; anything
// else is refused (exit 2). Paths given on the command line (--policy,
// --data) are the user's own choice and are not confined.

// Confined is a path a configuration names, resolved, with the directory
// it must stay inside.
type Confined struct {
	Path, Root string
}

// PolicySources are the configured policies: entries, resolved inside
// the configuration's directory (and, under a trusted configuration, the
// checked tree's own, inside the tree's).
func (c *Config) PolicySources() ([]Confined, error) {
	return c.sources("policies", func(c *Config) []string { return c.Policies })
}

// DataSources are the configured data: entries, resolved the same way.
func (c *Config) DataSources() ([]Confined, error) {
	return c.sources("data", func(c *Config) []string { return c.Data })
}

func (c *Config) sources(key string, of func(*Config) []string) ([]Confined, error) {
	var out []Confined
	for _, part := range []*Config{c, c.untrusted} {
		if part == nil {
			continue
		}
		ps, err := part.confined(key, of(part))
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			out = append(out, Confined{Path: p, Root: part.Root()})
		}
	}
	return out, nil
}

// Root is the directory tree the configuration's paths must stay in.
func (c *Config) Root() string {
	if c.Dir == "" {
		return "."
	}
	return c.Dir
}

func (c *Config) confined(key string, ps []string) ([]string, error) {
	var out []string
	for i, p := range ps {
		if filepath.IsAbs(p) {
			return nil, fmt.Errorf("%s[%d] %q: an absolute path; a configuration may name only files inside its own directory (%s) — give others with --policy/--data", key, i, p, c.Root())
		}
		full := filepath.Join(c.Root(), p)
		ok, err := fsguard.Within(c.Root(), full)
		if err != nil {
			return nil, fmt.Errorf("%s[%d] %q: %w", key, i, p, err)
		}
		if !ok {
			return nil, fmt.Errorf("%s[%d] %q: %w (%s), through \"..\" or a symbolic link; a configuration may name only files inside its own directory — give others with --policy/--data", key, i, p, fsguard.ErrOutside, c.Root())
		}
		out = append(out, full)
	}
	return out, nil
}

// CheckInside refuses a configuration file found in a checked directory
// that is a symbolic link out of that directory: its text would reach
// error messages (and the CI log) when it does not parse.
func CheckInside(path string) error {
	ok, err := fsguard.Within(filepath.Dir(path), path)
	if err != nil {
		return fmt.Errorf("read config: %w", err)
	}
	if !ok {
		return fmt.Errorf("config %s: a symbolic link that %w; name the file with --config if it is meant", path, fsguard.ErrOutside)
	}
	return nil
}
