package pipeline

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/policy"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

// DCMA-06 and DCMA-08 use the index's "over_44" lists only while the
// configured threshold is at least 44 days. Below it they must scan, above
// it the list is a strict superset: both give the findings of the bare
// artifact.
func TestScheduleIndexDCMAThresholdsChangeNoFinding(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	testdocs.WriteSynthMSPDI(t, filepath.Join(dir, "synthetic.xml"), 1500, 3)
	paths := []string{dir, "../../testdata/schedules/reference"}
	for _, days := range []float64{5, 44, 120} {
		eng, err := policy.Compile(context.Background(), policy.Options{
			Packs:      []string{"schedule"},
			Project:    map[string]any{"as_of": "2026-11-16"},
			Thresholds: map[string]any{"dcma": map[string]any{"high_float_days": days, "high_duration_days": days}},
		})
		if err != nil {
			t.Fatal(err)
		}
		out, err := Run(context.Background(), Options{Engine: eng, Paths: paths, Jobs: 2, Limits: limits.Default(), KeepArtifacts: true})
		if err != nil {
			t.Fatal(err)
		}
		n, flagged := 0, 0
		for _, art := range artifactMaps(t, out) {
			if art["kind"] != "schedule" {
				continue
			}
			n++
			a, b, withFindings := withAndWithoutIndex(t, eng, art)
			if !reflect.DeepEqual(a, b) {
				t.Errorf("%v days, %v: the index changes the outcome\n with:    %v\n without: %v", days, art["source"], a, b)
			}
			for _, f := range withFindings {
				if f.Rule == "SCHED-DCMA-06" || f.Rule == "SCHED-DCMA-08" {
					flagged++
				}
			}
		}
		if n < 2 {
			t.Errorf("%v days: only %d schedules compared", days, n)
		}
		// The low threshold must flag something, or the scan path proves nothing.
		if days == 5 && flagged == 0 {
			t.Errorf("5 days: no DCMA-06/08 finding")
		}
	}
}
