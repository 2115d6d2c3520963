package check

import (
	"context"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/internal/classify"
	"github.com/tollgate-dev/tollgate/internal/discover"
	"github.com/tollgate-dev/tollgate/internal/extract"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/normalize"
	"github.com/tollgate-dev/tollgate/internal/policy"
	"github.com/tollgate-dev/tollgate/internal/schema"
)

func live() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc >> 20
}

func TestAdhocStages(t *testing.T) {
	p := os.Getenv("STAGE_FILE")
	if p == "" {
		t.Skip()
	}
	eng := engine(t, map[string]any{"as_of": "2026-09-08"})
	for it := 0; it < 2; it++ {
		l0 := live()
		files, _ := discover.Walk([]string{p}, discover.Options{Limits: limits.Default()})
		f := files[0]
		t0 := time.Now()
		tree, err := extract.Read(context.Background(), f, limits.Default())
		if err != nil {
			t.Fatal(err)
		}
		t1 := time.Now()
		l1 := live()
		c := classify.Classify(tree, f.Path, nil)
		a := normalize.Normalize(tree, c, normalize.Options{})
		t2 := time.Now()
		tree = nil
		l2 := live()
		t3 := time.Now()
		v := schema.ValidateArtifact(a)
		t4 := time.Now()
		in, _ := policy.PrepareTyped(a)
		t5 := time.Now()
		l3 := live()
		o, err := eng.EvalDocumentInput(context.Background(), in)
		t6 := time.Now()
		t.Logf("read %v norm %v schema %v (%d) prep %v eval %v (%d findings) total %v", t1.Sub(t0), t2.Sub(t1), t4.Sub(t3), len(v), t5.Sub(t4), t6.Sub(t5), len(o.Findings), t6.Sub(t0)-t3.Sub(t2))
		t.Logf("live MiB: start %d, tree %d, artifact %d, +input %d", l0, l1, l2, l3)
		runtime.KeepAlive(a)
		runtime.KeepAlive(in)
	}
}
