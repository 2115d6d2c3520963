package report

import (
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/finding"
)

// HTML is one self-contained page for a quality manager: inline CSS and
// inline SVG charts, no script, nothing fetched from the network, and
// print styles so it prints to PDF from a browser. html/template escapes
// every value for where it lands (text, attribute); the charts are built
// from numbers and escaped labels.
type HTML struct{}

type htmlView struct {
	R          *finding.Result
	Verdict    string
	Groups     []htmlDocGroup
	Cards      []htmlCard
	Procedures []htmlProcGroup
	// NotApplicable names the procedures none of whose clauses applies.
	NotApplicable string
	Passed        []finding.Rule
	SevChart      template.HTML
	ProcChart     template.HTML
}

type htmlDocGroup struct {
	Name     string
	Findings []htmlFinding
}

type htmlFinding struct {
	F       finding.Finding
	Label   string
	Class   string
	Where   string
	Waiver  string
	Fix     string
	Failing bool
}

type htmlCard struct {
	D    finding.Document
	C    scorecard
	Kind string
}

type htmlProcGroup struct {
	Name    string
	Clauses []htmlClause
	Count   map[string]int
}

type htmlClause struct {
	P      finding.ProcedureResult
	Words  string
	Class  string
	Failed string
}

// Render writes the HTML page.
func (HTML) Render(w io.Writer, r *finding.Result) error {
	v := htmlView{R: r, Verdict: strings.ToUpper(r.Summary.Verdict), Passed: passedRules(r)}
	for _, g := range groupByDocument(r, false) {
		hg := htmlDocGroup{Name: docLabel(g.Path)}
		for _, f := range g.Findings {
			hf := htmlFinding{F: f, Label: findingLabel(f), Where: where(f.Location), Failing: failing(f)}
			hf.Class = "sev-" + string(f.Severity)
			if !hf.Failing {
				hf.Class = "sev-muted"
			}
			if f.Waiver != nil {
				hf.Waiver = f.Waiver.Reason + " — approved by " + f.Waiver.ApprovedBy
				if f.Waiver.Expires != "" {
					hf.Waiver += ", expires " + f.Waiver.Expires
				}
			}
			if hf.Failing {
				hf.Fix = f.Remediation
			}
			hg.Findings = append(hg.Findings, hf)
		}
		v.Groups = append(v.Groups, hg)
	}
	cards := scorecards(r)
	for _, d := range r.Documents {
		c := cards[d.Path]
		if c == nil {
			c = &scorecard{}
		}
		kind := d.Kind
		if d.Status != finding.DocOK {
			kind = d.Status
		}
		v.Cards = append(v.Cards, htmlCard{D: d, C: *c, Kind: kind})
	}
	var applying []procedureGroup
	var none []string
	for _, g := range procedureGroups(r.Procedures) {
		if g.Count[finding.ProcNotAppl] == len(g.Clauses) {
			none = append(none, g.Name)
			continue
		}
		applying = append(applying, g)
		pg := htmlProcGroup{Name: g.Name, Count: g.Count}
		for _, p := range g.Clauses {
			pg.Clauses = append(pg.Clauses, htmlClause{P: p, Words: verdictWords[p.Verdict],
				Class: "v-" + p.Verdict, Failed: strings.Join(failedRules(p), ", ")})
		}
		v.Procedures = append(v.Procedures, pg)
	}
	v.SevChart = severityChart(r.Summary)
	v.ProcChart = procedureChart(applying)
	v.NotApplicable = strings.Join(none, ", ")
	return htmlPage.Execute(w, v)
}

// severityChart is a horizontal bar per severity / state.
func severityChart(s finding.Summary) template.HTML {
	bars := []struct {
		label, color string
		n            int
	}{
		{"Errors", "#c62828", s.Errors}, {"Warnings", "#ef6c00", s.Warnings}, {"Info", "#1565c0", s.Infos},
		{"Waived", "#757575", s.Waived}, {"Not assessable", "#9e9e9e", s.NotAssessable},
	}
	maxN := 1
	for _, b := range bars {
		maxN = max(maxN, b.n)
	}
	var sb strings.Builder
	h := len(bars)*28 + 8
	fmt.Fprintf(&sb, `<svg role="img" aria-label="Findings by severity" width="420" height="%d" viewBox="0 0 420 %d" xmlns="http://www.w3.org/2000/svg">`, h, h)
	for i, b := range bars {
		y := 4 + i*28
		wd := 260 * b.n / maxN
		fmt.Fprintf(&sb, `<text x="0" y="%d" font-size="13" fill="#333">%s</text>`, y+16, template.HTMLEscapeString(b.label))
		fmt.Fprintf(&sb, `<rect x="110" y="%d" width="%d" height="20" fill="%s" rx="2"/>`, y+2, max(wd, 1), b.color)
		fmt.Fprintf(&sb, `<text x="%d" y="%d" font-size="13" fill="#333">%d</text>`, 116+wd, y+16, b.n)
	}
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String())
}

// procedureChart is a stacked bar per procedure: satisfied, waived, not
// evaluated, not satisfied among the clauses that apply.
func procedureChart(gs []procedureGroup) template.HTML {
	if len(gs) == 0 {
		return ""
	}
	segs := []struct{ verdict, color string }{
		{finding.Satisfied, "#2e7d32"}, {finding.ProcWaived, "#757575"},
		{finding.NotEvaluated, "#f9a825"}, {finding.NotSatisfied, "#c62828"},
	}
	var sb strings.Builder
	h := len(gs)*30 + 34
	fmt.Fprintf(&sb, `<svg role="img" aria-label="Compliance per procedure" width="640" height="%d" viewBox="0 0 640 %d" xmlns="http://www.w3.org/2000/svg">`, h, h)
	for i, g := range gs {
		y := 4 + i*30
		total := 0
		for _, s := range segs {
			total += g.Count[s.verdict]
		}
		fmt.Fprintf(&sb, `<text x="0" y="%d" font-size="12" fill="#333">%s</text>`, y+16, template.HTMLEscapeString(shorten(g.Name, 30)))
		x := 200
		if total == 0 {
			fmt.Fprintf(&sb, `<text x="%d" y="%d" font-size="12" fill="#777">no clause applies</text>`, x, y+16)
			continue
		}
		for _, s := range segs {
			n := g.Count[s.verdict]
			if n == 0 {
				continue
			}
			wd := 320 * n / total
			fmt.Fprintf(&sb, `<rect x="%d" y="%d" width="%d" height="20" fill="%s"><title>%s: %d</title></rect>`, x, y+2, wd, s.color, verdictWords[s.verdict], n)
			x += wd
		}
		fmt.Fprintf(&sb, `<text x="%d" y="%d" font-size="12" fill="#333">%d/%d satisfied</text>`, 528, y+16, g.Count[finding.Satisfied], total)
	}
	ly := 4 + len(gs)*30 + 12
	for i, s := range segs {
		x := 200 + i*105
		fmt.Fprintf(&sb, `<rect x="%d" y="%d" width="10" height="10" fill="%s"/><text x="%d" y="%d" font-size="11" fill="#333">%s</text>`, x, ly, s.color, x+14, ly+9, verdictWords[s.verdict])
	}
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String())
}

var htmlPage = template.Must(template.New("report").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>tollgate report — {{.Verdict}}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:1100px;color:#222;line-height:1.4;padding:0 1rem}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2rem}h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
.banner{padding:1rem 1.4rem;border-radius:6px;color:#fff;display:flex;justify-content:space-between;align-items:center;flex-wrap:wrap}
.banner.pass{background:#2e7d32}.banner.fail{background:#c62828}
.banner .verdict{font-size:2rem;font-weight:700;letter-spacing:.05em}
.counts{display:flex;gap:1rem;flex-wrap:wrap;margin:1rem 0}
.count{border:1px solid #ddd;border-radius:6px;padding:.5rem .9rem;min-width:7rem}
.count b{display:block;font-size:1.5rem}
table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.5rem 0}
th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}td.n{text-align:right}
.charts{display:flex;gap:2rem;flex-wrap:wrap}
.finding{border-left:4px solid #999;padding:.3rem .7rem;margin:.5rem 0;background:#fafafa;break-inside:avoid}
.sev-error{border-color:#c62828}.sev-warning{border-color:#ef6c00}.sev-info{border-color:#1565c0}.sev-muted{border-color:#bbb;color:#555}
.tag{display:inline-block;font-size:.75rem;font-weight:700;text-transform:uppercase;padding:0 .4rem;border-radius:3px;background:#eee}
.sev-error .tag{background:#c62828;color:#fff}.sev-warning .tag{background:#ef6c00;color:#fff}.sev-info .tag{background:#1565c0;color:#fff}
.loc{color:#555;font-size:.85rem}.fix{margin-top:.2rem}.fix b{color:#2e7d32}
.v-satisfied{color:#2e7d32}.v-not_satisfied{color:#c62828;font-weight:600}.v-waived{color:#757575}.v-not_evaluated{color:#b28704}.v-not_applicable{color:#999}
code,.mono{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85em;word-break:break-all}
@media print{body{margin:0;max-width:none}.banner{-webkit-print-color-adjust:exact;print-color-adjust:exact}h2{break-after:avoid}table,.finding{break-inside:avoid}details{display:block}details>summary{display:none}}
</style>
</head>
<body>
<div class="banner {{.R.Summary.Verdict}}" id="verdict">
<div><div>tollgate compliance report</div><div class="verdict">{{.Verdict}}</div></div>
<div>{{.R.Summary.Documents}} documents · as of {{.R.Run.AsOf}}</div>
</div>
<div class="counts" id="counts">
<div class="count"><b>{{.R.Summary.Errors}}</b>errors</div>
<div class="count"><b>{{.R.Summary.Warnings}}</b>warnings</div>
<div class="count"><b>{{.R.Summary.Infos}}</b>info</div>
<div class="count"><b>{{.R.Summary.Waived}}</b>waived</div>
<div class="count"><b>{{.R.Summary.NotAssessable}}</b>not assessable</div>
<div class="count"><b>{{.R.Summary.PassedChecks}}</b>checks passed</div>
</div>
{{if eq .R.Summary.Documents 0}}<p><b>No documents were found: nothing was checked.</b></p>{{end}}
<div class="charts">
<figure><figcaption>Findings by severity</figcaption>{{.SevChart}}</figure>
{{if .ProcChart}}<figure><figcaption>Compliance per procedure</figcaption>{{.ProcChart}}</figure>{{end}}
</div>

{{if .Procedures}}<h2>Compliance by procedure clause</h2>
{{range .Procedures}}<h3>{{.Name}}</h3>
<table><thead><tr><th>Clause</th><th>Requirement</th><th>Verdict</th><th>Failed by</th></tr></thead><tbody>
{{range .Clauses}}<tr><td class="mono">{{.P.ID}}</td><td>{{.P.Title}}</td><td class="{{.Class}}">{{.Words}}</td><td>{{.Failed}}</td></tr>
{{end}}</tbody></table>
{{end}}{{end}}
{{if .NotApplicable}}<p>Not applicable to this submission: {{.NotApplicable}}.</p>{{end}}

<h2>Scorecard per document</h2>
<table><thead><tr><th>Document</th><th>Kind</th><th>Passed</th><th>Failed</th><th>Waived</th><th>Not assessable</th><th>Errors</th><th>Warnings</th></tr></thead><tbody>
{{range .Cards}}<tr><td>{{.D.Path}}</td><td>{{.Kind}}</td><td class="n">{{.C.Pass}}</td><td class="n">{{.C.Fail}}</td><td class="n">{{.C.Waived}}</td><td class="n">{{.C.NotAssessable}}</td><td class="n">{{.C.Errors}}</td><td class="n">{{.C.Warnings}}</td></tr>
{{end}}</tbody></table>

<h2>Findings</h2>
{{if not .Groups}}<p>No findings.</p>{{end}}
{{range .Groups}}<h3>{{.Name}}</h3>
{{range .Findings}}<div class="finding {{.Class}}"><span class="tag">{{.Label}}</span> <b>{{.F.Rule}}</b> {{.F.Title}}{{if .F.Baseline}} <i>({{.F.Baseline}})</i>{{end}}
{{if .Where}}<div class="loc">{{.Where}}</div>{{end}}
{{if .F.Message}}<div>{{.F.Message}}</div>{{end}}
{{if .Fix}}<div class="fix"><b>Fix:</b> {{.Fix}}</div>{{end}}
{{if .Waiver}}<div class="fix"><b>Waived:</b> {{.Waiver}}</div>{{end}}
</div>
{{end}}{{end}}

<h2>Waivers</h2>
{{if .R.Waivers}}<table><thead><tr><th>Rule</th><th>Path</th><th>Reason</th><th>Approved by</th><th>Expires</th><th>State</th><th>Matched</th></tr></thead><tbody>
{{range .R.Waivers}}<tr><td>{{.Rule}}</td><td>{{.Path}}</td><td>{{.Reason}}</td><td>{{.ApprovedBy}}</td><td>{{.Expires}}</td><td>{{.State}}</td><td class="n">{{.Matched}}</td></tr>
{{end}}</tbody></table>{{else}}<p>No waivers are configured.</p>{{end}}

<h2>Passed rules</h2>
<details open><summary>{{len .Passed}} rules passed every check</summary>
<table><thead><tr><th>Rule</th><th>Title</th><th>Checks</th></tr></thead><tbody>
{{range .Passed}}<tr><td class="mono">{{.ID}}</td><td>{{.Title}}</td><td class="n">{{.Checked}}</td></tr>
{{end}}</tbody></table></details>

<h2>Audit record</h2>
<table><tbody>
<tr><th>Tool</th><td>{{.R.Tool.Name}} {{.R.Tool.Version}}</td></tr>
<tr><th>OPA</th><td>{{.R.Tool.OPAVersion}}</td></tr>
<tr><th>Policy digest</th><td class="mono">{{.R.Run.PolicyDigest}}</td></tr>
<tr><th>Config digest</th><td class="mono">{{.R.Run.ConfigDigest}}</td></tr>
<tr><th>As of</th><td>{{.R.Run.AsOf}}</td></tr>
<tr><th>Command</th><td class="mono">{{.R.Run.Command}}</td></tr>
</tbody></table>
<table><thead><tr><th>Input</th><th>Format</th><th>Status</th><th>sha256</th></tr></thead><tbody>
{{range .R.Documents}}<tr><td>{{.Path}}</td><td>{{.Format}}</td><td>{{.Status}}{{if .Error}}: {{.Error}}{{end}}</td><td class="mono">{{.SHA256}}</td></tr>
{{end}}</tbody></table>
</body>
</html>
`))

// shorten cuts s to n runes with an ellipsis.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
