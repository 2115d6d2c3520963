package config

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"

	"github.com/tollgate-dev/tollgate/internal/normalize"
)

// Find returns the configuration file that applies to a run over paths:
// explicit (when set), else .tollgate.yaml in the first directory argument,
// else in the working directory. "" means none.
func Find(explicit string, paths []string) string {
	if explicit != "" {
		return explicit
	}
	for _, p := range paths {
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			if c := filepath.Join(p, FileName); exists(c) {
				return c
			}
			break
		}
	}
	if exists(FileName) {
		return FileName
	}
	return ""
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

// NormalizeOptions are the facts of the configuration that normalization
// needs (the status date, the DCMA critical-path test delay).
func (c *Config) NormalizeOptions() normalize.Options {
	o := normalize.Options{StatusDate: c.Project.StatusDate}
	if dcma, ok := c.Thresholds["dcma"].(map[string]any); ok {
		switch v := dcma["critical_path_delay_days"].(type) {
		case int:
			o.CriticalPathDelayDays = float64(v)
		case float64:
			o.CriticalPathDelayDays = v
		}
	}
	return o
}
