package source

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestParseOriginal(t *testing.T) {
	const fm = "---\ntitle: T\nms.translationtype: MT\n---\n"
	src := fm + `# <a name="top"></a><span data-ttu-id="1">Titel</span><span class="sxs-lookup"><span data-stu-id="1">Title</span></span>

<span data-ttu-id="2">Eerste zin.</span><span class="sxs-lookup"><span data-stu-id="2">First sentence.</span></span> <span data-ttu-id="3">Tweede.</span><span class="sxs-lookup"><span data-stu-id="3">Second.</span></span>

|<span data-ttu-id="4">Werklast</span><span class="sxs-lookup"><span data-stu-id="4">Workload</span></span>|B|
|---|---|
|<span data-ttu-id="5">Fysieke server</span><span class="sxs-lookup"><span data-stu-id="5">Physical server</span></span><br/><span data-ttu-id="6">[KB](https://example.com/nl)</span><span class="sxs-lookup"><span data-stu-id="6">[KB 1](https://example.com/en)</span></span>|plain|
`
	doc, l := ParseOriginal("corpus/x.md", "en", []byte(src))
	if l.HasErrors() {
		t.Fatalf("errors: %v", l)
	}
	if doc.Title != "Title" {
		t.Errorf("title %q, want the twin's", doc.Title)
	}
	if !strings.Contains(doc.Intro, "First sentence. Second.") || strings.Contains(doc.Intro, "Eerste") {
		t.Errorf("intro %q, want the twins' text only", doc.Intro)
	}
	if got := doc.Tables[0].Header[0].PlainText(); got != "Workload" {
		t.Errorf("header %q", got)
	}
	c := doc.Tables[0].Rows[0].Cells[0]
	if got := c.PlainText(); got != "Physical server\nKB 1" {
		t.Errorf("cell %q", got)
	}
	if last := c.Inlines[len(c.Inlines)-1]; last.Kind != Link || last.Href != "https://example.com/en" {
		t.Errorf("the twin's link was not kept: %+v", last)
	}
	if got := doc.Tables[0].Rows[0].Cells[1].PlainText(); got != "plain" {
		t.Errorf("text outside twins: %q", got)
	}
	// Without twins, ParseOriginal is ParseDocument.
	plain := fm + "# Kop\n\nTekst.\n\n|a|b|\n|---|---|\n|x<br/>y|z|\n"
	a, _ := ParseDocument("nl/x.md", "nl", []byte(plain))
	b, _ := ParseOriginal("nl/x.md", "nl", []byte(plain))
	if docString(a) != docString(b) {
		t.Errorf("a file without twins reads differently:\n%s\n---\n%s", docString(a), docString(b))
	}
}

// The English document and the file its text is checked against.
const (
	englishPath   = "../../content/en/backup-mabs-protection-matrix.md"
	bilingualPath = corpusDir + "/nl-nl__OpenLocalizationTestOrg__8c175789.md"
	rulesPath     = "../../testdata/original/en.txt"
)

// rule is one line of testdata/original/en.txt.
type rule struct {
	from, to, why string
	line          int
	used          int
}

func readRules(t *testing.T) []*rule {
	t.Helper()
	b, err := os.ReadFile(rulesPath)
	if err != nil {
		t.Fatal(err)
	}
	var out []*rule
	for i, ln := range strings.Split(string(b), "\n") {
		ln = strings.TrimSpace(ln)
		if ln == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		pair, why, ok1 := strings.Cut(ln, " | ")
		from, to, ok2 := strings.Cut(pair, " => ")
		if !ok1 || !ok2 || strings.TrimSpace(why) == "" || from == "" {
			t.Fatalf("%s:%d: want `original => ours | why`, got %q", rulesPath, i+1, ln)
		}
		out = append(out, &rule{from: from, to: to, why: why, line: i + 1})
	}
	return out
}

// apply rewrites s with every rule, counting the rules that change it.
func apply(rules []*rule, s string) string {
	for _, r := range rules {
		if n := strings.Count(s, r.from); n > 0 {
			r.used += n
			s = strings.ReplaceAll(s, r.from, r.to)
		}
	}
	return s
}

// localizationKeys are front-matter keys the localization pipeline adds to
// a translation; Microsoft's English has none of them.
var localizationKeys = []string{"ms.translationtype", "ms.contentlocale", "ms.openlocfilehash", "ms.sourcegitcommit", "ms.lasthandoff"}

// TestEnglishIsMicrosofts: content/en says what Microsoft's English said,
// string for string — the original recovered from the side-by-side Dutch
// file — except for the rules of testdata/original/en.txt, each of which
// must still be needed.
func TestEnglishIsMicrosofts(t *testing.T) {
	rules := readRules(t)
	srcEN, err := os.ReadFile(englishPath)
	if err != nil {
		t.Fatal(err)
	}
	srcBi, err := os.ReadFile(bilingualPath)
	if err != nil {
		t.Fatal(err)
	}
	en, l := ParseDocument("en/backup-mabs-protection-matrix.md", "en", srcEN)
	if l.HasErrors() {
		t.Fatalf("content/en: %v", l)
	}
	orig, l := ParseOriginal("corpus/nl-nl__OpenLocalizationTestOrg__8c175789.md", "", srcBi) // its front matter says nl-NL
	if l.HasErrors() {
		t.Fatalf("original: %v", l)
	}

	// Front matter: the side-by-side file's is the translation's (no twins),
	// so only the keys a translation does not change are compared; title and
	// description are English in ours and Dutch there.
	for _, k := range localizationKeys {
		if _, ok := en.Meta.Raw[k]; ok {
			t.Errorf("%s: front matter has %s, which only a localized copy carries", englishPath, k)
		}
	}
	for k, v := range en.Meta.Raw {
		if k == "title" || k == "description" {
			continue
		}
		ov, ok := orig.Meta.Raw[k]
		if !ok {
			t.Errorf("%s: front matter key %s is not in Microsoft's", englishPath, k)
		} else if fmt.Sprint(ov) != fmt.Sprint(v) {
			t.Errorf("%s: front matter %s is %v, Microsoft's %v", englishPath, k, v, ov)
		}
	}
	for k := range orig.Meta.Raw {
		if _, ok := en.Meta.Raw[k]; !ok && !contains(localizationKeys, k) {
			t.Errorf("%s: front matter lacks Microsoft's key %s", englishPath, k)
		}
	}

	// The text, string by string, positioned in content/en.
	same := func(what string, ours string, pos fmt.Stringer, original string) {
		t.Helper()
		if want := apply(rules, original); ours != want {
			t.Errorf("%s: %s differs from Microsoft's\n  ours:     %q\n  original: %q (rules applied)", pos, what, ours, want)
		}
	}
	same("title heading", en.Title, en.Meta.Pos, orig.Title)
	same("intro", en.Intro, en.Meta.Pos, orig.Intro)
	if len(en.Sections) != len(orig.Sections) {
		t.Fatalf("%d sections, Microsoft's %d", len(en.Sections), len(orig.Sections))
	}
	for i, s := range en.Sections {
		o := orig.Sections[i]
		if s.ID != o.ID || s.Level != o.Level {
			t.Errorf("%s: section %s (level %d), Microsoft's %s (level %d)", s.Pos, s.ID, s.Level, o.ID, o.Level)
		}
		same("heading", s.Title, s.Pos, o.Title)
		same("prose under "+s.ID, s.HTML, s.Pos, o.HTML)
	}
	if len(en.Tables) != len(orig.Tables) {
		t.Fatalf("%d tables, Microsoft's %d", len(en.Tables), len(orig.Tables))
	}
	for ti, tb := range en.Tables {
		ot := orig.Tables[ti]
		cells := func(what string, ours, theirs []Cell) {
			if len(ours) != len(theirs) {
				t.Errorf("%s: %s has %d cells, Microsoft's %d", tb.Pos, what, len(ours), len(theirs))
				return
			}
			for i := range ours {
				same(fmt.Sprintf("%s cell %d", what, i+1), cellString(ours[i]), ours[i].Pos, cellString(theirs[i]))
			}
		}
		cells("header", tb.Header, ot.Header)
		if len(tb.Rows) != len(ot.Rows) {
			t.Fatalf("%s: %d rows, Microsoft's %d", tb.Pos, len(tb.Rows), len(ot.Rows))
		}
		for ri, r := range tb.Rows {
			cells(fmt.Sprintf("row %d", ri+1), r.Cells, ot.Rows[ri].Cells)
		}
	}
	for _, r := range rules {
		if r.used == 0 {
			t.Errorf("%s:%d: rule %q => %q is never used: remove it", rulesPath, r.line, r.from, r.to)
		}
		t.Logf("%s => %s: %d× (%s)", r.from, r.to, r.used, r.why)
	}
}

// cellString writes a cell's pieces: text, "\n" for a break, [label](href)
// for a link.
func cellString(c Cell) string {
	var b strings.Builder
	for _, in := range c.Inlines {
		switch in.Kind {
		case Break:
			b.WriteString("\n")
		case Link:
			fmt.Fprintf(&b, "[%s](%s)", in.Text, in.Href)
		default:
			b.WriteString(in.Text)
		}
	}
	return b.String()
}

// docString is what a Document says, positions aside.
func docString(d *Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title %q\nintro %q\n", d.Title, d.Intro)
	for _, s := range d.Sections {
		fmt.Fprintf(&b, "section %s %d %q %q\n", s.ID, s.Level, s.Title, s.HTML)
	}
	for _, tb := range d.Tables {
		for _, c := range tb.Header {
			fmt.Fprintf(&b, "h %q\n", cellString(c))
		}
		for _, r := range tb.Rows {
			for _, c := range r.Cells {
				fmt.Fprintf(&b, "c %q\n", cellString(c))
			}
		}
	}
	return b.String()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
