package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The built-in packs are in OPA's format, save the files OPA's formatter
// cannot format without changing their meaning (it garbles some else
// chains in OPA 1.22): those are logged, and FormatRego refuses them.
func TestBuiltinPacksFormatted(t *testing.T) {
	files, err := regoFiles([]string{"../../policies"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out, err := FormatRego(f, src)
		if errors.Is(err, errUnsafeFormat) {
			t.Logf("%s: OPA's formatter would garble it; left unformatted", f)
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if string(out) != string(src) {
			t.Errorf("%s is not formatted: go run ./cmd/tollgate fmt policies", f)
		}
	}
}

// tollgate fmt --check lists an unformatted file and exits 1 without
// writing; fmt rewrites it; then --check passes. A file the formatter
// would garble is left alone with a warning.
func TestFmtCommand(t *testing.T) {
	dir := t.TempDir()
	ugly := "package org.x\n\ndeny contains   \"x\" if {\n    input.a==1\n}\n"
	garbled := `package org.y

import data.tollgate.lib

label(r) := sprintf("requirement %q", [r.objective]) if not lib.blank(object.get(r, "objective", null))

else := sprintf("requirement %q", [r.id]) if not lib.blank(object.get(r, "id", null))

else := "a requirement"
`
	writeFiles(t, dir, map[string]string{"x.rego": ugly, "y.rego": garbled})
	code, out, stderr := run(t, "fmt", "--check", dir)
	if code != ExitFail || !strings.Contains(out, "x.rego: not formatted") {
		t.Fatalf("fmt --check: exit %d\n%s%s", code, out, stderr)
	}
	if !strings.Contains(stderr, "y.rego: OPA's formatter would change what this file means") {
		t.Errorf("fmt --check: no warning for the file the formatter garbles: %s", stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "x.rego")); string(b) != ugly {
		t.Fatal("fmt --check wrote the file")
	}
	if code, _, stderr = run(t, "fmt", dir); code != ExitOK {
		t.Fatalf("fmt: exit %d %s", code, stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "y.rego")); string(b) != garbled {
		t.Error("fmt rewrote the file its formatter garbles")
	}
	if code, out, _ = run(t, "fmt", "--check", dir); code != ExitOK {
		t.Errorf("fmt --check after fmt: exit %d\n%s", code, out)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "x.rego"))
	if !strings.Contains(string(b), "deny contains \"x\" if {\n\tinput.a == 1\n}") {
		t.Errorf("formatted:\n%s", b)
	}
}
