package ooxml

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// Relationship types (Transitional spelling; Strict ones are folded onto
// these by Relationships).
const (
	relPrefix         = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	strictRelPrefix   = "http://purl.oclc.org/ooxml/officeDocument/relationships/"
	RelOfficeDocument = relPrefix + "officeDocument"
	RelStyles         = relPrefix + "styles"
	RelNumbering      = relPrefix + "numbering"
	RelComments       = relPrefix + "comments"
	RelHeader         = relPrefix + "header"
	RelFooter         = relPrefix + "footer"
	RelSharedStrings  = relPrefix + "sharedStrings"
	RelWorksheet      = relPrefix + "worksheet"
	RelCustomProps    = relPrefix + "custom-properties"
	RelSettings       = relPrefix + "settings"
	RelCoreProps      = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
	// relCorePropsOld is the spelling written by some older producers.
	relCorePropsOld = relPrefix + "metadata/core-properties"
)

// NormalizeRelType maps a Strict relationship type (and the legacy
// core-properties spelling) to the Transitional one.
func NormalizeRelType(t string) string {
	if rest, ok := strings.CutPrefix(t, strictRelPrefix); ok {
		return relPrefix + rest
	}
	if t == relCorePropsOld {
		return RelCoreProps
	}
	return t
}

// Rel is one relationship of a part.
type Rel struct {
	ID   string
	Type string // Transitional spelling
	// Target is the resolved part name ("word/styles.xml") for internal
	// relationships and the target as written for external ones.
	Target   string
	External bool
}

// RelsPartName is the name of the relationships part of partName; "" is
// the package itself ("_rels/.rels").
func RelsPartName(partName string) string {
	if partName == "" {
		return "_rels/.rels"
	}
	dir, file := path.Split(partName)
	return dir + "_rels/" + file + ".rels"
}

// Relationships reads the relationships of partName ("" for the package
// relationships) in document order. A missing rels part gives no
// relationships and no error.
func (p *Package) Relationships(partName string) ([]Rel, error) {
	relsName := RelsPartName(partName)
	data, err := p.Part(relsName)
	if errors.Is(err, ErrNoPart) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	dec := NewDecoder(data, p.path, relsName, p.lim)
	var rels []Rel
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return rels, nil
		}
		if err != nil {
			return rels, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "Relationship" {
			continue
		}
		id, _ := Attr(se, "", "Id")
		typ, _ := Attr(se, "", "Type")
		target, _ := Attr(se, "", "Target")
		mode, _ := Attr(se, "", "TargetMode")
		r := Rel{ID: id, Type: NormalizeRelType(typ), External: strings.EqualFold(mode, "External")}
		if r.External {
			r.Target = target // metadata only: never fetched
		} else {
			r.Target = resolveTarget(partName, target)
		}
		rels = append(rels, r)
	}
}

// Rels maps relationship id to resolved target for partName.
func (p *Package) Rels(partName string) (map[string]string, error) {
	rels, err := p.Relationships(partName)
	out := make(map[string]string, len(rels))
	for _, r := range rels {
		if _, dup := out[r.ID]; !dup {
			out[r.ID] = r.Target
		}
	}
	return out, err
}

// RelTargets lists the internal targets of partName's relationships of one
// type (Transitional spelling), in document order.
func (p *Package) RelTargets(partName, relType string) ([]string, error) {
	rels, err := p.Relationships(partName)
	var out []string
	for _, r := range rels {
		if r.Type == relType && !r.External {
			out = append(out, r.Target)
		}
	}
	return out, err
}

// MainPart returns the part the package relationships point to with
// relType (RelOfficeDocument for the main document; Strict packages are
// accepted). The error is ErrNoPart when there is no such relationship or
// its target is not in the package, or a *document.Fault when _rels/.rels
// cannot be read.
func (p *Package) MainPart(relType string) (string, error) {
	rels, err := p.Relationships("")
	if err != nil {
		return "", err
	}
	relType = NormalizeRelType(relType)
	for _, r := range rels {
		if r.Type == relType && !r.External {
			if !p.Has(r.Target) {
				return r.Target, fmt.Errorf("main part %s named in _rels/.rels: %w", r.Target, ErrNoPart)
			}
			return r.Target, nil
		}
	}
	return "", fmt.Errorf("no %s relationship in _rels/.rels: %w", path.Base(relType), ErrNoPart)
}

// contentTypes is [Content_Types].xml: defaults by extension and overrides
// by part name.
type contentTypes struct {
	defaults  map[string]string // lower-case extension → type
	overrides map[string]string // partKey → type
}

// ContentType returns the declared content type of a part ("" when the
// package declares none or has no [Content_Types].xml).
func (p *Package) ContentType(partName string) string {
	if p.contentTypes == nil {
		p.contentTypes = p.loadContentTypes()
	}
	if t, ok := p.contentTypes.overrides[partKey(partName)]; ok {
		return t
	}
	ext := strings.ToLower(strings.TrimPrefix(path.Ext(partName), "."))
	return p.contentTypes.defaults[ext]
}

func (p *Package) loadContentTypes() *contentTypes {
	ct := &contentTypes{defaults: map[string]string{}, overrides: map[string]string{}}
	const name = "[Content_Types].xml"
	data, err := p.Part(name)
	if err != nil {
		if !errors.Is(err, ErrNoPart) {
			p.AddNote("%s unreadable, content types unknown: %v", name, err)
		}
		return ct
	}
	dec := NewDecoder(data, p.path, name, p.lim)
	for {
		tok, err := dec.Token()
		if err != nil {
			if !errors.Is(err, io.EOF) {
				p.AddNote("%s unreadable, content types partly unknown: %v", name, err)
			}
			return ct
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		typ, _ := Attr(se, "", "ContentType")
		switch se.Name.Local {
		case "Default":
			ext, _ := Attr(se, "", "Extension")
			ct.defaults[strings.ToLower(ext)] = typ
		case "Override":
			part, _ := Attr(se, "", "PartName")
			ct.overrides[partKey(part)] = typ
		}
	}
}
