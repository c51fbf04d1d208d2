package site

import (
	"bytes"
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"gopkg.in/yaml.v2"
)

// What the front matter says about the pages, through the whole build:
// title: feeds <title>, the <h1> and the offline file's titles; the
// machine-translation notice follows ms.translationtype.

// editedContent copies the repository's content/ into a temporary folder
// and applies edit to each locale's document text.
func editedContent(t *testing.T, edit func(loc, src string) string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "..", "content"))); err != nil {
		t.Fatal(err)
	}
	for _, loc := range []string{"nl", "en"} {
		p := filepath.Join(dir, loc, "backup-mabs-protection-matrix.md")
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(edit(loc, string(b))), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// buildPages builds content and parses every HTML page it writes.
func buildPages(t *testing.T, content string) map[string]*html.Node {
	t.Helper()
	opts := realOptions(t)
	opts.Content = content
	if _, l := Build(opts); l.HasErrors() {
		t.Fatalf("build failed:\n%v", l)
	}
	out := map[string]*html.Node{}
	for name, b := range readTree(t, opts.Out) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		n, err := html.Parse(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = n
	}
	return out
}

func find(n *html.Node, keep func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && keep(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func tag(name string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == name }
}

func attrOf(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// titles are a built site's page titles per locale: <title> and <h1> of the
// matrix, the <title> of every workload page, and the offline file's.
type titles struct {
	matrixTitle, matrixH1  string
	workloadTitles         []string
	offlineData, offlineH1 string
}

func titlesOf(t *testing.T, pages map[string]*html.Node, loc string) titles {
	t.Helper()
	var ts titles
	m := pages[loc+"/index.html"]
	if m == nil {
		t.Fatalf("no %s/index.html", loc)
	}
	if el := find(m, tag("title")); len(el) == 1 {
		ts.matrixTitle = textOf(el[0])
	}
	if el := find(m, tag("h1")); len(el) == 1 {
		ts.matrixH1 = textOf(el[0])
	} else {
		t.Errorf("%s/index.html has %d <h1>", loc, len(el))
	}
	for name, n := range pages {
		if strings.HasPrefix(name, loc+"/workloads/") {
			if el := find(n, tag("title")); len(el) == 1 {
				ts.workloadTitles = append(ts.workloadTitles, textOf(el[0]))
			}
		}
	}
	off := pages["downloads/mabs-protection-matrix.html"]
	for _, d := range find(off, func(n *html.Node) bool { v, ok := attrOf(n, "data-locale"); return ok && v == loc }) {
		ts.offlineData, _ = attrOf(d, "data-title")
		if h := find(d, tag("h1")); len(h) > 0 {
			ts.offlineH1 = textOf(h[0])
		}
	}
	return ts
}

var titleLine = regexp.MustCompile(`(?m)^title:.*\r?\n`)

// TestTitleFollowsFrontMatter edits the Dutch title: line and rebuilds:
// every Dutch page title follows the edit (the " | Microsoft Docs" suffix
// cut); a title that is no real title, or none, gives way to the document's
// heading; the English pages do not move.
func TestTitleFollowsFrontMatter(t *testing.T) {
	const heading = "Beveiligingsmatrix voor Azure Backup Server"
	cases := []struct {
		name, line, want string
	}{
		{"as written", "", "Wat Azure Backup-Server kan een back-up"},
		{"edited", "title: Wat Azure Backup Server beveiligt | Microsoft Docs\n", "Wat Azure Backup Server beveiligt"},
		{"no suffix", "title: Beveiligingsoverzicht MABS\n", "Beveiligingsoverzicht MABS"},
		{"pipeline garbage", "title: aaaWhat Azure Backup-Server kan een back-up | Microsoft Docs\n", heading},
		{"only the site name", "title: \" | Microsoft Docs\"\n", heading},
		{"absent", "-", heading},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			content := editedContent(t, func(loc, src string) string {
				if loc != "nl" || c.line == "" {
					return src
				}
				if c.line == "-" {
					return titleLine.ReplaceAllString(src, "")
				}
				return titleLine.ReplaceAllLiteralString(src, c.line)
			})
			pages := buildPages(t, content)
			nl := titlesOf(t, pages, "nl")
			if nl.matrixTitle != c.want || nl.matrixH1 != c.want {
				t.Errorf("nl matrix: <title> %q, <h1> %q; want %q", nl.matrixTitle, nl.matrixH1, c.want)
			}
			if nl.offlineData != c.want || nl.offlineH1 != c.want {
				t.Errorf("offline nl: data-title %q, <h1> %q; want %q", nl.offlineData, nl.offlineH1, c.want)
			}
			if len(nl.workloadTitles) == 0 {
				t.Error("no Dutch workload pages")
			}
			for _, wt := range nl.workloadTitles {
				if !strings.HasSuffix(wt, " — "+c.want) {
					t.Errorf("nl workload page <title> %q does not end with the page title %q", wt, c.want)
				}
			}
			off := find(pages["downloads/mabs-protection-matrix.html"], tag("title"))
			if len(off) != 1 || textOf(off[0]) != c.want {
				t.Errorf("the offline file's <title> (default locale nl) is not %q", c.want)
			}
			en := titlesOf(t, pages, "en")
			const enWant = "What Azure Backup Server can back up"
			if en.matrixTitle != enWant || en.matrixH1 != enWant || en.offlineData != enWant {
				t.Errorf("en moved: %+v", en)
			}
		})
	}
}

// notices are the machine-translation notices of a page or view.
func notices(n *html.Node) []*html.Node {
	return find(n, func(n *html.Node) bool {
		c, _ := attrOf(n, "class")
		return strings.Contains(" "+c+" ", " mt-notice ")
	})
}

// readStrings reads a locale's strings.yaml.
func readStrings(t *testing.T, loc string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "content", loc, "strings.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if err := yaml.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestMachineTranslationNotice: every page of the Dutch document (marked
// ms.translationtype: MT) carries the notice in Dutch, first in <main>,
// with a link to the same page in English, which exists; no English page
// has it; the offline file has it in the Dutch view only, linking to the
// English view.
func TestMachineTranslationNotice(t *testing.T) {
	pages := buildPages(t, filepath.Join("..", "..", "content"))
	nl := readStrings(t, "nl")
	dutch := 0
	for name, n := range pages {
		loc, rel, _ := strings.Cut(name, "/")
		ns := notices(n)
		switch loc {
		case "en":
			if len(ns) > 0 {
				t.Errorf("%s: an English page has the machine-translation notice", name)
			}
		case "nl":
			dutch++
			if len(ns) != 1 {
				t.Errorf("%s: %d notices, want 1", name, len(ns))
				continue
			}
			main := find(n, tag("main"))
			if len(main) != 1 || main[0].FirstChild != ns[0] {
				t.Errorf("%s: the notice is not the first thing in <main>", name)
			}
			if got := textOf(ns[0]); !strings.HasPrefix(got, nl["mt.notice"]) {
				t.Errorf("%s: notice %q, want the Dutch %q", name, got, nl["mt.notice"])
			}
			links := find(ns[0], tag("a"))
			if len(links) != 1 {
				t.Errorf("%s: %d links in the notice", name, len(links))
				continue
			}
			href, _ := attrOf(links[0], "href")
			lang, _ := attrOf(links[0], "hreflang")
			target := path.Join(path.Dir(name), href)
			if strings.HasSuffix(href, "/") {
				target = path.Join(target, "index.html") // a folder link, as the canonical URL names the page
			}
			if lang != "en" || target != "en/"+rel || pages[target] == nil {
				t.Errorf("%s: the notice links to %s (hreflang %q), want the English page en/%s", name, target, lang, rel)
			}
			if textOf(links[0]) != nl["mt.original"] {
				t.Errorf("%s: link text %q", name, textOf(links[0]))
			}
		default:
			if len(ns) > 0 && name != "downloads/mabs-protection-matrix.html" {
				t.Errorf("%s: a page of no document has the notice", name)
			}
		}
	}
	if dutch < 2 {
		t.Fatalf("only %d Dutch pages", dutch)
	}
	off := pages["downloads/mabs-protection-matrix.html"]
	for _, d := range find(off, func(n *html.Node) bool { _, ok := attrOf(n, "data-locale"); return ok }) {
		loc, _ := attrOf(d, "data-locale")
		ns := notices(d)
		switch {
		case loc == "nl" && len(ns) == 1:
			a := find(ns[0], tag("a"))
			if len(a) != 1 {
				t.Fatal("offline nl notice without its link")
			}
			href, _ := attrOf(a[0], "href")
			set, _ := attrOf(a[0], "data-set-lang")
			if href != "#l=en" || set != "en" {
				t.Errorf("offline nl notice links to %q (data-set-lang %q)", href, set)
			}
		case loc == "nl":
			t.Errorf("offline nl view: %d notices", len(ns))
		case len(ns) > 0:
			t.Errorf("offline %s view has the notice", loc)
		}
	}
}

// TestMachineTranslationNoticeFollowsFrontMatter: without ms.translationtype
// no page has the notice; when the English is marked MT too there is no
// original to link to, and both languages say so without a link.
func TestMachineTranslationNoticeFollowsFrontMatter(t *testing.T) {
	mt := regexp.MustCompile(`(?m)^ms\.translationtype:.*\r?\n`)
	t.Run("none", func(t *testing.T) {
		pages := buildPages(t, editedContent(t, func(loc, src string) string { return mt.ReplaceAllString(src, "") }))
		for name, n := range pages {
			if len(notices(n)) > 0 {
				t.Errorf("%s has the notice, but no document is marked MT", name)
			}
		}
	})
	t.Run("both", func(t *testing.T) {
		pages := buildPages(t, editedContent(t, func(loc, src string) string {
			if loc == "en" {
				return strings.Replace(src, "\n---\n#", "\nms.translationtype: MT\n---\n#", 1)
			}
			return src
		}))
		for _, name := range []string{"nl/index.html", "en/index.html"} {
			ns := notices(pages[name])
			if len(ns) != 1 {
				t.Errorf("%s: %d notices", name, len(ns))
				continue
			}
			if a := find(ns[0], tag("a")); len(a) > 0 {
				t.Errorf("%s: the notice links to an original that is machine translated too", name)
			}
		}
	})
}

// The data does not carry the notice or the page title: check that the
// rebuilt data did not change with an edit of title: (matrix.json's
// source.title is the document's heading).
func TestTitleEditLeavesData(t *testing.T) {
	read := func(content string) string {
		opts := realOptions(t)
		opts.Content = content
		if _, l := Build(opts); l.HasErrors() {
			t.Fatal(l)
		}
		b, err := os.ReadFile(filepath.Join(opts.Out, DataJSON))
		if err != nil {
			t.Fatal(err)
		}
		var m struct {
			Source struct{ Title map[string]string }
			Rows   []json.RawMessage
		}
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		return m.Source.Title["nl"]
	}
	a := read(filepath.Join("..", "..", "content"))
	b := read(editedContent(t, func(loc, src string) string {
		return titleLine.ReplaceAllLiteralString(src, "title: Iets anders\n")
	}))
	if a != b || a != "Beveiligingsmatrix voor Azure Backup Server" {
		t.Errorf("matrix.json source.title: %q, then %q after a title: edit; want the heading both times", a, b)
	}
}
