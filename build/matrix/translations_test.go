package matrix

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// translationGap is what a corpus document's phrasebooks cannot give
// because the compiler's rules do not reach it yet, with the reason.
type translationGap struct {
	support bool  // its support columns are not read
	lines   []int // rows whose installation targets are not read
	reason  string
}

// translationGaps: the test fails when a gap closes, so the entry is
// removed and the document checked in full.
var translationGaps = map[string]translationGap{
	// zh-cn's 2020 page has no "MABS can't protect a SQL Server DAG" note
	// on its SQL Server row (line 45): fewer notes, the same facts.
}

// TestCorpusTranslationsAgree: corpus documents of the same date are
// translations of one English page, so compiled alone, each with its own
// phrasebooks, they must agree row by row on every fact the phrasebooks
// decide: workload, installation targets, capabilities and support. Each is
// compared with the group's Dutch or English document (those languages
// were reviewed against the English original); documents with another
// number of rows are a different cut of the page and are compared with
// each other only.
func TestCorpusTranslationsAgree(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/corpus/*.md")
	type compiled struct {
		name, loc string
		m         *Model
	}
	groups := map[string][]compiled{} // date and row count → documents
	for _, f := range files {
		m, _, loc := compileCorpusFile(t, f)
		if m == nil || m.Source.Date == "" {
			continue
		}
		key := fmt.Sprintf("%s/%d", m.Source.Date, len(m.Rows))
		groups[key] = append(groups[key], compiled{filepath.Base(f), loc, m})
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	compared := 0
	for _, key := range keys {
		docs := groups[key]
		if len(docs) < 2 {
			continue
		}
		ref := docs[0]
		for _, d := range docs {
			if b, _, _ := strings.Cut(d.loc, "-"); b == "nl" || b == "en" {
				ref = d
				break
			}
		}
		for _, d := range docs {
			if d.name == ref.name {
				continue
			}
			compared++
			t.Run(d.name, func(t *testing.T) {
				servers := func(m *Model) []string {
					var out []string
					for _, s := range m.Servers {
						out = append(out, s.ID)
					}
					return out
				}
				sameServers := slices.Equal(servers(d.m), servers(ref.m))
				gap := translationGaps[d.name]
				switch {
				case !sameServers && !gap.support:
					t.Errorf("servers %v, %s has %v", servers(d.m), ref.name, servers(ref.m))
				case sameServers && gap.support:
					t.Errorf("servers now agree with %s: remove the translationGaps entry (%s)", ref.name, gap.reason)
				case gap.support:
					t.Logf("support not compared: %s", gap.reason)
				}
				for i, r := range d.m.Rows {
					w := ref.m.Rows[i]
					at := func(what string, got, want any) {
						t.Helper()
						t.Errorf("line %d: %s %v; %s line %d has %v", r.Line[d.loc], what, got, ref.name, w.Line[ref.loc], want)
					}
					if r.Workload != w.Workload {
						at("workload", r.Workload, w.Workload)
					}
					switch got, want := targets(r), targets(w); {
					case !slices.Contains(gap.lines, r.Line[d.loc]) && !slices.Equal(got, want):
						at("targets", got, want)
					case slices.Contains(gap.lines, r.Line[d.loc]) && slices.Equal(got, want):
						t.Errorf("line %d: targets now agree: remove it from translationGaps (%s)", r.Line[d.loc], gap.reason)
					case slices.Contains(gap.lines, r.Line[d.loc]):
						t.Logf("line %d: targets not compared: %s", r.Line[d.loc], gap.reason)
					}
					if !slices.Equal(r.Capabilities, w.Capabilities) {
						at("capabilities", r.Capabilities, w.Capabilities)
					}
					if !sameServers {
						continue
					}
					for _, s := range ref.m.Servers {
						if got, want := r.Support[s.ID].Status, w.Support[s.ID].Status; got != want {
							at(s.ID+" support", got, want)
						}
					}
				}
			})
		}
	}
	if compared < 8 {
		t.Errorf("only %d translations compared; the corpus holds the 2017 page in 9 languages", compared)
	}
}

func targets(r Row) []string {
	var out []string
	for _, in := range r.Installations {
		out = append(out, in.Target)
	}
	return out
}
