package policy

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"sync"

	"github.com/tollgate-dev/tollgate/internal/classify"
	"github.com/tollgate-dev/tollgate/policies"
)

var (
	m3Once      sync.Once
	m3Artifacts []classify.M3Artifact
	m3Err       error
)

// M3Artifacts are the artifacts of the built-in M3 data
// (policies/data/m3.json, data.tollgate.m3, which user data cannot
// replace): the classifier is given them to recognise a document's
// artifact_key. Read once; the same slice is returned every time.
func M3Artifacts() ([]classify.M3Artifact, error) {
	m3Once.Do(func() {
		b, err := fs.ReadFile(policies.FS, "data/m3.json")
		if err != nil {
			m3Err = fmt.Errorf("read built-in M3 data: %w", err)
			return
		}
		var m struct {
			Artifacts []classify.M3Artifact `json:"artifacts"`
		}
		if err := json.Unmarshal(b, &m); err != nil {
			m3Err = fmt.Errorf("policies/data/m3.json: %w", err)
			return
		}
		m3Artifacts = m.Artifacts
	})
	return m3Artifacts, m3Err
}
