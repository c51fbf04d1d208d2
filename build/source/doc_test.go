package source

import (
	"strings"
	"testing"
)

func TestFrontMatterDiagnostics(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // codes() of the diagnostics
	}{
		{"valid", fm + "# T\n", ""},
		{"empty file", "", "empty-file@0:0"},
		{"only whitespace", " \n\n", "empty-file@0:0"},
		{"only a BOM", "\ufeff", "empty-file@0:0"},
		{"no front matter", "# Titel\n\ntekst\n", "no-front-matter@1:1"},
		{"blank first line", "\n---\ntitle: T\n---\n# T\n", "no-front-matter@1:1"},
		{"unclosed", "---\ntitle: T\n# T\n", "unclosed-front-matter@1:1"},
		{"malformed yaml", "---\ntitle: T\nms.date: [01/02/2020\nauthor: x\n---\n# T\n", "bad-front-matter@3:1"},
		{"mapping error line", "---\ntitle: T\nkey: a: b\n---\n", "bad-front-matter@3:1"},
		{"bad date", "---\ntitle: T\nms.date: 13/45/2017\n---\n", "bad-date@3:1"},
		{"bad handoff", "---\nms.lasthandoff: gisteren\n---\n", "bad-date@2:1"},
		{"locale mismatch", "---\nms.contentlocale: en-US\n---\n", "locale-mismatch@2:1"},
		{"locale region ok", "---\nms.contentlocale: nl-BE\n---\n", ""},
		{"invalid utf8", fm + "# T\n\nab\xffc\n", "invalid-utf8@7:3"},
		{"title a list", "---\ntitle: [a, b]\n---\n", "front-matter-type@2:1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, l := parseDocument("nl/test.md", "nl", []byte(tc.src))
			if got := codes(l); got != tc.want {
				t.Errorf("got %s\nwant %s\n%v", got, tc.want, l)
			}
		})
	}
}

func TestFrontMatterFields(t *testing.T) {
	doc, _ := parseOK(t, "---\ntitle: Wat | Docs\ndescription: Een matrix.\nkeywords: \nms.date: 5/1/2017\nms.lasthandoff: 2017-08-18\nms.contentlocale: nl-NL\nextra:\n  a: 1\n---\n# Kop\n")
	m := doc.Meta
	if m.Title != "Wat | Docs" || m.Description != "Een matrix." || m.ContentLocale != "nl-NL" {
		t.Errorf("meta %+v", m)
	}
	if m.Date != "2017-05-01" || m.LastHandoff != "2017-08-18" {
		t.Errorf("dates %q %q", m.Date, m.LastHandoff)
	}
	if v, ok := m.Raw["keywords"]; !ok || v != nil {
		t.Errorf("keywords = %#v, %v; want present and nil", v, ok)
	}
	if _, ok := m.Raw["extra"].(map[string]any); !ok {
		t.Errorf("nested map not JSON-safe: %#v", m.Raw["extra"])
	}
	if doc.Title != "Kop" {
		t.Errorf("title %q", doc.Title)
	}
}

// A BOM and CRLF line endings must simply work, and positions must still
// name the original file's lines and (byte) columns.
func TestBOMAndCRLF(t *testing.T) {
	lf := fm + "# T\n\n|h|\n|-|\n|a</br>b|\n"
	for _, tc := range []struct {
		name, src  string
		brCol      int
		metaCol    int
		headingCol int
	}{
		{"lf", lf, 3, 1, 1},
		{"crlf", strings.ReplaceAll(lf, "\n", "\r\n"), 3, 1, 1},
		{"bom", "\ufeff" + lf, 3, 4, 1},
		{"bom+crlf in front matter only", "\ufeff---\r\ntitle: T\r\nms.date: 01/02/2020\r\n---\n# T\n\n|h|\n|-|\n|a</br>b|\n", 3, 4, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, l := parseOK(t, tc.src)
			if doc.Meta.Title != "T" || doc.Meta.Date != "2020-01-02" {
				t.Errorf("meta %+v", doc.Meta)
			}
			if doc.Meta.Pos.Line != 1 || doc.Meta.Pos.Col != tc.metaCol {
				t.Errorf("meta pos %v", doc.Meta.Pos)
			}
			if len(doc.Sections) != 1 || doc.Sections[0].Pos.Line != 5 || doc.Sections[0].Title != "T" {
				t.Errorf("sections %+v", doc.Sections)
			}
			if len(doc.Tables) != 1 || len(doc.Tables[0].Rows) != 1 {
				t.Fatalf("tables %+v", doc.Tables)
			}
			c := doc.Tables[0].Rows[0].Cells[0]
			if got := show(c.Inlines); got != `"a"@9:2 ⏎@9:3 "b"@9:8` {
				t.Errorf("cell %s", got)
			}
			if got := codes(l); got != "malformed-br@9:3" {
				t.Errorf("diagnostics %s", got)
			}
		})
	}
}

func TestSections(t *testing.T) {
	src := fm + `# <a name="top"></a>Titel <span data-ttu-id="1">NL</span><span class="sxs-lookup"><span data-stu-id="1">EN</span></span>

Intro **vet** met [link](https://e.nl) en <br> regel.

## Tweede kop

|h|
|-|
|c|

Na de tabel.

### Tweede kop

## Tweede kop
`
	doc, _ := parseOK(t, src)
	type sec struct {
		id, title string
		level     int
		html      string
	}
	want := []sec{
		{"top", "Titel NL", 1, `<p>Intro <strong>vet</strong> met <a href="https://e.nl">link</a> en <br> regel.</p>` + "\n"},
		{"tweede-kop", "Tweede kop", 2, TableMarker(0) + "\n<p>Na de tabel.</p>\n"},
		{"tweede-kop-1", "Tweede kop", 3, ""},
		{"tweede-kop-2", "Tweede kop", 2, ""},
	}
	if len(doc.Sections) != len(want) {
		t.Fatalf("got %d sections: %+v", len(doc.Sections), doc.Sections)
	}
	for i, w := range want {
		s := doc.Sections[i]
		if s.ID != w.id || s.Title != w.title || s.Level != w.level || s.HTML != w.html {
			t.Errorf("section %d = %q %q %d %q\nwant %q %q %d %q", i, s.ID, s.Title, s.Level, s.HTML, w.id, w.title, w.level, w.html)
		}
	}
	if doc.Title != "Titel NL" || doc.Intro != want[0].html {
		t.Errorf("title %q intro %q", doc.Title, doc.Intro)
	}
	if len(doc.Tables) != 1 || doc.Tables[0].Section != "tweede-kop" {
		t.Errorf("table section %+v", doc.Tables)
	}
}

// No raw HTML, script or unsafe URL from the source reaches the prose HTML.
func TestProseSanitized(t *testing.T) {
	src := fm + `# T

a <script>alert(1)</script> b <img src=x onerror="alert(2)"> [j](javascript:alert(3)) [d](data:text/html,x) <b>c</b> & < >

<div onclick="alert(4)">blok</div>

<script>
alert(5)
</script>

> [!NOTE]
> Let **op**: <span data-ttu-id="9">NL</span><span class="sxs-lookup"><span data-stu-id="9">EN</span></span>

- een
  - genest [ok](./x.md)
1. twee
` + "\n```\n<code> & 'x'\n```\n"
	doc, l := parseOK(t, src)
	h := doc.Sections[0].HTML
	for _, bad := range []string{"<script", "<img", "onerror", "onclick", "javascript:", "data:", "<div", "<b>", "alert(4)", "alert(5)", "EN", "[!NOTE]"} {
		if strings.Contains(h, bad) {
			t.Errorf("HTML contains %q:\n%s", bad, h)
		}
	}
	for _, good := range []string{
		"a alert(1) b", "j d c &amp; &lt; &gt;",
		// A DocFX alert is a note callout; its title is a placeholder the
		// matrix stage fills in the page's language.
		`<aside class="alert alert-note" role="note">` + "\n" + AlertTitle("note") + "\n<p>Let <strong>op</strong>: NL</p>\n</aside>",
		"<ul>\n<li>een\n<ul>\n<li>genest <a href=\"./x.md\">ok</a></li>\n</ul></li>\n</ul>",
		"<ol>\n<li>twee</li>\n</ol>",
		"<pre><code>&lt;code&gt; &amp; &#39;x&#39;\n</code></pre>",
	} {
		if !strings.Contains(h, good) {
			t.Errorf("HTML lacks %q:\n%s", good, h)
		}
	}
	want := "raw-html@7:3 raw-html@7:31 unsafe-link@7:62 unsafe-link@7:87 raw-html@7:109 raw-html@9:1 raw-html@11:1"
	if got := codes(l); got != want {
		t.Errorf("diagnostics\n got %s\nwant %s\n%v", got, want, l)
	}
}

// A repeated heading takes the smallest free "-n", also when a heading
// already uses one of them.
func TestHeadingIDSuffixes(t *testing.T) {
	doc, _ := parseOK(t, fm+"## X\n\n## X-2\n\n## X\n\n## X\n\n## X-1\n\n## X\n")
	var ids []string
	for _, s := range doc.Sections {
		ids = append(ids, s.ID)
	}
	if got := strings.Join(ids, " "); got != "x x-2 x-1 x-3 x-1-1 x-4" {
		t.Errorf("ids %s", got)
	}
}
