package format

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/schemas"
)

// TestRegistryComplete: every entry carries what discover, extract and the
// run's estimate need, so a new format cannot be half registered.
func TestRegistryComplete(t *testing.T) {
	seen := map[document.Format]bool{}
	for _, s := range All() {
		if seen[s.Name] {
			t.Errorf("%s: registered twice", s.Name)
		}
		seen[s.Name] = true
		if s.Name == "" || s.Label == "" || len(s.Extensions) == 0 || s.Read == nil || s.MillisPerKB <= 0 {
			t.Errorf("%q: name, label, extensions, reader and read rate are all required", s.Name)
		}
		switch s.Container {
		case Zip:
			if s.Package == nil || s.What == "" {
				t.Errorf("%s: a zip format needs Package and What", s.Name)
			}
		case XML:
			if s.Root == nil {
				t.Errorf("%s: an XML format needs Root", s.Name)
			}
		case Text:
			for _, e := range s.Extensions {
				for _, o := range ByExtension(e) {
					if o.Name != s.Name && o.Container == Text {
						t.Errorf("extension %q names two text formats, %s and %s", e, s.Name, o.Name)
					}
				}
			}
		default:
			t.Errorf("%s: no container", s.Name)
		}
	}
}

// TestFormatsAreTheEnvelopeEnum: source.format of the envelope schema
// lists exactly the registered formats (the JSON contract follows the
// registry).
func TestFormatsAreTheEnvelopeEnum(t *testing.T) {
	b, err := schemas.FS.ReadFile("envelope.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var env struct {
		Properties struct {
			Source struct {
				Properties struct {
					Format struct {
						Enum []string `json:"enum"`
					} `json:"format"`
				} `json:"properties"`
			} `json:"source"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(b, &env); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range All() {
		names = append(names, string(s.Name))
	}
	enum := env.Properties.Source.Properties.Format.Enum
	slices.Sort(names)
	slices.Sort(enum)
	if !slices.Equal(names, enum) {
		t.Errorf("registered formats %v, envelope source.format enum %v", names, enum)
	}
}

func TestReadRate(t *testing.T) {
	if r := ReadRate(document.FormatMSPDI); r != 0.045 {
		t.Errorf("MS Project XML: %v ms/KB", r)
	}
	if r := ReadRate("no-such-format"); r != defaultRate {
		t.Errorf("unknown format: %v ms/KB, want the default %v", r, defaultRate)
	}
}
