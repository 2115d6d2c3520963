// Package p6 reads an Oracle Primavera P6 XML export (the APIBusinessObjects
// document P6 Professional and EPPM write) into the same document.Schedule
// the MS Project XML reader gives: activities with their planned, actual and
// remaining dates and durations, constraints and float; relationships with
// their type and lag; the project's data date. A government IMS is as often
// kept in P6 as in MS Project.
package p6

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

// Namespace prefix of the P6 API business objects (the version varies).
const nsPrefix = "http://xmlns.oracle.com/Primavera/P6"

// IsP6 reports whether an XML root element is P6's APIBusinessObjects.
func IsP6(local, ns string) bool {
	return local == "APIBusinessObjects" && (ns == "" || strings.HasPrefix(ns, nsPrefix))
}

type activity struct {
	ObjectID          string `xml:"ObjectId"`
	ID                string `xml:"Id"`
	Name              string `xml:"Name"`
	Type              string `xml:"Type"`
	ProjectObjectID   string `xml:"ProjectObjectId"`
	WBSObjectID       string `xml:"WBSObjectId"`
	PlannedStart      string `xml:"PlannedStartDate"`
	PlannedFinish     string `xml:"PlannedFinishDate"`
	Start             string `xml:"StartDate"`
	Finish            string `xml:"FinishDate"`
	ActualStart       string `xml:"ActualStartDate"`
	ActualFinish      string `xml:"ActualFinishDate"`
	BaselineStart     string `xml:"BaselineStartDate"`
	BaselineFinish    string `xml:"BaselineFinishDate"`
	PlannedDuration   string `xml:"PlannedDuration"`
	RemainingDuration string `xml:"RemainingDuration"`
	PercentComplete   string `xml:"PhysicalPercentComplete"`
	DurationPercent   string `xml:"DurationPercentComplete"`
	TotalFloat        string `xml:"TotalFloat"`
	FreeFloat         string `xml:"FreeFloat"`
	ConstraintType    string `xml:"PrimaryConstraintType"`
	ConstraintDate    string `xml:"PrimaryConstraintDate"`
	Status            string `xml:"Status"`
}

type relationship struct {
	Predecessor string `xml:"PredecessorActivityObjectId"`
	Successor   string `xml:"SuccessorActivityObjectId"`
	Type        string `xml:"Type"`
	Lag         string `xml:"Lag"`
}

// Read reads the P6 XML file.
func Read(ctx context.Context, r io.ReaderAt, size int64, path string, lim limits.Limits) (*document.Tree, error) {
	dec := xml.NewDecoder(io.NewSectionReader(r, 0, size))
	dec.Strict = true
	t := &document.Tree{Path: path, Format: document.FormatP6}
	s := &document.Schedule{}
	var acts []activity
	var rels []relationship
	external := map[string]bool{} // activities of projects marked external
	hoursPerDay := 8.0
	var projects []project
	projectMark := 0
	depth, projectDepth := 0, -1
	projectExternal := false
	n := 0
	for {
		if n++; n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, document.Faultf(document.ReadCorrupt, document.Loc{Path: path, Line: lineOf(dec)}, err, "the P6 XML is malformed: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > lim.XMLDepth && lim.XMLDepth > 0 {
				return nil, document.LimitFault(limits.KeyXMLDepth, document.Loc{Path: path, Line: lineOf(dec)}, nil,
					"the XML is nested deeper than %d levels (limits.xml_depth)", lim.XMLDepth)
			}
			switch e.Name.Local {
			case "Project":
				projectDepth, projectExternal = depth, false
				projectMark++
				for _, a := range e.Attr {
					if a.Name.Local == "external" && a.Value == "true" {
						projectExternal = true
					}
				}
			case "Activity":
				var a activity
				if err := dec.DecodeElement(&a, &e); err != nil {
					return nil, document.Faultf(document.ReadCorrupt, document.Loc{Path: path, Line: lineOf(dec)}, err, "a P6 activity is malformed: %v", err)
				}
				depth--
				if projectExternal {
					external[a.ObjectID] = true
					continue
				}
				acts = append(acts, a)
				if len(acts) > lim.Rows && lim.Rows > 0 {
					return nil, document.LimitFault(limits.KeyRows, document.Loc{Path: path}, nil,
						"the schedule has more than %d activities (limits.rows)", lim.Rows)
				}
			case "Relationship":
				var rel relationship
				if err := dec.DecodeElement(&rel, &e); err != nil {
					return nil, document.Faultf(document.ReadCorrupt, document.Loc{Path: path, Line: lineOf(dec)}, err, "a P6 relationship is malformed: %v", err)
				}
				depth--
				rels = append(rels, rel)
			case "DataDate", "Name", "HoursPerDay", "ObjectId", "CurrentBaselineProjectObjectId":
				if depth != projectDepth+1 || projectExternal {
					continue
				}
				var v string
				if err := dec.DecodeElement(&v, &e); err == nil {
					v = strings.TrimSpace(v)
					if len(projects) == 0 || projects[len(projects)-1].depthMark != projectMark {
						projects = append(projects, project{depthMark: projectMark})
					}
					pr := &projects[len(projects)-1]
					switch e.Name.Local {
					case "DataDate":
						pr.dataDate = isoDate(v)
					case "Name":
						pr.name = v
					case "ObjectId":
						pr.objectID = v
					case "CurrentBaselineProjectObjectId":
						pr.baseline = v
					case "HoursPerDay":
						if h, ok := number(v); ok && h > 0 {
							hoursPerDay = h
						}
					}
				}
				depth--
			}
		case xml.EndElement:
			if depth == projectDepth {
				projectDepth, projectExternal = -1, false
			}
			depth--
		}
	}
	// A P6 export carries the project's baseline as a second project (the
	// project's CurrentBaselineProjectObjectId): its activities give the
	// baseline dates of the activities with the same Id, and are not tasks
	// of their own.
	main, baseline := mainProject(projects)
	if main != nil {
		s.Name, s.StatusDate = main.name, main.dataDate
		baseDates := map[string][2]string{}
		kept := acts[:0]
		for _, a := range acts {
			switch {
			case baseline != nil && a.ProjectObjectID == baseline.objectID:
				baseDates[a.ID] = [2]string{firstDate(a.Start, a.PlannedStart), firstDate(a.Finish, a.PlannedFinish)}
			case a.ProjectObjectID == "" || a.ProjectObjectID == main.objectID:
				kept = append(kept, a)
			default:
				t.Notes = append(t.Notes, fmt.Sprintf("activity %s belongs to another project (%s) of the export and was not read", a.ID, a.ProjectObjectID))
			}
		}
		acts = kept
		for i := range acts {
			if d, ok := baseDates[acts[i].ID]; ok && acts[i].BaselineStart == "" {
				acts[i].BaselineStart, acts[i].BaselineFinish = d[0], d[1]
			}
		}
	}
	s.MinutesPerDay = int(hoursPerDay * 60)
	s.WorkingDays = []int{1, 2, 3, 4, 5}
	byObject := map[string]int{}
	fields := map[string]bool{"Task": true}
	for i, a := range acts {
		task := document.ScheduleTask{
			UID: a.ObjectID, ID: a.ID, Name: strings.TrimSpace(a.Name), OutlineLevel: 1,
			Start: firstDate(a.Start, a.PlannedStart), Finish: firstDate(a.Finish, a.PlannedFinish),
			ActualStart: isoDate(a.ActualStart), ActualFinish: isoDate(a.ActualFinish),
			BaselineStart: isoDate(a.BaselineStart), BaselineFinish: isoDate(a.BaselineFinish),
			Loc: document.Loc{Path: path, Task: a.ID},
		}
		switch a.Type {
		case "Start Milestone", "Finish Milestone":
			task.Milestone = true
		case "WBS Summary":
			task.Summary = true
		}
		if d, ok := hours(a.PlannedDuration, hoursPerDay); ok {
			task.Duration, task.DurationRaw = &d, a.PlannedDuration+"h"
			fields["Duration"] = true
		}
		if d, ok := hours(a.RemainingDuration, hoursPerDay); ok {
			task.RemainingDur = &d
		}
		if d, ok := hours(a.TotalFloat, hoursPerDay); ok {
			task.TotalSlack = &d
			fields["TotalSlack"] = true
		}
		if d, ok := hours(a.FreeFloat, hoursPerDay); ok {
			task.FreeSlack = &d
		}
		if p, ok := number(a.PercentComplete); ok && p > 0 {
			task.PercentDone = &p
		} else if p, ok := number(a.DurationPercent); ok {
			task.PercentDone = &p
		}
		if a.Status == "Completed" && task.PercentDone == nil {
			p := 100.0
			task.PercentDone = &p
		}
		task.ConstraintType = constraint(a.ConstraintType)
		task.ConstraintDate = isoDate(a.ConstraintDate)
		if task.BaselineStart != "" || task.BaselineFinish != "" {
			fields["Baseline/Start"] = true
		}
		byObject[a.ObjectID] = i
		s.Tasks = append(s.Tasks, task)
	}
	dropped := 0
	for _, rel := range rels {
		si, ok := byObject[rel.Successor]
		_, pok := byObject[rel.Predecessor]
		if !ok || !pok {
			dropped++ // a link to an activity of another (external) project
			continue
		}
		lag, _ := hours(rel.Lag, hoursPerDay)
		s.Tasks[si].Predecessors = append(s.Tasks[si].Predecessors, document.ScheduleLink{
			UID: rel.Predecessor, Type: linkType(rel.Type), LagDays: lag, LagRaw: rel.Lag,
		})
		fields["PredecessorLink"] = true
	}
	if dropped > 0 {
		t.Notes = append(t.Notes, fmt.Sprintf("%d relationship(s) to activities of external projects were not read as links", dropped))
	}
	if len(external) > 0 {
		t.Notes = append(t.Notes, fmt.Sprintf("%d activities of projects marked external (stubs of other projects) were not read as tasks", len(external)))
	}
	for _, f := range []string{"Task", "Duration", "TotalSlack", "Baseline/Start", "PredecessorLink"} {
		if fields[f] {
			s.Fields = append(s.Fields, f)
		}
	}
	t.Schedule = s
	return t, nil
}

func lineOf(dec *xml.Decoder) int {
	line, _ := dec.InputPos()
	return line
}

// isoDate keeps the date part of a P6 datetime ("2012-04-13T10:52:00").
func isoDate(v string) string {
	v = strings.TrimSpace(v)
	if len(v) < 10 || v[4] != '-' || v[7] != '-' {
		return ""
	}
	return v[:10]
}

func firstDate(vs ...string) string {
	for _, v := range vs {
		if d := isoDate(v); d != "" {
			return d
		}
	}
	return ""
}

// number reads a P6 number, which a European locale writes with a decimal
// comma ("0,0").
func number(v string) (float64, bool) {
	v = strings.TrimSpace(strings.Replace(v, ",", ".", 1))
	if v == "" {
		return 0, false
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

// hours reads a P6 duration or lag (hours) as working days.
func hours(v string, perDay float64) (float64, bool) {
	h, ok := number(v)
	if !ok {
		return 0, false
	}
	return math.Round(h/perDay*100) / 100, true
}

func linkType(t string) string {
	switch strings.ToLower(strings.TrimSpace(t)) {
	case "start to start":
		return "SS"
	case "finish to finish":
		return "FF"
	case "start to finish":
		return "SF"
	}
	return "FS"
}

// constraint maps P6 constraint names (MODEL.md §6.3; approximate, as the
// model notes: P6's "Start On" is not quite MS Project's Must Start On).
func constraint(t string) string {
	switch strings.ToLower(strings.TrimSpace(t)) {
	case "mandatory start", "start on":
		return "MSO"
	case "mandatory finish", "finish on":
		return "MFO"
	case "start on or before":
		return "SNLT"
	case "finish on or before":
		return "FNLT"
	case "start on or after":
		return "SNET"
	case "finish on or after":
		return "FNET"
	case "as late as possible":
		return "ALAP"
	case "":
		return ""
	}
	return "ASAP"
}

// project is one non-external project of the export.
type project struct {
	depthMark                          int
	objectID, name, dataDate, baseline string
}

// mainProject is the export's project: the first that is no other's
// baseline; baseline is the project it names as its current baseline.
func mainProject(ps []project) (main, baseline *project) {
	isBaseline := map[string]bool{}
	for _, p := range ps {
		if p.baseline != "" {
			isBaseline[p.baseline] = true
		}
	}
	for i := range ps {
		if !isBaseline[ps[i].objectID] {
			main = &ps[i]
			break
		}
	}
	if main == nil && len(ps) > 0 {
		main = &ps[0]
	}
	if main != nil && main.baseline != "" {
		for i := range ps {
			if ps[i].objectID == main.baseline {
				baseline = &ps[i]
			}
		}
	}
	return main, baseline
}
