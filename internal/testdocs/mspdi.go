package testdocs

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
)

// MSPDIProject and the types below are the MS Project XML (MSPDI) elements
// tollgate reads, as Microsoft Project writes them: enough to write test
// schedules and benchmark corpora.
type MSPDIProject struct {
	XMLName        xml.Name          `xml:"Project"`
	Xmlns          string            `xml:"xmlns,attr"`
	Name           string            `xml:"Name"`
	Title          string            `xml:"Title"`
	StartDate      string            `xml:"StartDate"`
	FinishDate     string            `xml:"FinishDate"`
	StatusDate     string            `xml:"StatusDate"`
	MinutesPerDay  int               `xml:"MinutesPerDay"`
	MinutesPerWeek int               `xml:"MinutesPerWeek"`
	DaysPerMonth   int               `xml:"DaysPerMonth"`
	Tasks          []MSPDITask       `xml:"Tasks>Task"`
	Resources      []MSPDIResource   `xml:"Resources>Resource"`
	Assignments    []MSPDIAssignment `xml:"Assignments>Assignment"`
}

type MSPDIResource struct {
	UID  int    `xml:"UID"`
	ID   int    `xml:"ID"`
	Name string `xml:"Name"`
}

type MSPDIAssignment struct {
	UID         int `xml:"UID"`
	TaskUID     int `xml:"TaskUID"`
	ResourceUID int `xml:"ResourceUID"`
}

type MSPDITask struct {
	UID             int            `xml:"UID"`
	ID              int            `xml:"ID"`
	Name            string         `xml:"Name"`
	WBS             string         `xml:"WBS"`
	OutlineNumber   string         `xml:"OutlineNumber"`
	OutlineLevel    int            `xml:"OutlineLevel"`
	Summary         int            `xml:"Summary"`
	Milestone       int            `xml:"Milestone"`
	Start           string         `xml:"Start,omitempty"`
	Finish          string         `xml:"Finish,omitempty"`
	Duration        string         `xml:"Duration,omitempty"`
	PercentComplete int            `xml:"PercentComplete"`
	ActualStart     string         `xml:"ActualStart,omitempty"`
	ActualFinish    string         `xml:"ActualFinish,omitempty"`
	ConstraintType  int            `xml:"ConstraintType"`
	Baseline        *MSPDIBaseline `xml:"Baseline,omitempty"`
	Preds           []MSPDILink    `xml:"PredecessorLink"`
}

type MSPDIBaseline struct {
	Number   int    `xml:"Number"`
	Start    string `xml:"Start"`
	Finish   string `xml:"Finish"`
	Duration string `xml:"Duration"`
}

type MSPDILink struct {
	PredecessorUID int `xml:"PredecessorUID"`
	Type           int `xml:"Type"` // 1 = FS
	LinkLag        int `xml:"LinkLag"`
	LagFormat      int `xml:"LagFormat"` // 7 = days
}

// WriteMSPDI writes p as an MS Project XML file.
func WriteMSPDI(path string, p *MSPDIProject) error {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	p.Xmlns = "http://schemas.microsoft.com/project"
	if err := enc.Encode(p); err != nil {
		return fmt.Errorf("encode %s: %w", path, err)
	}
	b.WriteByte('\n')
	return os.WriteFile(path, b.Bytes(), 0o644)
}
