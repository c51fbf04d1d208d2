package phrase

import (
	"slices"
	"strings"
	"testing"
)

// Properties every published language's books must have, checked on every
// entry of every book rather than on examples. A language's "own" books
// are its chain without root and the English fallback: a held-out page in
// that language may carry no English twins, so its own books must stand
// alone (root's brands and symbols aside).

// own returns the books of lg that are the language's own.
func own(lg *Lang) []*Book {
	var out []*Book
	for _, b := range lg.Books {
		if b.Tag != RootTag && !lg.leak[b] {
			out = append(out, b)
		}
	}
	return out
}

// forEachLanguage runs f as a subtest per published language.
func forEachLanguage(t *testing.T, f func(t *testing.T, lg *Lang, books []*Book)) {
	s := embeddedSet(t)
	for _, tag := range published {
		t.Run(tag, func(t *testing.T) {
			lg := s.For(tag, "")
			books := own(lg)
			if len(books) == 0 {
				t.Fatalf("%s has no book of its own", tag)
			}
			f(t, lg, books)
		})
	}
}

// TestLanguagesAreComplete: each language's own books name every column,
// yes, no and "not supported", every installation target but Azure Stack
// (a brand name, root's), protect and recover labels with and without "(all
// deployment scenarios)", recovery and protect words, the generic
// workloads and the version words; every capability has a keyword in the
// language or in root (DAG, CSV, VHD, BMR are written so everywhere).
func TestLanguagesAreComplete(t *testing.T) {
	forEachLanguage(t, func(t *testing.T, lg *Lang, books []*Book) {
		count := func(f func(b *Book) int) int {
			n := 0
			for _, b := range books {
				n += f(b)
			}
			return n
		}
		for _, c := range Columns {
			if count(func(b *Book) int { return len(b.Columns[c]) }) == 0 {
				t.Errorf("no %s column phrase", c)
			}
		}
		if count(func(b *Book) int { return len(b.Yes) }) == 0 || count(func(b *Book) int { return len(b.No) }) == 0 ||
			count(func(b *Book) int { return len(b.None) }) == 0 {
			t.Error("yes, no or none words missing")
		}
		for _, id := range []string{"physical-server", "hyper-v-vm", "vmware-vm", "azure-vm"} {
			if count(func(b *Book) int { return len(b.Installations[id]) }) == 0 {
				t.Errorf("no installation phrase for %s", id)
			}
		}
		for kind, get := range map[string]func(b *Book) []Phrase{
			"protect": func(b *Book) []Phrase { return b.Protect },
			"recover": func(b *Book) []Phrase { return b.Recover },
		} {
			with, without := 0, 0
			for _, b := range books {
				for _, p := range get(b) {
					if strings.Contains(p.Text, "(") {
						with++
					} else {
						without++
					}
				}
			}
			if with == 0 || without == 0 {
				t.Errorf("%s labels: %d with \"(all deployment scenarios)\", %d without; want both", kind, with, without)
			}
		}
		if count(func(b *Book) int { return len(b.RecoveryWords) }) == 0 || count(func(b *Book) int { return len(b.ProtectWords) }) == 0 {
			t.Error("recovery-words or protect-words missing")
		}
		root := lg.Books[slices.IndexFunc(lg.Books, func(b *Book) bool { return b.Tag == RootTag })]
		for _, c := range testVocab.Capabilities {
			if count(func(b *Book) int { return len(b.Capabilities[c]) })+len(root.Capabilities[c]) == 0 {
				t.Errorf("no keyword for capability %s", c)
			}
		}
		for _, id := range []string{"client-computers", "servers"} {
			if count(func(b *Book) int { return len(b.Workloads[id]) }) == 0 {
				t.Errorf("no phrase for workload %s", id)
			}
		}
		// The list words; build/product's tests require every key it reads.
		for _, k := range []string{"and", "or", "with"} {
			if count(func(b *Book) int { return len(b.VersionWords[k]) }) == 0 {
				t.Errorf("no versions.%s word", k)
			}
		}
	})
}

// TestSupportWordsAgree: every yes word of the chain (the English fallback
// included) reads as yes, every no word as no — a language's word must not
// turn an English leftover (or a root symbol) into its opposite.
func TestSupportWordsAgree(t *testing.T) {
	forEachLanguage(t, func(t *testing.T, lg *Lang, _ []*Book) {
		for _, b := range lg.Books {
			for want, list := range map[bool][]Phrase{true: b.Yes, false: b.No} {
				for _, p := range list {
					if yes, m, ok := lg.Support(p.Text); !ok || yes != want {
						t.Errorf("%s: %q (%s) reads as yes=%v from %s", b.Tag, p.Text, p.Pos, yes, m.Book.Tag)
					}
				}
			}
		}
	})
}

// TestHeadersNameTheirColumn: each column phrase, as a header on its own,
// names its own column — no phrase of a column tried earlier (installation
// before supported server before protection before version before
// workload) takes it.
func TestHeadersNameTheirColumn(t *testing.T) {
	forEachLanguage(t, func(t *testing.T, lg *Lang, books []*Book) {
		for _, b := range books {
			for _, c := range Columns {
				if c == ColRelease || c == ColReleaseNumber {
					continue
				}
				for _, p := range b.Columns[c] {
					if got, m, ok := lg.Column(p.Text); !ok || got != c {
						t.Errorf("header %q (%s) reads as column %q (by %q of %s), want %q", p.Text, p.Pos, got, m.Phrase.Text, m.Book.Tag, c)
					}
				}
			}
		}
	})
}

// TestInstallationPhrasesNameTheirTarget: the words of each installation
// rule, as a phrase, name that target and no other in the whole chain.
func TestInstallationPhrasesNameTheirTarget(t *testing.T) {
	forEachLanguage(t, func(t *testing.T, lg *Lang, books []*Book) {
		for _, b := range books {
			for id, rules := range b.Installations {
				for _, r := range rules {
					head := strings.Join(r.All, " ")
					if got, _, also, ok := lg.Target(head); !ok || got != id {
						t.Errorf("%q (%s) names %q %v, want %q", head, r.Pos, got, also, id)
					}
				}
			}
		}
	})
}

// TestLabelsAreFoundWhole: each label, written with a capital and followed
// by a list, is found as its own kind over its whole length (no shorter
// label of the other kind is found first).
func TestLabelsAreFoundWhole(t *testing.T) {
	forEachLanguage(t, func(t *testing.T, lg *Lang, books []*Book) {
		for _, b := range books {
			for want, list := range map[LabelKind][]Phrase{Protect: b.Protect, Recover: b.Recover} {
				for _, p := range list {
					text := capitalize(p.Text) + " x, y"
					n, kind, _, ok := lg.Label(text)
					if !ok || kind != want || n != len(capitalize(p.Text)) {
						t.Errorf("label %q (%s): found=%v kind=%v over %d bytes of %q", p.Text, p.Pos, ok, kind, n, text)
					}
				}
			}
		}
	})
}

// capitalize upper-cases the first letter, as a label starts a paragraph.
func capitalize(s string) string {
	for i, r := range s {
		if r >= 'a' && r <= 'z' || r > 127 {
			return s[:i] + strings.ToUpper(string(r)) + s[i+len(string(r)):]
		}
	}
	return s
}

// TestWorkloadPhrasesNameTheirWorkload: each workload phrase, as a workload
// cell, names its own workload — no workload tried earlier takes it.
func TestWorkloadPhrasesNameTheirWorkload(t *testing.T) {
	forEachLanguage(t, func(t *testing.T, lg *Lang, books []*Book) {
		for _, b := range books {
			for id, list := range b.Workloads {
				for _, p := range list {
					cell := strings.TrimSpace(strings.TrimPrefix(p.Text, "^")) + " (64 bit)"
					if got, m, ok := lg.Workload(cell); !ok || got != id {
						t.Errorf("workload cell %q (%s) names %q (by %q), want %q", cell, p.Pos, got, m.Phrase.Text, id)
					}
				}
			}
		}
	})
}

// TestRecoveryWordsAreNotBareMetal: a recovery word makes an unlabelled
// list a list of what can be recovered, so it must not occur in the
// language's words for system state and bare metal, which an unlabelled
// protect list names ("stav/úplné obnovení systému" is Czech for "system
// state/bare metal", not a recovery).
func TestRecoveryWordsAreNotBareMetal(t *testing.T) {
	forEachLanguage(t, func(t *testing.T, lg *Lang, _ []*Book) {
		for _, b := range lg.Books {
			if lg.leak[b] {
				continue
			}
			for _, w := range b.RecoveryWords {
				for _, kb := range lg.Books {
					if lg.leak[kb] {
						continue
					}
					for _, c := range []string{"bare-metal", "system-state"} {
						for _, k := range kb.Capabilities[c] {
							if WordIndex(k.Text, w.Text) >= 0 {
								t.Errorf("recovery word %q (%s) occurs in %s keyword %q (%s)", w.Text, w.Pos, c, k.Text, k.Pos)
							}
						}
					}
				}
			}
		}
	})
}
