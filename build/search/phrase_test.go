package search

import (
	"github.com/mabs-matrix/matrixdoc/build/matrix"
	"slices"
	"strings"
	"testing"
)

// hasRun reports whether row i of loc's page holds the words us in a row
// within one visible text (whole words, in order).
func hasRun(m *matrix.Model, loc string, i int, us []string) bool {
	for _, p := range RowPieces(m, loc, i) {
		if p.Kind != Text {
			continue
		}
		ws := Words(p.Text)
		for k := 0; k+len(us) <= len(ws); k++ {
			if slices.Equal(ws[k:k+len(us)], us) {
				return true
			}
		}
	}
	return false
}

// TestSynonymProperty: over the seed, both pages, every synonym group of
// the page's lexicon: a row whose visible text holds one member (its
// words, in order) is found by every other member of the group typed as a
// reader types it — with spaces ("bare metal recovery"), joined
// ("baremetal") and in capitals.
func TestSynonymProperty(t *testing.T) {
	m := seed(t)
	for _, loc := range m.Locales {
		ix := seedIndex(t, loc)
		checked := 0
		for _, g := range ix.Lexicon.Groups() {
			for _, a := range g {
				ua := Words(a)
				var rows []int
				for i := range m.Rows {
					if hasRun(m, loc, i, ua) {
						rows = append(rows, i)
					}
				}
				if len(rows) == 0 {
					continue
				}
				for _, b := range g {
					ub := Words(b)
					for _, q := range []string{strings.Join(ub, " "), strings.Join(ub, ""), strings.ToUpper(b)} {
						got := ix.Search(q).Rows
						for _, i := range rows {
							checked++
							if !slices.Contains(got, i) {
								t.Errorf("%s: %q does not find row %s, which says %q", loc, q, m.Rows[i].ID, a)
							}
						}
					}
				}
			}
		}
		if checked == 0 {
			t.Errorf("%s: no synonym member is in any row", loc)
		}
		t.Logf("%s: %d (query, row) pairs", loc, checked)
	}
}

// TestStopPhrases: naming the product the page is about changes nothing —
// for every stop phrase and stop word of all.yaml's subject list, before
// and after every row's first version entry, the rows found are those of
// the entry alone.
func TestStopPhrases(t *testing.T) {
	m := seed(t)
	for _, loc := range m.Locales {
		ix := seedIndex(t, loc)
		var phrases []string
		for w := range ix.Lexicon.Stop {
			if strings.Contains(w, "_") || w == "mabs" {
				phrases = append(phrases, strings.ReplaceAll(w, "_", " "))
			}
		}
		slices.Sort(phrases)
		if !slices.Contains(phrases, "azure backup server") || !slices.Contains(phrases, "mabs") {
			t.Fatalf("%s: the stop phrases %q lack the product's names", loc, phrases)
		}
		for i := range m.Rows {
			q := m.Rows[i].Versions[loc][0]
			want := ix.Search(q).Rows
			if !slices.Contains(want, i) {
				t.Fatalf("%s: %q does not find its own row %s", loc, q, m.Rows[i].ID)
			}
			for _, p := range phrases {
				for _, pq := range []string{p + " " + q, q + " " + p + " "} {
					if got := ix.Search(pq).Rows; !slices.Equal(got, want) {
						t.Errorf("%s: %q finds %d rows, %q %d", loc, pq, len(got), q, len(want))
					}
				}
			}
		}
	}
}

// TestSynonymPhrasesJoin: every synonym member and stop phrase of every
// lexicon is short enough for a query to type it apart (MaxJoinTerms).
func TestSynonymPhrasesJoin(t *testing.T) {
	for _, loc := range []string{"en", "nl", "fr"} {
		lx, err := LoadLexicon(loc)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range lx.Groups() {
			for _, p := range g {
				if n := len(Words(p)); n > MaxJoinTerms {
					t.Errorf("%s: synonym %q has %d words, more than MaxJoinTerms (%d)", loc, p, n, MaxJoinTerms)
				}
			}
		}
	}
}

// TestSectionWords: over the seed, both pages, every word that names a
// section (Lexicon.Sections) finds every row whose section is not empty
// (for recover: a Recover or a Protect list),
// alone and before the row's first version entry; a row it finds without
// that section holds a word the term starts (its text says it).
func TestSectionWords(t *testing.T) {
	m := seed(t)
	for _, loc := range m.Locales {
		ix := seedIndex(t, loc)
		for _, sec := range Sections {
			words := ix.Lexicon.Sections[sec]
			if len(words) == 0 {
				t.Errorf("%s: no words name the section %s", loc, sec)
			}
			for _, w := range words {
				got := ix.Search(w).Rows
				for i := range m.Rows {
					r := &m.Rows[i]
					has := len(r.Protect[loc]) > 0
					if sec == "recover" { // what is backed up can be restored
						has = len(r.Recover[loc]) > 0 || len(r.Protect[loc]) > 0
					}
					in := slices.Contains(got, i)
					if has && !in {
						t.Errorf("%s: %q does not find row %s, which has a %s list", loc, w, r.ID, sec)
					}
					if !has && in {
						said := false
						for rw := range ix.RowWords(i) {
							said = said || MatchWord(w, rw, false) != NoMatch
						}
						if !said {
							t.Errorf("%s: %q finds row %s, which has no %s list and does not say it", loc, w, r.ID, sec)
						}
					}
					if has {
						if q := w + " " + r.Versions[loc][0]; !slices.Contains(ix.Search(q).Rows, i) {
							t.Errorf("%s: %q does not find row %s", loc, q, r.ID)
						}
					}
				}
			}
		}
	}
}
