package site

import "testing"

func TestEveryPageKindIsNamedByItsLayout(t *testing.T) {
	want := map[Kind]string{HomePage: "home", YearPage: "year", SectionPage: "section", PrintPage: "print",
		MetricsPage: "metrics", MetricPage: "metric", MembersPage: "members", SearchPage: "search", NotFoundPage: "404"}
	for k, name := range want {
		if got := k.String(); got != name {
			t.Errorf("Kind %d is named %q, want %q", k, got, name)
		}
	}
}
