package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/internal/discover"
	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/hangguard"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/policy"
)

const attacksDir = "../../testdata/attacks"

func copyAttack(t *testing.T, name, dst string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(attacksDir, name))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// Defect 11: a file swapped for a FIFO after discovery hung the run (the
// hash opened it and waited for a writer). It is now opened without
// blocking, refused as no longer a regular file, and the run goes on.
func TestAttack11FIFOAfterDiscovery(t *testing.T) {
	dir := t.TempDir()
	copyAttack(t, "charter.md", filepath.Join(dir, "charter.md"))
	copyAttack(t, "charter.md", filepath.Join(dir, "plan.md"))
	swap := func([]discover.File) {
		p := filepath.Join(dir, "plan.md")
		if err := os.Remove(p); err != nil {
			t.Error(err)
		}
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Error(err)
		}
	}
	var out *finding.Result
	var err error
	hangguard.Within(t, 60*time.Second, "the run", func() {
		out, err = Run(context.Background(),
			Options{Engine: engine(t, map[string]any{"as_of": "2026-11-22"}), Paths: []string{dir}, Jobs: 2, Limits: limits.Default(), discovered: swap})
	})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range out.Documents {
		if d.Path == "plan.md" {
			found = true
			if d.Status != "unreadable" || !strings.Contains(d.Error, "regular file") {
				t.Errorf("plan.md: status %s, error %q", d.Status, d.Error)
			}
		}
	}
	if !found {
		t.Errorf("plan.md is not listed: %+v", out.Documents)
	}
}

// Defect 8: no goroutine outlives a run whose readers and rules all ran
// into their deadlines. The readers are abandoned at once (read_timeout
// 1ns) and a user rule loops for far longer than eval_timeout; once Run
// returns, the goroutine count comes back to where it was (OPA stops an
// abandoned evaluation at its next cancellation check).
func TestAttack08NoGoroutineLeak(t *testing.T) {
	pol := t.TempDir()
	slow := "package attack.slow\n\nimport rego.v1\n\ndeny contains m if {\n" +
		"\tsome i in numbers.range(1, 90000)\n\tsome j in numbers.range(1, 90000)\n\ti == j + 1000000\n\tm := \"never\"\n}\n"
	if err := os.WriteFile(filepath.Join(pol, "slow.rego"), []byte(slow), 0o644); err != nil {
		t.Fatal(err)
	}
	eng, err := policy.Compile(context.Background(), policy.Options{Packs: []string{"core"}, PolicyDirs: []string{pol},
		Project: map[string]any{"as_of": "2026-11-22"}})
	if err != nil {
		t.Fatal(err)
	}
	readDir, evalDir := t.TempDir(), t.TempDir()
	for i, name := range []string{"a.md", "b.md", "c.md", "d.md", "e.csv", "f.csv"} {
		src := "charter.md"
		if strings.HasSuffix(name, ".csv") {
			src = "header-injection.csv"
		}
		copyAttack(t, src, filepath.Join(readDir, name))
		if i < 3 {
			copyAttack(t, src, filepath.Join(evalDir, name))
		}
	}
	settle := func() int {
		runtime.GC()
		time.Sleep(50 * time.Millisecond)
		return runtime.NumGoroutine()
	}
	before := settle()

	readLim := limits.Default()
	readLim.ReadTimeout = time.Nanosecond
	evalLim := limits.Default()
	evalLim.EvalTimeout = 100 * time.Millisecond
	evalLim.ProjectTimeout = 100 * time.Millisecond
	for _, run := range []struct {
		dir  string
		lim  limits.Limits
		want string
	}{{readDir, readLim, "read_timeout"}, {evalDir, evalLim, "eval_timeout"}} {
		var out *finding.Result
		hangguard.Within(t, 60*time.Second, "the run", func() {
			out, err = Run(context.Background(), Options{Engine: eng, Paths: []string{run.dir}, Jobs: 2, Limits: run.lim})
		})
		if err != nil {
			t.Fatal(err)
		}
		hit := false
		for _, f := range out.Findings {
			hit = hit || strings.Contains(f.Message, run.want)
		}
		if !hit {
			t.Errorf("no finding names %s: %+v", run.want, out.Findings)
		}
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		n := settle()
		if n <= before+1 {
			break
		}
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("%d goroutines after the runs, %d before:\n%s", n, before, buf[:runtime.Stack(buf, true)])
		}
	}
}
