package charts

import "html/template"

// figureTmpl renders every block kind. Chart options go into a JSON script
// element that the theme's script reads; with scripts off, the table shows.
var figureTmpl = template.Must(template.New("figure").Parse(`
{{- if eq .Kind "kpi" -}}
<div class="kpis" id="{{.ID}}">
{{- range .KPIs}}
<div class="kpi">
<div class="kpi-name">{{.Name}}</div>
<div class="kpi-value"><span class="kpi-number">{{.Value}}</span>{{if .Unit}} <span class="kpi-unit">{{.Unit}}</span>{{end}}</div>
{{- if .Change}}
<div class="kpi-change kpi-{{.Mood}} kpi-{{.Dir}}"><span class="kpi-arrow" aria-hidden="true">{{if eq .Dir "up"}}▲{{else if eq .Dir "down"}}▼{{else}}▬{{end}}</span> {{$.T "vs_previous_year"}} {{.Change}}{{if ne .Mood "neutral"}} <span class="kpi-mood">{{if eq .Mood "good"}}{{$.T "improving"}}{{else}}{{$.T "worsening"}}{{end}}</span>{{end}}</div>
{{- end}}
{{- if .Target}}
<div class="kpi-target">{{$.T "target"}} {{.Target}}{{if .Progress}} · {{$.T "progress"}} {{.Progress}}{{end}}</div>
{{- if .Progress}}<progress class="kpi-progress" max="100" value="{{printf "%.1f" .Pct}}" aria-label="{{$.T "progress"}} {{.Progress}}">{{.Progress}}</progress>{{end}}
{{- end}}
{{- if .Note}}
<div class="kpi-note">{{.Note}}</div>
{{- end}}
</div>
{{- end}}
</div>
{{- else -}}
<figure class="figure figure-{{.Kind}}{{if .Type}} chart-{{.Type}}{{end}}" id="{{.ID}}">
<figcaption><span class="figure-title">{{.Title}}</span> <span class="figure-span">{{.Span}}</span></figcaption>
{{- if eq .Kind "chart"}}
<div class="chart" data-option="{{.ID}}-option" role="img" aria-label="{{.Title}} {{.Span}}"></div>
<script type="application/json" id="{{.ID}}-option">{{.Option}}</script>
{{- end}}
<div class="figure-data{{if eq .Kind "chart"}} chart-data{{end}}" id="{{.ID}}-data">
<table>
{{- if eq .Kind "chart"}}<caption>{{$.T "data_table"}}{{$.T "note_colon"}}{{.Table.Caption}}</caption>{{end}}
<thead><tr><th scope="col">{{.Table.Corner}}</th>{{range .Table.Years}}<th scope="col">{{.}}</th>{{end}}</tr></thead>
<tbody>
{{- range .Table.Rows}}
<tr><th scope="row">{{.Head}}</th>{{range .Cells}}<td{{if .Missing}} class="missing" title="{{$.T "not_collected"}}"{{end}}>{{.Text}}{{if .Note}}<sup>*</sup>{{end}}</td>{{end}}</tr>
{{- end}}
</tbody>
</table>
{{- if .Table.Notes}}
<ul class="figure-notes">{{range .Table.Notes}}<li>* {{.}}</li>{{end}}</ul>
{{- end}}
</div>
<p class="figure-links">
{{- if eq .Kind "chart"}}<button type="button" class="show-data" aria-controls="{{.ID}}-data" aria-expanded="false" data-hide="{{$.T "hide_data"}}" hidden>{{$.T "show_data"}}</button> {{end -}}
<a href="{{.CSVURL}}" download="{{.CSVName}}">{{$.T "download_csv"}}</a></p>
</figure>
{{- end}}
`))
