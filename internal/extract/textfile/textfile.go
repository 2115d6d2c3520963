// Package textfile loads a whole text input (Markdown, CSV, JSON, YAML)
// under the size limit those formats share, so every text reader refuses an
// oversized file the same way, before allocating for it.
package textfile

import (
	"errors"
	"io"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

// Load returns the size bytes of r, or a TG-LIMIT-001 fault when size is
// over limits.markdown_bytes, or a TG-READ-001 fault when they cannot be read.
func Load(r io.ReaderAt, size int64, lim limits.Limits) ([]byte, error) {
	if size > lim.MarkdownBytes {
		return nil, document.LimitFault(limits.KeyMarkdownBytes, document.Loc{}, nil,
			"the file is %d bytes, over the limit of %d (limits.markdown_bytes)", size, lim.MarkdownBytes)
	}
	b := make([]byte, size)
	if n, err := r.ReadAt(b, 0); err != nil && !(errors.Is(err, io.EOF) && int64(n) == size) {
		return nil, document.Faultf(document.ReadCorrupt, document.Loc{}, err, "cannot read the file")
	}
	return b, nil
}
