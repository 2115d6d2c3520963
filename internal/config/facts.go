package config

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
)

// Find returns the configuration file that applies to a run over paths:
// explicit (when set), else the nearest .tollgate.yaml at or above the
// first argument — up to the working directory when the argument lies
// under it, else up to the repository root (a directory holding .git) —
// else in the working directory. "" means none. Checking one file of a
// repository thus reads the repository's configuration (its status date,
// its kinds) as checking the whole tree does.
func Find(explicit string, paths []string) string {
	if explicit != "" {
		return explicit
	}
	if len(paths) > 0 {
		if c := nearest(paths[0]); c != "" {
			return c
		}
	}
	if exists(FileName) {
		return FileName
	}
	return ""
}

// nearest walks up from p (a file's directory, or a directory) looking for
// the configuration file.
func nearest(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return ""
	}
	if fi, err := os.Stat(abs); err != nil {
		return ""
	} else if !fi.IsDir() {
		abs = filepath.Dir(abs)
	}
	cwd, _ := os.Getwd()
	under := cwd != "" && (abs == cwd || strings.HasPrefix(abs, cwd+string(filepath.Separator)))
	inRepo := !under && hasGitAbove(abs)
	for dir := abs; ; {
		if c := filepath.Join(dir, FileName); exists(c) {
			return relToCwd(c, cwd)
		}
		if under && dir == cwd || !under && (!inRepo || isDir(filepath.Join(dir, ".git"))) {
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

// hasGitAbove reports whether some directory at or above dir holds .git:
// outside the working directory the walk goes up only inside a repository.
func hasGitAbove(dir string) bool {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return true
		}
		if filepath.Dir(d) == d {
			return false
		}
	}
}

func relToCwd(p, cwd string) string {
	if cwd == "" {
		return p
	}
	if r, err := filepath.Rel(cwd, p); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return p
}

func exists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}

func dirOf(p string) string { return filepath.Dir(p) }

func digest(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// ProjectData is data.tollgate.project as rules see it: the configured
// facts with as_of pinned (never the wall clock inside a rule).
func (c *Config) ProjectData(asOf string) map[string]any {
	p := map[string]any{"as_of": asOf}
	pr := c.Project
	if pr.Name != "" {
		p["name"] = pr.Name
	}
	if pr.StatusDate != "" {
		p["status_date"] = pr.StatusDate
	}
	if pr.Phase != nil {
		p["phase"] = *pr.Phase
	}
	if pr.Framework != "" {
		p["framework"] = pr.Framework
	}
	if e := pr.Execution; e != nil {
		ex := map[string]any{}
		if e.PhaseAtLeast != nil {
			ex["phase_at_least"] = *e.PhaseAtLeast
		}
		if e.WBSPrefix != "" {
			ex["wbs_prefix"] = e.WBSPrefix
		}
		if e.NameRegex != "" {
			ex["name_regex"] = e.NameRegex
		}
		p["execution"] = ex
	}
	if len(pr.PhaseWindows) > 0 {
		ws := make([]any, 0, len(pr.PhaseWindows))
		for _, w := range pr.PhaseWindows {
			ws = append(ws, map[string]any{"phase": w.Phase, "start": w.Start, "end": w.End})
		}
		p["phase_windows"] = ws
	}
	if len(pr.TailoredOut) > 0 {
		ts := make([]any, len(pr.TailoredOut))
		for i, t := range pr.TailoredOut {
			ts[i] = t
		}
		p["tailored_out"] = ts
	}
	if len(c.Approvers) > 0 {
		ap := map[string]any{}
		for k, v := range c.Approvers {
			roles := make([]any, len(v))
			for i, r := range v {
				roles[i] = r
			}
			ap[k] = roles
		}
		p["approvers"] = ap
	}
	return p
}
