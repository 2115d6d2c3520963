// Package policies holds the built-in rule packs (one directory per pack,
// one Rego package per rule), their shared helpers (lib/) and the reference
// data they read (data/). The policy engine loads them from FS.
package policies

import "embed"

// FS is the built-in policy tree: <pack>/<rule>.rego (with <rule>_test.rego
// beside each rule), data/*.json and procedures.yaml (procedure clauses →
// rule IDs).
//
//go:embed */*.rego data/*.json procedures.yaml
var FS embed.FS
