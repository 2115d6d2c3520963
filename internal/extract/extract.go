// Package extract reads one discovered file into a document.Tree with the
// reader the format registry (package format) gives the format discover
// sniffed from its bytes. It owns what
// every format shares: the file-size limit, the read deadline, and turning
// a reader's panic into a finding instead of a crash.
package extract

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime/debug"

	"github.com/tollgate-dev/tollgate/internal/discover"
	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/format"
	"github.com/tollgate-dev/tollgate/internal/fsguard"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

// lookup finds a format's reader; a variable so that tests can give a
// format a misbehaving reader.
var lookup = format.Lookup

// Read extracts the tree of f. When the file cannot be read at all the
// error is a *document.Fault (the file's one TG-READ-*/TG-LIMIT-001
// finding); any other error means the run itself was cancelled.
func Read(ctx context.Context, f discover.File, lim limits.Limits) (*document.Tree, error) {
	fh, size, err := Open(f, lim)
	if err != nil {
		return nil, err
	}
	return ReadOpened(ctx, f, fh, size, lim, nil)
}

// Open opens f for reading: without blocking, and checked on the opened
// file (the name may have become a FIFO or a device since discovery), with
// its size checked against limits.file_bytes (the configured limit may be
// lower than the default discover used, and the file may have changed).
// The error is the file's *document.Fault. The caller reads the handle
// (ReadAt only: it is shared) and hands it to ReadOpened, which closes it.
func Open(f discover.File, lim limits.Limits) (*os.File, int64, error) {
	if f.Fault != nil {
		return nil, 0, f.Fault
	}
	if spec, ok := lookup(f.Format); !ok || spec.Read == nil {
		return nil, 0, document.Faultf(document.ReadUnsupported, document.Loc{}, nil,
			"no reader for format %q", f.Format)
	}
	fh, st, err := fsguard.OpenRegular(f.Abs)
	if errors.Is(err, fsguard.ErrNotRegular) {
		return nil, 0, document.Faultf(document.ReadCorrupt, document.Loc{}, err, "no longer a regular file (it changed after it was found)")
	}
	if err != nil {
		return nil, 0, document.Faultf(document.ReadCorrupt, document.Loc{}, err, "cannot open the file")
	}
	size := st.Size()
	if size == 0 {
		fh.Close()
		return nil, 0, document.Faultf(document.ReadEmpty, document.Loc{}, nil, "the file is empty")
	}
	if size > lim.FileBytes {
		fh.Close()
		return nil, 0, document.LimitFault(limits.KeyFileBytes, document.Loc{}, nil,
			"the file is %d bytes, over the limit of %d (limits.file_bytes)", size, lim.FileBytes)
	}
	return fh, size, nil
}

// ReadOpened reads the file Open opened into its tree, closing the handle
// when the reader ends. It holds one of the slots (a buffered channel:
// its capacity is the most readers running at once; nil: no bound) for
// as long as the reader runs. A reader abandoned at its deadline keeps
// its slot until it really ends, so a run of timed-out readers never has
// more than cap(slots) of them alive at once (six abandoned Markdown
// readers once held 2 GB each). Waiting for a slot ends with ctx.
func ReadOpened(ctx context.Context, f discover.File, fh *os.File, size int64, lim limits.Limits, slots chan struct{}) (*document.Tree, error) {
	spec, ok := lookup(f.Format)
	if !ok || spec.Read == nil {
		fh.Close()
		return nil, document.Faultf(document.ReadUnsupported, document.Loc{}, nil, "no reader for format %q", f.Format)
	}
	if slots != nil {
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			fh.Close()
			return nil, ctx.Err()
		}
	}
	rctx, cancel := context.WithCancel(ctx)
	if lim.ReadTimeout > 0 {
		rctx, cancel = context.WithTimeout(ctx, lim.ReadTimeout)
	}
	defer cancel()

	// The reader runs on its own goroutine so the deadline holds even for
	// a reader stuck where it does not look at its context: on timeout the
	// file gets its finding and the run moves on, while the abandoned
	// reader finishes (and closes the file) in the background.
	type result struct {
		tree *document.Tree
		err  error
	}
	done := make(chan result, 1)
	go func() {
		defer fh.Close()
		if slots != nil {
			defer func() { <-slots }()
		}
		var res result
		defer func() {
			if p := recover(); p != nil {
				res = result{err: document.Faultf(document.ReadCorrupt, document.Loc{},
					fmt.Errorf("panic: %v\n%s", p, debug.Stack()), "internal reader error")}
			}
			done <- res
		}()
		res.tree, res.err = spec.Read(rctx, fh, size, f.Path, lim)
	}()

	var res result
	select {
	case res = <-done:
	case <-rctx.Done():
		select {
		case res = <-done: // finished just in time: keep its answer
		default:
			res.err = rctx.Err()
		}
	}
	if res.err != nil {
		var fault *document.Fault
		switch {
		case errors.As(res.err, &fault):
			return nil, fault
		case ctx.Err() != nil:
			return nil, ctx.Err() // the whole run was cancelled
		case errors.Is(res.err, context.DeadlineExceeded):
			return nil, document.LimitFault(limits.KeyReadTimeout, document.Loc{}, res.err,
				"reading the file took longer than %s (limits.read_timeout)", lim.ReadTimeout)
		}
		return nil, document.Faultf(document.ReadCorrupt, document.Loc{}, res.err, "cannot read the file: %v", res.err)
	}
	if res.tree == nil {
		return nil, document.Faultf(document.ReadCorrupt, document.Loc{}, nil, "internal reader error: no tree")
	}
	res.tree.Path = f.Path
	if res.tree.Format == "" {
		res.tree.Format = f.Format
	}
	return res.tree, nil
}
