package normalize

import (
	"regexp"
	"strconv"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/vocab"
)

// normalizeLessonsLearned fills MODEL.md §6.9 lessons_learned from the M3
// report's shape: the project overview key/value block, the
// Knowledge Area | Start | Stop | Continue grid (often in the same table,
// under a "Lessons Learned" band row) and a recommendations table with the
// implementation plan and owner.
func normalizeLessonsLearned(t *doc, a *artifact.Artifact, _ Options) {
	ll := &artifact.LessonsLearned{Lessons: []artifact.Lesson{}, Recommendations: []artifact.Recommendation{}, Locs: map[string]artifact.Loc{}}
	a.LessonsLearned = ll
	form := readForm(t, &vocab.LessonsLearnedFields)
	for _, k := range fieldKeys(form) {
		found(a, "lessons_learned."+k)
		ll.Locs[k] = form[k].loc
	}
	v := func(k string) string { return form[k].text }
	ll.DateRaw = v("date")
	if ll.DateRaw != "" {
		ll.Date = datePtr(form["date"].cell)
	}
	ll.ProjectName = v("project_name")
	ll.CustomerContact = v("customer_contact")
	ll.ProviderContact = v("provider_contact")
	ll.SubmittedBy = v("submitted_by")
	ll.Description = v("description")
	if m := llPhase.FindStringSubmatch(v("phase")); m != nil {
		n, _ := strconv.Atoi(m[1])
		ll.Phase = &n
	}
	for _, g := range t.grids {
		if h, ok := findHeader(g, &vocab.LessonColumns, 3); ok {
			if _, ok := h.cols["knowledge_area"]; ok {
				readLessons(t.Path, g, h, ll)
				found(a, "lessons_learned.lessons")
				continue
			}
		}
		if h, ok := findHeader(g, &vocab.RecommendationColumns, 2); ok {
			if _, ok := h.cols["text"]; ok {
				readRecommendations(t.Path, g, h, ll)
				found(a, "lessons_learned.recommendations")
				for _, k := range sortedKeys(h.cols) {
					found(a, "lessons_learned.recommendations.columns."+k)
				}
			}
		}
	}
}

var llPhase = regexp.MustCompile(`\b([0-5])\b`)

// readLessons takes the knowledge-area rows under the grid's header; a
// band row (one text across the table) ends the grid.
func readLessons(path string, g grid, h header, ll *artifact.LessonsLearned) {
	ka := h.cols["knowledge_area"]
	for _, r := range dataRows(g, h.idx) {
		area := r.text(ka)
		if area == "" || allSame(r) && nonEmpty(r) > 1 {
			continue
		}
		ll.Lessons = append(ll.Lessons, artifact.Lesson{
			KnowledgeArea: area,
			Start:         formValue(colText(r, h, "start")),
			Stop:          formValue(colText(r, h, "stop")),
			Continue:      formValue(colText(r, h, "continue")),
			Loc:           g.loc(path, r, -1),
		})
	}
}

func readRecommendations(path string, g grid, h header, ll *artifact.LessonsLearned) {
	for _, r := range dataRows(g, h.idx) {
		text := formValue(colText(r, h, "text"))
		if text == "" {
			continue
		}
		rec := artifact.Recommendation{
			Text: text, Owner: formValue(colText(r, h, "owner")),
			ImplementationPlan: formValue(colText(r, h, "implementation_plan")), Loc: g.loc(path, r, -1),
		}
		if j, ok := h.cols["due_date"]; ok {
			rec.DueDate = datePtr(r.cell(j))
		}
		ll.Recommendations = append(ll.Recommendations, rec)
	}
}

func nonEmpty(r gridRow) int {
	n := 0
	for i := range r.cells {
		if r.text(i) != "" {
			n++
		}
	}
	return n
}
