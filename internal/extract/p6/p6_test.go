package p6

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/limits"
)

const sample = `<?xml version="1.0" encoding="utf-8"?>
<APIBusinessObjects xmlns="http://xmlns.oracle.com/Primavera/P6Professional/V15.2/API/BusinessObjects">
  <Project external="true"><Id>X</Id><ObjectId>9</ObjectId>
    <Activity><Id>EXT1</Id><ObjectId>900</ObjectId><Type>Finish Milestone</Type></Activity>
  </Project>
  <Project>
    <CurrentBaselineProjectObjectId>2</CurrentBaselineProjectObjectId>
    <DataDate>2026-03-02T00:00:00</DataDate><HoursPerDay>8</HoursPerDay><Name>Payroll Migration</Name><ObjectId>1</ObjectId>
    <Activity><Id>A10</Id><Name>Design</Name><ObjectId>101</ObjectId><ProjectObjectId>1</ProjectObjectId><Type>Task Dependent</Type>
      <PlannedStartDate>2026-03-02T08:00:00</PlannedStartDate><PlannedFinishDate>2026-03-13T17:00:00</PlannedFinishDate>
      <PlannedDuration>80</PlannedDuration><TotalFloat>16</TotalFloat><PrimaryConstraintType>Start On or After</PrimaryConstraintType></Activity>
    <Activity><Id>M20</Id><Name>Go-live</Name><ObjectId>102</ObjectId><ProjectObjectId>1</ProjectObjectId><Type>Finish Milestone</Type>
      <PlannedStartDate>2026-03-16T08:00:00</PlannedStartDate><PlannedFinishDate>2026-03-16T08:00:00</PlannedFinishDate><PlannedDuration>0,0</PlannedDuration></Activity>
    <Relationship><Lag>-8</Lag><PredecessorActivityObjectId>101</PredecessorActivityObjectId><SuccessorActivityObjectId>102</SuccessorActivityObjectId><Type>Start to Start</Type></Relationship>
    <Relationship><Lag>0</Lag><PredecessorActivityObjectId>900</PredecessorActivityObjectId><SuccessorActivityObjectId>101</SuccessorActivityObjectId><Type>Finish to Start</Type></Relationship>
  </Project>
  <Project>
    <Name>Payroll Migration - B1</Name><ObjectId>2</ObjectId>
    <Activity><Id>A10</Id><Name>Design</Name><ObjectId>201</ObjectId><ProjectObjectId>2</ProjectObjectId>
      <PlannedStartDate>2026-02-23T08:00:00</PlannedStartDate><PlannedFinishDate>2026-03-06T17:00:00</PlannedFinishDate></Activity>
  </Project>
</APIBusinessObjects>`

func TestReadP6(t *testing.T) {
	tr, err := Read(context.Background(), bytes.NewReader([]byte(sample)), int64(len(sample)), "ims.xml", limits.Default())
	if err != nil {
		t.Fatal(err)
	}
	s := tr.Schedule
	if s.Name != "Payroll Migration" || s.StatusDate != "2026-03-02" || len(s.Tasks) != 2 {
		t.Fatalf("schedule %q %s, %d tasks: the main project only (not the external stub, not the baseline copy)", s.Name, s.StatusDate, len(s.Tasks))
	}
	a, m := s.Tasks[0], s.Tasks[1]
	if a.ID != "A10" || *a.Duration != 10 || *a.TotalSlack != 2 || a.ConstraintType != "SNET" || a.BaselineFinish != "2026-03-06" {
		t.Errorf("activity = %+v (hours → days; baseline from the baseline project)", a)
	}
	if !m.Milestone || *m.Duration != 0 || len(m.Predecessors) != 1 || m.Predecessors[0].Type != "SS" || m.Predecessors[0].LagDays != -1 {
		t.Errorf("milestone = %+v", m)
	}
	if len(a.Predecessors) != 0 || !strings.Contains(strings.Join(tr.Notes, ";"), "external") {
		t.Errorf("a link to an external project's activity is noted, not read: %+v %q", a.Predecessors, tr.Notes)
	}
}

func FuzzReadP6(f *testing.F) {
	f.Add([]byte(sample))
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = Read(context.Background(), bytes.NewReader(b), int64(len(b)), "f.xml", limits.Default())
	})
}
