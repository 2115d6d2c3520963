package ooxml

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/document"
)

// Properties reads the core (docProps/core.xml) and custom
// (docProps/custom.xml) package properties. Absent parts are normal (Google
// and python-docx exports, the 18F QASP have none) and give empty fields; an
// unreadable or hostile properties part is recorded as a package note, never
// an error, because properties are metadata the body does not depend on.
func Properties(p *Package) document.Properties {
	var props document.Properties
	if name := p.propsPart(RelCoreProps, "docProps/core.xml"); name != "" {
		p.readCore(name, &props)
	}
	if name := p.propsPart(RelCustomProps, "docProps/custom.xml"); name != "" {
		p.readCustom(name, &props)
	}
	return props
}

// propsPart finds a properties part through the package relationships,
// falling back to the conventional name.
func (p *Package) propsPart(relType, conventional string) string {
	if name, err := p.MainPart(relType); err == nil {
		return name
	}
	if p.Has(conventional) {
		return conventional
	}
	return ""
}

func (p *Package) partDecoder(name string) *Decoder {
	data, err := p.Part(name)
	if err != nil {
		if !errors.Is(err, ErrNoPart) {
			p.AddNote("properties part %s skipped: %v", name, err)
		}
		return nil
	}
	return NewDecoder(data, p.path, name, p.lim)
}

func (p *Package) readCore(name string, props *document.Properties) {
	dec := p.partDecoder(name)
	if dec == nil {
		return
	}
	fields := map[string]*string{
		"title":          &props.Title,
		"subject":        &props.Subject,
		"creator":        &props.Creator,
		"lastModifiedBy": &props.LastModifiedBy,
		"created":        &props.Created,
		"modified":       &props.Modified,
		"contentStatus":  &props.ContentStatus,
		"version":        &props.Version,
		"revision":       &props.Revision,
		"keywords":       &props.Keywords,
		"category":       &props.Category,
	}
	for {
		tok, err := dec.Token()
		if err != nil {
			if !errors.Is(err, io.EOF) {
				p.AddNote("properties part %s partly read: %v", name, err)
			}
			return
		}
		se, ok := tok.(xml.StartElement)
		if !ok || dec.Depth() != 2 {
			continue
		}
		dst, known := fields[se.Name.Local]
		if !known {
			continue
		}
		text, err := dec.ElementText()
		if err != nil {
			p.AddNote("properties part %s partly read: %v", name, err)
			return
		}
		*dst = strings.TrimSpace(text)
	}
}

func (p *Package) readCustom(name string, props *document.Properties) {
	dec := p.partDecoder(name)
	if dec == nil {
		return
	}
	for {
		tok, err := dec.Token()
		if err != nil {
			if !errors.Is(err, io.EOF) {
				p.AddNote("properties part %s partly read: %v", name, err)
			}
			return
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "property" {
			continue
		}
		key, _ := Attr(se, "", "name")
		// The value is the single typed child (vt:lpwstr, vt:filetime,
		// vt:bool, …); its text is kept as written.
		text, err := dec.ElementText()
		if err != nil {
			p.AddNote("properties part %s partly read: %v", name, err)
			return
		}
		if key == "" {
			continue
		}
		if props.Custom == nil {
			props.Custom = map[string]string{}
		}
		if _, dup := props.Custom[key]; !dup {
			props.Custom[key] = strings.TrimSpace(text)
		}
	}
}
