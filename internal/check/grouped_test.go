package check

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/normalize"
	"github.com/tollgate-dev/tollgate/internal/policy"
)

// The rules compiled in groups (policy.Options.CompileWorkers, used when
// the input is small) judge exactly as the rules compiled together: the
// same findings and checks, in the same order, for every pack on the
// example program, the M3-complete program and the whole corpus.
func TestGroupedCompileJudgesAlike(t *testing.T) {
	t.Parallel()
	project := harborM3Project(t)
	packs := []string{"core", "schedule", "xdoc", "m3"}
	together := compiledEngine(t, packs, project)
	grouped, err := policy.Compile(context.Background(), policy.Options{Packs: packs, Project: project, CompileWorkers: 3})
	if err != nil {
		t.Fatal(err)
	}
	sd, _ := project["status_date"].(string)
	for name, dir := range map[string]string{"harbor": compliant(t), "m3-complete": writeM3Full(t), "corpus": "../../testdata/corpus"} {
		t.Run(name, func(t *testing.T) {
			run := func(eng *policy.Engine) string {
				out, err := Run(context.Background(), eng, Options{Paths: []string{dir}, Jobs: 2, Limits: limits.Default(),
					Normalize: normalize.Options{StatusDate: sd}})
				if err != nil {
					t.Fatal(err)
				}
				b, err := json.Marshal([]any{out.Result.Findings, out.Result.Checks})
				if err != nil {
					t.Fatal(err)
				}
				return string(b)
			}
			a, b := run(together), run(grouped)
			if a != b {
				t.Errorf("grouped compilation judged differently (%d vs %d bytes of findings and checks)", len(a), len(b))
			}
			if len(a) < 10000 {
				t.Errorf("only %d bytes of findings and checks: the comparison shows little", len(a))
			}
		})
	}
}
