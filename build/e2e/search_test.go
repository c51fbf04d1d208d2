package e2e

import (
	"fmt"
	"hash/fnv"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/mabs-matrix/matrixdoc/build/search"
)

// The search of the matrix page, as a property over the seed (issue 10).
//
// Definition of "contains", which the tests below hold the page to: a row
// contains a query exactly when build/search's reference matcher
// (Index.Search over search.Build(model, locale)) finds the row — every
// term of the query (search.ParseQuery: folded, stop words dropped, parts
// joined by a hyphen or dot read as one word) is matched by a word of the
// row: a word of its visible text in the page's language, a spelling
// variant (adjacent words joined), a synonym from the lexicon, or a label
// of its installation targets, capabilities and statuses in any language;
// a word matches when it starts with the term (a number stays whole: "8"
// is not "8.1", "2012" not "2012 R2"), or, for a term of at least four
// letters and no digit, when a prefix of at least five letters is one edit
// away; two adjacent terms typed apart may match one joined word. Rows
// found only through such an edit are marked (data-near).

// genQueries makes the queries of the property test from every row's own
// visible words on loc's page: each word, each pair of adjacent words of
// one element, a spelling variant and a one-letter typo of each; the row's
// first version entry after the product's name and after each word that
// names one of its sections ("restore", "backup"); and every synonym of the
// lexicon for the rows that hold a member of its group. It returns query →
// the rows it was made from.
func genQueries(ix *search.Index, loc string) map[string][]int {
	out := map[string][]int{}
	add := func(q string, row int) {
		if q = strings.TrimSpace(q); q == "" {
			return
		}
		if rs := out[q]; len(rs) == 0 || rs[len(rs)-1] != row {
			out[q] = append(rs, row)
		}
	}
	stop := ix.Lexicon.Stop
	for i := range model.Rows {
		for _, p := range search.RowPieces(model, loc, i) {
			if p.Kind != search.Text {
				continue
			}
			us := search.Units(search.Fold(p.Text))
			for j, u := range us {
				w := u.Word
				add(w, i)
				add(wordVariant(w, u.Release), i)
				if ty := typo(w, stop); ty != "" {
					add(ty, i)
				}
				if j+1 == len(us) {
					continue
				}
				n := us[j+1]
				add(w+" "+n.Word, i)
				// A spelling variant of the pair: joined and hyphenated where
				// the text's separator only splits a spelling; else in capitals.
				if joinableSep(n.Sep) && !stop[w] && !stop[n.Word] {
					add(w+n.Word, i)
					add(w+"-"+n.Word, i)
				} else {
					add(strings.ToUpper(w+" "+n.Word), i)
				}
				if len(n.Word) >= len(w) {
					if ty := typo(n.Word, stop); ty != "" {
						add(w+" "+ty, i)
					}
				} else if ty := typo(w, stop); ty != "" {
					add(ty+" "+n.Word, i)
				}
			}
		}
		// The product the page is about, named before the row's first
		// version entry: its words are dropped, the row still found.
		if vs := model.Rows[i].Versions[loc]; len(vs) > 0 {
			add("azure backup server "+vs[0], i)
			add("mabs "+vs[0], i)
			// A question, with the words that name the row's sections.
			r := &model.Rows[i]
			for _, sec := range search.Sections {
				if len(r.Protect[loc]) == 0 && (sec == "protect" || len(r.Recover[loc]) == 0) {
					continue
				}
				for _, w := range ix.Lexicon.Sections[sec] {
					add(w+" "+vs[0], i)
				}
			}
		}
	}
	// Synonyms: every member of every group of the page's lexicon, typed
	// apart, finds the rows whose text holds a member of its group.
	for _, g := range ix.Lexicon.Groups() {
		var rows []int
		for i := range model.Rows {
			if slices.ContainsFunc(g, func(m string) bool { return holdsRun(loc, i, search.Words(m)) }) {
				rows = append(rows, i)
			}
		}
		for _, m := range g {
			for _, i := range rows {
				add(strings.Join(search.Words(m), " "), i)
			}
		}
	}
	return out
}

// holdsRun reports whether one visible text of row i holds the words us in
// a row.
func holdsRun(loc string, i int, us []string) bool {
	for _, p := range search.RowPieces(model, loc, i) {
		if p.Kind != search.Text {
			continue
		}
		ws := search.Words(p.Text)
		for k := 0; k+len(us) <= len(ws); k++ {
			if slices.Equal(ws[k:k+len(us)], us) {
				return true
			}
		}
	}
	return false
}

// joinableSep is build/search's rule for a separator that only splits a
// spelling (white space, one hyphen, dot or underscore).
func joinableSep(sep string) bool {
	if sep == "." || sep == "_" {
		return true
	}
	t := strings.TrimSpace(sep)
	return sep != "" && (t == "" || t == "-")
}

// wordVariant is a spelling variant of one word as a reader may type it: a
// release written apart ("2012r2" → "2012 R2"), a word broken by a hyphen
// ("sharepoint" → "share-point"), a number in brackets, or capitals.
func wordVariant(w, release string) string {
	if release != "" && release != w {
		return strings.TrimSuffix(w, release) + " " + strings.ToUpper(release)
	}
	letters := true
	for _, r := range w {
		letters = letters && unicode.IsLetter(r)
	}
	switch {
	case letters && len([]rune(w)) >= 4:
		rs := []rune(w)
		return string(rs[:len(rs)/2]) + "-" + string(rs[len(rs)/2:])
	case !letters:
		return "(" + w + ")"
	}
	return strings.ToUpper(w)
}

// typo is w with one letter wrong — deleted, doubled, replaced or swapped
// with the next, by a hash of w — for a word of at least five letters and
// no digit, or "" (the typo rule does not apply). A typo that is a stop
// word is tried another way.
func typo(w string, stop map[string]bool) string {
	rs := []rune(w)
	if len(rs) < 5 {
		return ""
	}
	for _, r := range rs {
		if !unicode.IsLetter(r) {
			return ""
		}
	}
	h := fnv.New32a()
	h.Write([]byte(w))
	seed := int(h.Sum32() % 1000)
	for try := 0; try < 4; try++ {
		k := seed + try
		p := k % (len(rs) - 1)
		out := slices.Clone(rs)
		switch k % 4 {
		case 0: // a letter left out
			out = slices.Delete(out, p, p+1)
		case 1: // a letter typed twice
			out = slices.Insert(out, p, out[p])
		case 2: // a letter replaced
			if out[p] == 'q' {
				out[p] = 'x'
			} else {
				out[p] = 'q'
			}
		case 3: // two letters swapped
			if out[p] == out[p+1] {
				out[p] = 'q'
			} else {
				out[p], out[p+1] = out[p+1], out[p]
			}
		}
		if s := string(out); !stop[s] && s != w {
			return s
		}
	}
	return ""
}

// batchJS types each query into the search box (a real input event) and
// reads which rows are shown and which are marked near, as indexes into
// the table's rows. The History API is stubbed for the batch: Chromium
// throttles a page that changes its URL hundreds of times a second, and
// the URL is not what this checks (TestURLRoundTrip does).
const batchJS = `((qs) => {
  history.replaceState = () => {}; history.pushState = () => {};
  // The table is not drawn meanwhile (each query would lay it out again):
  // what is read is the rows' hidden and data-near attributes.
  $root().querySelector("table.matrix").style.display = "none";
  const rows = $rows();
  return qs.map((q) => {
    $setQ(q);
    const shown = [], near = [];
    rows.forEach((tr, i) => { if ($shown(tr)) { shown.push(i); if (tr.hasAttribute("data-near")) near.push(i); } });
    return [shown, near];
  });
})`

// TestSearchProperty: for every row of the seed, in both languages, on the
// hosted page and in the offline file, every query made from the row's own
// words (genQueries) shows that row, and the rows shown are exactly the
// rows that contain the query (see the definition above), those found only
// through a typo marked.
func TestSearchProperty(t *testing.T) {
	for _, loc := range model.Locales {
		ix, err := search.Build(model, loc)
		if err != nil {
			t.Fatal(err)
		}
		gen := genQueries(ix, loc)
		qs := make([]string, 0, len(gen))
		for q := range gen {
			qs = append(qs, q)
		}
		sort.Strings(qs)
		for _, where := range []string{"hosted", "offline"} {
			t.Run(loc+"/"+where, func(t *testing.T) {
				tb := newTab(t)
				tb.openWhere(where, loc)
				var ids []string
				tb.q("$rows().map($rowID)", &ids)
				if !slices.Equal(ids, allIDs()) {
					t.Fatalf("the table's rows are not the model's rows in order")
				}
				bad := 0
				for start := 0; start < len(qs); start += 250 {
					batch := qs[start:min(start+250, len(qs))]
					var res [][2][]int
					tb.q(batchJS+"("+jsList(batch)+")", &res)
					for k, q := range batch {
						want := ix.Search(q)
						var wantNear []int
						for n, r := range want.Rows {
							if want.Near[n] {
								wantNear = append(wantNear, r)
							}
						}
						shown, near := res[k][0], res[k][1]
						for _, r := range gen[q] {
							if !slices.Contains(shown, r) {
								bad++
								t.Errorf("%q (made from row %s) does not show that row", q, model.Rows[r].ID)
							}
						}
						if !slices.Equal(shown, want.Rows) {
							bad++
							t.Errorf("%q shows %s; the rows that contain it are %s", q, rowList(shown), rowList(want.Rows))
						}
						if !slices.Equal(near, wantNear) {
							bad++
							t.Errorf("%q marks %s near; the rows found only through a typo are %s", q, rowList(near), rowList(wantNear))
						}
						if bad > 20 {
							t.Fatalf("too many failures")
						}
					}
				}
				t.Logf("%d queries from %d rows", len(qs), len(model.Rows))
			})
		}
	}
}

func rowList(rs []int) string {
	ids := make([]string, len(rs))
	for i, r := range rs {
		ids[i] = model.Rows[r].ID
	}
	return fmt.Sprintf("(%d) %s", len(rs), short(ids))
}

// domWordsJS reads, per table row, the words of its visible elements the
// way the page's tokenizer splits them: each element alone (a line of a
// cell, a list item, a badge's label, a condition), page chrome (the
// "Protect:" labels, the "#" link, icons) left out.
const domWordsJS = `(() => $rows().map((tr) => {
  const texts = [];
  const cells = Array.from(tr.children);
  texts.push(cells[0].textContent);
  let line = "";
  cells[1].childNodes.forEach((n) => {
    if (n.nodeName === "BR") { texts.push(line); line = ""; }
    else if (!(n.classList && n.classList.contains("permalink"))) line += n.textContent;
  });
  texts.push(line);
  cells[2].querySelectorAll("li").forEach((li) => texts.push(li.textContent));
  for (const td of cells.slice(3, -1)) {
    const b = td.querySelector(".badge").cloneNode(true);
    b.querySelectorAll("[aria-hidden]").forEach((x) => x.remove());
    texts.push(b.textContent);
    const c = td.querySelector(".cond");
    if (c) texts.push(c.textContent);
  }
  cells[cells.length - 1].querySelectorAll("dd").forEach((dd) => texts.push(dd.textContent));
  return texts.flatMap((s) => matrixdoc.words(s));
}))()`

// TestSearchAgreesWithGo: the page's tokenizer is build/search's. On every
// text of the seed (each row's visible elements and vocabulary labels, both
// languages) plus texts with typographic characters, the page folds and
// splits words exactly as search.Fold and search.Words; it reads every
// generated query into the same terms as search.ParseQuery; and the words
// of each row as the page shows it are exactly the row's visible words in
// the index (nothing on the page is unsearchable, nothing searchable is
// invisible).
func TestSearchAgreesWithGo(t *testing.T) {
	extra := []string{
		"Hyper‑V – Datacenter—Standard", "CSV’s “quoted” ‘single’", "Café Straße Ĳssel Øre Łódź", "ﬁle ＶＭｗａｒｅ ²",
		"a\u00a0b\u202fc\u00adsoft", "Windows 8.1. SQL 2012R2, 2012 - R2", "1.2.3 v2.0 x64-bit", "tab\there\nnewline",
	}
	for _, loc := range model.Locales {
		t.Run(loc, func(t *testing.T) {
			ix, err := search.Build(model, loc)
			if err != nil {
				t.Fatal(err)
			}
			tb := newTab(t)
			tb.openMatrix(loc, "")
			seen := map[string]bool{}
			texts := slices.Clone(extra)
			rowText := make([]map[string]bool, len(model.Rows))
			for i := range model.Rows {
				rowText[i] = map[string]bool{}
				for _, p := range search.RowPieces(model, loc, i) {
					if p.Kind == search.Text {
						for _, w := range search.Words(p.Text) {
							rowText[i][w] = true
						}
					}
					if !seen[p.Text] {
						seen[p.Text] = true
						texts = append(texts, p.Text)
					}
				}
			}
			var got [][2]any
			tb.eval(`(`+jsList(texts)+`).map((s) => [matrixdoc.fold(s), matrixdoc.words(s)])`, &got)
			for i, s := range texts {
				f, _ := got[i][0].(string)
				var ws []string
				for _, w := range got[i][1].([]any) {
					ws = append(ws, w.(string))
				}
				if f != search.Fold(s) {
					t.Errorf("fold %q: page %q, Go %q", s, f, search.Fold(s))
				}
				if want := search.Words(s); !slices.Equal(ws, want) && !(len(ws) == 0 && len(want) == 0) {
					t.Errorf("words of %q: page %q, Go %q", s, ws, want)
				}
			}
			t.Logf("%d texts agree", len(texts))

			// Query terms.
			gen := genQueries(ix, loc)
			qs := []string{"sql 2014 on vmware", "windows 8.", "hyper-v", "2012 r2", "in", "sql in ", "the"}
			for q := range gen {
				qs = append(qs, q)
			}
			sort.Strings(qs)
			var terms [][]struct {
				Text string
				Join bool
			}
			tb.eval(`(`+jsList(qs)+`).map((q) => matrixdoc.terms(q))`, &terms)
			for i, q := range qs {
				want := search.ParseQuery(q, ix.Lexicon.Stop)
				ok := len(want) == len(terms[i])
				for k := 0; ok && k < len(want); k++ {
					ok = want[k].Text == terms[i][k].Text && want[k].Join == terms[i][k].Join
				}
				if !ok {
					t.Errorf("terms of %q: page %+v, Go %+v", q, terms[i], want)
				}
			}

			// The rows' visible words.
			var dom [][]string
			tb.q(domWordsJS, &dom)
			for i, ws := range dom {
				got := map[string]bool{}
				for _, w := range ws {
					got[w] = true
				}
				for w := range got {
					if !rowText[i][w] {
						t.Errorf("row %s shows the word %q, which the index does not have as its text", model.Rows[i].ID, w)
					}
				}
				for w := range rowText[i] {
					if !got[w] {
						t.Errorf("row %s: the index has %q as its text, which the page does not show", model.Rows[i].ID, w)
					}
				}
			}
		})
	}
}

// marksJS lists, two frames after a change, the marks in the shown rows:
// their text and whether they are a typo's (class near).
const marksJS = `new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(() =>
  res($rows().filter($shown).flatMap((tr) => Array.from(tr.querySelectorAll("mark")).map((m) => ({Text: m.textContent, Near: m.classList.contains("near")})))))))`

type markInfo struct {
	Text string
	Near bool
}

// TestSearchMarks: matched words are marked in the rows in view — exact
// matches highlighted, typo matches underlined (class near) and their rows
// labelled, with a note naming the typed word and what it was read as.
func TestSearchMarks(t *testing.T) {
	ui := uiStrings(t, "en")
	tb := newTab(t)
	tb.openMatrix("en", "")

	tb.do(`$setQ("sql 2014")`)
	var marks []markInfo
	tb.eval(`(() => {`+pageJS+`; return `+marksJS+`; })()`, &marks)
	if len(marks) == 0 {
		t.Fatalf(`"sql 2014" marks nothing`)
	}
	for _, m := range marks {
		if f := search.Fold(m.Text); m.Near || (f != "sql" && f != "2014") {
			t.Errorf(`"sql 2014" marks %+v`, m)
		}
	}

	tb.do(`$setQ("hyperv")`)
	tb.eval(`(() => {`+pageJS+`; return `+marksJS+`; })()`, &marks)
	got := map[string]bool{}
	for _, m := range marks {
		got[search.Fold(m.Text)] = true
	}
	if !got["hyper"] || !got["v"] || len(got) != 2 {
		t.Errorf(`"hyperv" marks %v, want the parts of "Hyper-V"`, got)
	}

	tb.do(`$setQ("sharpoint")`)
	tb.eval(`(() => {`+pageJS+`; return `+marksJS+`; })()`, &marks)
	near := 0
	for _, m := range marks {
		if !m.Near || search.Fold(m.Text) != "sharepoint" {
			t.Errorf(`"sharpoint" marks %+v`, m)
		}
		near++
	}
	var st struct {
		Labels []string
		Note   string
		Hidden bool
	}
	tb.q(`({Labels: $rows().filter($shown).map((tr) => getComputedStyle(tr.querySelector("th"), "::after").content),
	  Note: $root().querySelector("[data-near-note]").textContent, Hidden: $root().querySelector("[data-near-note]").hidden})`, &st)
	if near == 0 || len(st.Labels) == 0 {
		t.Fatalf(`"sharpoint" marks %d words in %d rows`, near, len(st.Labels))
	}
	for _, l := range st.Labels {
		if l != js(ui["filter.near"]) {
			t.Errorf(`a row found through a typo is labelled %s, want %q`, l, ui["filter.near"])
		}
	}
	if st.Hidden || !strings.Contains(st.Note, "“sharpoint”") || !strings.Contains(st.Note, "sharepoint") {
		t.Errorf("near note %q (hidden %v)", st.Note, st.Hidden)
	}
}

// TestEmptyStateWords: when nothing matches, the page names the word that
// matched nothing and offers the closest words that do; each offer, taken,
// shows rows.
func TestEmptyStateWords(t *testing.T) {
	tb := newTab(t)
	tb.openMatrix("en", "")
	for _, c := range []struct{ q, word, offer string }{
		{"sharpxint", "sharpxint", "sharepoint"},
		{"sql 2014 exchnge", "exchnge", ""},
		{"mailbox zzqxv", "zzqxv", ""},
	} {
		tb.do(`$setQ(` + js(c.q) + `)`)
		var st struct {
			Shown  int
			Text   string
			Offers []string
		}
		tb.q(`({Shown: $visible().length, Text: $root().querySelector("[data-empty]").textContent,
		  Offers: Array.from($root().querySelectorAll("[data-empty] button.suggest")).map((b) => b.textContent)})`, &st)
		if st.Shown != 0 || !strings.Contains(st.Text, "“"+c.word+"”") {
			t.Errorf("%q: %d rows, empty state %q does not name “%s”", c.q, st.Shown, st.Text, c.word)
		}
		if c.offer != "" && (len(st.Offers) == 0 || st.Offers[0] != c.offer) {
			t.Errorf("%q: offers %v, want %q first", c.q, st.Offers, c.offer)
		}
		for k := range st.Offers {
			tb.do(`$setQ(` + js(c.q) + `)`)
			tb.do(`$root().querySelectorAll("[data-empty] button.suggest")[` + fmt.Sprint(k) + `].click()`)
			if n := len(tb.visible()); n == 0 {
				t.Errorf("%q: the offer %q shows no row", c.q, st.Offers[k])
			}
		}
	}
}
