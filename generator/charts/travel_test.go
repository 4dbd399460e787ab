package charts

import (
	"strings"
	"testing"
)

func TestFigureOffersItsLinkImagesAndEmbedSnippet(t *testing.T) {
	env := testEnv(t)
	env.T = themeStrings(t, "zh")
	env.FigurePage, env.FigureEmbed = "/r/2025/a/figures/chart-1/", "https://x.example/r/2025/a/figures/chart-1/"
	b := mustParse(t, env, "chart", `type = "bar"
title = "<script>\"x\" & y"
metrics = ["talent.students"]`)
	fig, err := b.Render("a-chart-1", env)
	if err != nil {
		t.Fatal(err)
	}
	h := string(fig.HTML)
	for _, want := range []string{
		`<button type="button" class="figure-image" data-format="png" hidden>下载 PNG 图片</button>`,
		`<button type="button" class="figure-image" data-format="svg" hidden>下载 SVG 图片</button>`,
		`<a class="figure-anchor" href="#a-chart-1">本图链接</a>`,
		`<a class="figure-page" href="/r/2025/a/figures/chart-1/">单独查看</a>`,
		// The snippet's own attributes are escaped, then all of it once more.
		`&lt;iframe src=&#34;https://x.example/r/2025/a/figures/chart-1/&#34; title=&#34;&amp;lt;script&amp;gt;&amp;#34;x&amp;#34; &amp;amp; y&#34;`,
	} {
		if !strings.Contains(h, want) {
			t.Errorf("missing %s in\n%s", want, h)
		}
	}
	if strings.Contains(h, "<script>\"x\"") {
		t.Errorf("the title reached the HTML unescaped")
	}
}

func TestFigureOutsideASectionHasNoEmbed(t *testing.T) {
	env := testEnv(t)
	env.T = themeStrings(t, "zh")
	fig := render(t, env, "chart", `type = "line"
metrics = ["talent.students", "talent.apprentices", "talent.placement"]`, "chart-1")
	// A block outside a report section has no figure page to embed.
	if strings.Contains(string(fig.HTML), "figure-embed") || strings.Contains(string(fig.HTML), "figure-page") {
		t.Errorf("an embed snippet without a figure page:\n%s", fig.HTML)
	}
	if !strings.Contains(string(fig.HTML), `class="figure-image" data-format="png"`) {
		t.Errorf("no PNG button:\n%s", fig.HTML)
	}
}
