package xlsx

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tollgate-dev/tollgate/internal/document"
)

// readProperties copies the core and custom document properties. A part
// that cannot be decoded gives no properties (they are metadata the cells
// do not depend on).
func readProperties(p *pkg) document.Properties {
	var props document.Properties
	if data, ok := p.parts["docProps/core.xml"]; ok {
		var c struct {
			Title          string `xml:"title"`
			Subject        string `xml:"subject"`
			Creator        string `xml:"creator"`
			LastModifiedBy string `xml:"lastModifiedBy"`
			Created        string `xml:"created"`
			Modified       string `xml:"modified"`
			ContentStatus  string `xml:"contentStatus"`
			Version        string `xml:"version"`
			Revision       string `xml:"revision"`
			Keywords       string `xml:"keywords"`
			Category       string `xml:"category"`
		}
		if xml.Unmarshal(data, &c) == nil {
			props = document.Properties{
				Title: c.Title, Subject: c.Subject, Creator: c.Creator, LastModifiedBy: c.LastModifiedBy,
				Created: c.Created, Modified: c.Modified, ContentStatus: c.ContentStatus, Version: c.Version,
				Revision: c.Revision, Keywords: c.Keywords, Category: c.Category,
			}
		}
	}
	if data, ok := p.parts["docProps/custom.xml"]; ok {
		props.Custom = customProperties(data)
	}
	return props
}

// customProperties reads docProps/custom.xml: each property's value is its
// typed value as text (integers, reals, booleans, strings, dates).
func customProperties(data []byte) map[string]string {
	var x struct {
		Props []struct {
			Name   string `xml:"name,attr"`
			Values []struct {
				XMLName xml.Name
				Text    string `xml:",chardata"`
			} `xml:",any"`
		} `xml:"property"`
	}
	if xml.Unmarshal(data, &x) != nil || len(x.Props) == 0 {
		return nil
	}
	out := make(map[string]string, len(x.Props))
	for _, p := range x.Props {
		v := ""
		for _, val := range p.Values {
			s, ok := customValue(val.XMLName.Local, val.Text)
			if !ok {
				return nil // a value excelize could not decode lost them all
			}
			v = s
		}
		out[p.Name] = v
	}
	return out
}

func customValue(typ, text string) (string, bool) {
	switch typ {
	case "i1", "i2", "i4", "i8", "int", "ui1", "ui2", "ui4", "ui8", "uint":
		n, err := strconv.ParseInt(strings.TrimSpace(text), 10, 64)
		if err != nil {
			return "", false
		}
		return strconv.Itoa(int(int32(n))), true
	case "r4", "r8":
		f, err := strconv.ParseFloat(strings.TrimSpace(text), 64)
		if err != nil {
			return "", false
		}
		return fmt.Sprint(f), true
	case "bool":
		b, err := strconv.ParseBool(strings.TrimSpace(text))
		if err != nil {
			return "", false
		}
		return strconv.FormatBool(b), true
	case "filetime":
		t, err := time.Parse(time.RFC3339, text)
		if err != nil {
			return "", false
		}
		return fmt.Sprint(t), true
	}
	return text, true
}
