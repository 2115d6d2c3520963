package report

import (
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/policy"
)

// Every field of every schema (envelope and payloads, through their
// references) has a description.
func TestEverySchemaFieldHasDescription(t *testing.T) {
	files := []string{"envelope.schema.json"}
	for _, k := range policy.TypeSchemaKinds() {
		files = append(files, k+".schema.json")
	}
	n := 0
	for _, f := range files {
		s, err := policy.InlinedSchema(f)
		if err != nil {
			t.Fatal(err)
		}
		var fields []modelField
		schemaFields(s, "", &fields)
		if loc, ok := envLoc(); ok && f == "envelope.schema.json" {
			schemaFields(loc, "$defs.loc", &fields)
		}
		for _, fl := range fields {
			n++
			if strings.TrimSpace(fl.desc) == "" {
				t.Errorf("%s: %s has no description", f, fl.path)
			}
		}
	}
	if n < 300 {
		t.Errorf("only %d fields walked", n)
	}
}
