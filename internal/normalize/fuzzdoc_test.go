package normalize

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/classify"
	"github.com/tollgate-dev/tollgate/internal/extract/markdown"
	"github.com/tollgate-dev/tollgate/internal/kind"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

// FuzzNormalizeMarkdown: any Markdown, read and normalized as each kind
// with a payload, gives an artifact, never a panic. Seeds are the field
// corpus's Markdown documents (other teams' layouts).
func FuzzNormalizeMarkdown(f *testing.F) {
	paths, _ := filepath.Glob("../../testdata/field/*/*.md")
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	kinds := []kind.Kind{"charter", "pmp", "status_report", "risk_register", "raci", "qasp", "ivv_plan", "lessons_learned", "change_request"}
	f.Fuzz(func(t *testing.T, b []byte) {
		tr, err := markdown.Read(context.Background(), bytes.NewReader(b), int64(len(b)), "fuzz.md", limits.Default())
		if err != nil {
			return
		}
		c := classify.Classify(tr, "fuzz.md", classify.Options{})
		if Normalize(tr, c, Options{}) == nil {
			t.Fatal("no artifact")
		}
		for _, k := range kinds {
			if Normalize(tr, classify.Result{Kind: k}, Options{}) == nil {
				t.Fatal("no artifact")
			}
		}
	})
}
