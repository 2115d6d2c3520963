package xlsx

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"path"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/document"
)

// workbookInfo is what the reader takes from the package structure itself,
// independent of excelize: where each sheet's XML lives (for the
// truncation check), sheet states, and whether the package is macro-enabled.
type workbookInfo struct {
	part   string // workbook part name, e.g. "xl/workbook.xml"
	sheets []sheetInfo
	macro  bool
	// strict is set for ISO/IEC 29500 Strict workbooks. excelize v2.11.0
	// maps Strict namespaces to Transitional itself when it decodes a part
	// (namespaceStrictToTransitional) and its row iterator matches local
	// names only, so no rewrite is needed; the tree notes it.
	strict bool
	// tableHeaderRows maps an Excel table name to its headerRowCount.
	tableHeaderRows map[string]int
	// sharedStrings is the shared-strings part named by the workbook's
	// relationships ("" when there is none).
	sharedStrings string
	// styles is the styles part ("xl/styles.xml" unless the relationships
	// name another).
	styles   string
	date1904 bool
	names    []definedName
	// checked are the parts that must be well-formed XML when present:
	// excelize refused to open a workbook whose styles, theme or
	// calculation chain it could not decode, and the reader keeps that
	// answer (the part tells something is badly wrong with the package).
	checked []string
}

// definedName is a workbook defined name; scope is the sheet name of a
// sheet-level name, "" for a workbook-level one.
type definedName struct {
	name, refersTo, scope string
}

type sheetInfo struct {
	name  string
	state string // "", "visible", "hidden", "veryHidden"
	part  string // resolved part name, "" when the relationship is missing
}

type xmlRels struct {
	Rels []struct {
		ID         string `xml:"Id,attr"`
		Type       string `xml:"Type,attr"`
		Target     string `xml:"Target,attr"`
		TargetMode string `xml:"TargetMode,attr"`
	} `xml:"Relationship"`
}

type xmlWorkbook struct {
	XMLName    xml.Name
	WorkbookPr struct {
		Date1904 string `xml:"date1904,attr"`
	} `xml:"workbookPr"`
	DefinedNames []struct {
		Name         string `xml:"name,attr"`
		LocalSheetID *int   `xml:"localSheetId,attr"`
		RefersTo     string `xml:",chardata"`
	} `xml:"definedNames>definedName"`
	Sheets []struct {
		Name  string `xml:"name,attr"`
		State string `xml:"state,attr"`
		ID    string `xml:"id,attr"` // r:id; Strict and Transitional use different namespaces
	} `xml:"sheets>sheet"`
}

type xmlContentTypes struct {
	Overrides []struct {
		PartName    string `xml:"PartName,attr"`
		ContentType string `xml:"ContentType,attr"`
	} `xml:"Override"`
}

type xmlTable struct {
	Name           string `xml:"name,attr"`
	HeaderRowCount *int   `xml:"headerRowCount,attr"`
}

// inspectWorkbook finds the workbook part and its sheets. It returns a
// *document.Fault when the package is not a workbook excelize can read.
func inspectWorkbook(p *pkg) (*workbookInfo, error) {
	info := &workbookInfo{part: "xl/workbook.xml", tableHeaderRows: map[string]int{}}
	// The main part is named by the package relationship; Strict and
	// Transitional differ only in the relationship type URI, so match its
	// last segment.
	var rootRels xmlRels
	if data, ok := p.parts["_rels/.rels"]; ok && xml.Unmarshal(data, &rootRels) == nil {
		for _, rel := range rootRels.Rels {
			if strings.HasSuffix(rel.Type, "/officeDocument") && rel.TargetMode != "External" {
				info.part = strings.TrimPrefix(path.Clean("/"+rel.Target), "/")
				break
			}
		}
	}
	if strings.HasSuffix(strings.ToLower(info.part), ".bin") || p.parts["xl/workbook.bin"] != nil {
		return nil, document.Faultf(document.ReadUnsupported, document.Loc{}, nil,
			"Excel binary workbook (.xlsb) is not supported: save as .xlsx")
	}
	wbData, ok := p.parts[info.part]
	if !ok {
		return nil, document.Faultf(document.ReadCorrupt, document.Loc{}, nil, "missing workbook part (%s)", info.part)
	}
	var wb xmlWorkbook
	if err := xml.Unmarshal(wbData, &wb); err != nil {
		return nil, document.Faultf(document.ReadCorrupt, document.Loc{}, err, "the workbook part %s is not well-formed XML", info.part)
	}
	if wb.XMLName.Local != "workbook" {
		// A Word document named .xlsx comes here: its main part is a
		// <w:document>.
		return nil, cannotOpen(fmt.Errorf("the main part %s is a <%s>, not a workbook", info.part, wb.XMLName.Local))
	}
	info.date1904 = parseBool(wb.WorkbookPr.Date1904)
	info.strict = bytes.Contains(wbData, []byte("purl.oclc.org/ooxml/spreadsheetml/main"))
	var rels xmlRels
	targets := map[string]string{}
	info.styles = "xl/styles.xml"
	info.checked = []string{"xl/calcChain.xml"}
	if data, ok := p.parts[path.Join(path.Dir(info.part), "_rels", path.Base(info.part)+".rels")]; ok {
		if err := xml.Unmarshal(data, &rels); err != nil {
			return nil, cannotOpen(err)
		}
		for _, rel := range rels.Rels {
			if rel.TargetMode == "External" {
				continue
			}
			targets[rel.ID] = resolveTarget(path.Dir(info.part), rel.Target)
			switch {
			case strings.HasSuffix(rel.Type, "/sharedStrings"):
				info.sharedStrings = targets[rel.ID]
			case strings.HasSuffix(rel.Type, "/styles"):
				info.styles = targets[rel.ID]
			case strings.HasSuffix(rel.Type, "/theme"):
				info.checked = append(info.checked, targets[rel.ID])
			}
		}
	}
	for _, s := range wb.Sheets {
		info.sheets = append(info.sheets, sheetInfo{name: s.Name, state: s.State, part: targets[s.ID]})
	}
	for _, dn := range wb.DefinedNames {
		d := definedName{name: dn.Name, refersTo: dn.RefersTo}
		if dn.LocalSheetID != nil {
			if i := *dn.LocalSheetID; i >= 0 && i < len(wb.Sheets) {
				d.scope = wb.Sheets[i].Name
			} else {
				continue
			}
		}
		info.names = append(info.names, d)
	}
	for _, name := range append([]string{info.styles}, info.checked...) {
		if data, ok := p.parts[name]; ok {
			var any struct{}
			if err := xml.Unmarshal(data, &any); err != nil {
				return nil, cannotOpen(fmt.Errorf("%s: %w", name, err))
			}
		}
	}

	_, info.macro = p.parts["xl/vbaProject.bin"]
	var ct xmlContentTypes
	if data, ok := p.parts["[Content_Types].xml"]; ok && xml.Unmarshal(data, &ct) == nil {
		for _, o := range ct.Overrides {
			if strings.Contains(strings.ToLower(o.ContentType), "macroenabled") {
				info.macro = true
			}
		}
	}
	for _, name := range p.names {
		if !strings.HasPrefix(name, "xl/tables/") || !strings.HasSuffix(name, ".xml") {
			continue
		}
		var t xmlTable
		if xml.Unmarshal(p.parts[name], &t) != nil || t.Name == "" {
			continue
		}
		count := 1 // the schema default
		if t.HeaderRowCount != nil {
			count = *t.HeaderRowCount
		}
		info.tableHeaderRows[t.Name] = count
	}
	return info, nil
}

// cannotOpen is the fault of a package whose structure is broken beyond
// reading.
func cannotOpen(err error) *document.Fault {
	return document.Faultf(document.ReadCorrupt, document.Loc{}, err, "the workbook cannot be opened")
}

// resolveTarget turns a relationship target into a part name: absolute
// targets start at the package root, relative ones at the source part's
// folder.
func resolveTarget(base, target string) string {
	target = strings.ReplaceAll(target, `\`, "/")
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean("/"+base+"/"+target), "/")
}
