package extract

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/internal/discover"
	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/format"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

// TestReadHeldBoundsLiveReaders (issue 11, defect 8): readers abandoned at
// their deadline keep their slot until they end, so however many reads
// time out, no more than cap(slots) readers run at once.
func TestReadHeldBoundsLiveReaders(t *testing.T) {
	const slow document.Format = "test-slow"
	var live, most atomic.Int32
	read := func(ctx context.Context, r io.ReaderAt, size int64, path string, lim limits.Limits) (*document.Tree, error) {
		n := live.Add(1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		time.Sleep(100 * time.Millisecond) // a reader that does not look at its context
		live.Add(-1)
		return &document.Tree{}, nil
	}
	old := lookup
	lookup = func(f document.Format) (format.Spec, bool) {
		if f == slow {
			return format.Spec{Name: slow, Read: read}, true
		}
		return old(f)
	}
	defer func() { lookup = old }()
	p := filepath.Join(t.TempDir(), "f.md")
	if err := os.WriteFile(p, []byte("# x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	lim := limits.Default()
	lim.ReadTimeout = time.Millisecond
	slots := make(chan struct{}, 2)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 2 {
				if _, err := readHeld(context.Background(), discover.File{Path: "f.md", Abs: p, Format: slow}, lim, slots); err == nil {
					t.Error("a 100 ms read within a 1 ms deadline")
				}
			}
		}()
	}
	wg.Wait()
	for live.Load() > 0 {
		time.Sleep(10 * time.Millisecond)
	}
	if m := most.Load(); m > 2 {
		t.Errorf("%d readers ran at once with 2 slots", m)
	}
}

func readHeld(ctx context.Context, f discover.File, lim limits.Limits, slots chan struct{}) (*document.Tree, error) {
	fh, size, err := Open(f, lim)
	if err != nil {
		return nil, err
	}
	return ReadOpened(ctx, f, fh, size, lim, slots)
}
