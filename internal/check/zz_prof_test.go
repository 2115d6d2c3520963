package check

import (
	"context"
	"os"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/limits"
)

func TestZZProf(t *testing.T) {
	p := os.Getenv("ZZ_FILE")
	if p == "" {
		t.Skip()
	}
	eng := engine(t, map[string]any{"as_of": "2026-11-16"})
	lim := limits.Default()
	lim.ReadTimeout = 0
	if _, err := Run(context.Background(), eng, Options{Paths: []string{p}, Jobs: 1, Limits: lim}); err != nil {
		t.Fatal(err)
	}
}
