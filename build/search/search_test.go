package search

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
)

// found lists the ids of the rows a query finds.
func found(ix *Index, m *matrix.Model, q string) []string {
	var out []string
	for _, r := range ix.Search(q).Rows {
		out = append(out, m.Rows[r].ID)
	}
	return out
}

// rowsWith lists the ids of the rows for which keep holds.
func rowsWith(m *matrix.Model, keep func(r *matrix.Row, i int) bool) []string {
	var out []string
	for i := range m.Rows {
		if keep(&m.Rows[i], i) {
			out = append(out, m.Rows[i].ID)
		}
	}
	return out
}

// textHas reports whether row i's visible text on loc's page matches re.
func textHas(m *matrix.Model, loc string, i int, re *regexp.Regexp) bool {
	for _, p := range RowPieces(m, loc, i) {
		if p.Kind == Text && re.MatchString(p.Text) {
			return true
		}
	}
	return false
}

func hasTarget(r *matrix.Row, t matrix.Target) bool {
	return slices.ContainsFunc(r.Installations, func(in matrix.Installation) bool { return in.Target == string(t) })
}

func hasVersion(r *matrix.Row, loc string, re *regexp.Regexp) bool {
	return slices.ContainsFunc(r.Versions[loc], re.MatchString)
}

func subset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// The queries of the issue that found nothing or the wrong rows, each with
// the rows it must find written from the model (regular expressions over
// the row's own text, its targets), not from the tokenizer.
func TestSeedQueries(t *testing.T) {
	m := seed(t)
	en := seedIndex(t, "en")
	nl := seedIndex(t, "nl")
	re := regexp.MustCompile

	// Every row that says it is found: "system state" (12 rows say it),
	// "mailbox" (8), across element borders nothing is glued.
	for _, c := range []struct {
		q       string
		re      *regexp.Regexp
		atLeast int
	}{
		{"system state", re(`(?i)\bsystem state\b`), 12},
		{"mailbox", re(`(?i)\bmailbox`), 8},
		{"deduplicated volumes", re(`(?i)\bdedup(licat)?ed volumes\b`), 1}, // "deduped" is a synonym
	} {
		want := rowsWith(m, func(r *matrix.Row, i int) bool { return textHas(m, "en", i, c.re) })
		got := found(en, m, c.q)
		if len(want) < c.atLeast || !subset(want, got) {
			t.Errorf("%q finds %d rows %v; want at least the %d rows that say it %v", c.q, len(got), got, len(want), want)
		}
	}

	// Exactly the rows a reader means.
	for _, c := range []struct {
		q    string
		ix   *Index
		want []string
	}{
		{"windows 10 vmware", en, rowsWith(m, func(r *matrix.Row, _ int) bool {
			return hasVersion(r, "en", re(`^Windows 10$`)) && hasTarget(r, matrix.TargetVMwareVM)
		})},
		{"8.1 hyper-v", en, rowsWith(m, func(r *matrix.Row, _ int) bool {
			return hasVersion(r, "en", re(`\b8\.1\b`)) && hasTarget(r, matrix.TargetHyperVVM)
		})},
		{"sql 2014 vmware", en, rowsWith(m, func(r *matrix.Row, _ int) bool {
			return r.Workload == "sql-server" && hasVersion(r, "en", re(`2014`)) && hasTarget(r, matrix.TargetVMwareVM)
		})},
		{"win 10", en, rowsWith(m, func(r *matrix.Row, _ int) bool { return hasVersion(r, "en", re(`^Windows 10$`)) })},
		{"win10", nl, rowsWith(m, func(r *matrix.Row, _ int) bool { return hasVersion(r, "en", re(`^Windows 10$`)) })},
		{"scvmm", en, rowsWith(m, func(r *matrix.Row, _ int) bool { return r.Workload == "system-center-vmm" })},
	} {
		if len(c.want) == 0 {
			t.Fatalf("%q: the model has no row to find", c.q)
		}
		if got := found(c.ix, m, c.q); !slices.Equal(got, c.want) {
			t.Errorf("%s %q finds %v, want %v", c.ix.Locale, c.q, got, c.want)
		}
	}

	// "windows server 2008 hyper-v" finds the 2008 Hyper-V host row, whose
	// v1 support says no — not only guest rows.
	host := rowsWith(m, func(r *matrix.Row, _ int) bool {
		return r.Workload == "hyper-v-host" && hasVersion(r, "en", re(`^Windows Server 2008$`))
	})
	if got := found(en, m, "windows server 2008 hyper-v"); len(host) != 1 || !subset(host, got) {
		t.Errorf("windows server 2008 hyper-v finds %v, want the host row %v among them", got, host)
	}

	// A bare year never finds a row that has it only as "<year> R2".
	bare := re(`\b2012\b`)
	r2 := re(`\b2012\s*-?\s*R2\b`)
	for _, ix := range []*Index{en, nl} {
		for _, r := range ix.Search("2012").Rows {
			ok := false
			for _, p := range RowPieces(m, ix.Locale, r) {
				ok = ok || len(bare.FindAllString(p.Text, -1)) > len(r2.FindAllString(p.Text, -1))
			}
			if !ok {
				t.Errorf("%s: \"2012\" finds %s, which says 2012 only as 2012 R2", ix.Locale, m.Rows[r].ID)
			}
		}
		if len(ix.Search("2012").Rows) == 0 || len(ix.Search("2012 r2").Rows) == 0 {
			t.Errorf("%s: 2012 or 2012 r2 finds nothing", ix.Locale)
		}
	}

	// Spelling variants find the same rows as the spelling of the text.
	for _, same := range [][]string{
		{"2012 R2", "2012r2", "2012-R2", "2012 - r2"},
		{"hyper-v", "hyperv", "HYPER-V", "Hyper‑V"},
		{"bare metal", "baremetal", "bare-metal", "bmr"},
		{"windowsserver", "windows-server", "WindowsServer", "windows_server"},
		{"vmware", "esxi", "vsphere", "VMWare"},
		{"sql 2014 vmware", "sql 2014 on vmware", "sql2014 vmware", "SQL Server 2014 VMware"},
		{"system state", "systemstate", "system-state"},
	} {
		for _, ix := range []*Index{en, nl} {
			want := found(ix, m, same[0])
			if len(want) == 0 {
				t.Errorf("%s %q finds nothing", ix.Locale, same[0])
			}
			for _, q := range same[1:] {
				if got := found(ix, m, q); !slices.Equal(got, want) {
					t.Errorf("%s %q finds %v; %q finds %v", ix.Locale, q, got, same[0], want)
				}
			}
		}
	}

	// Two words typed apart find at least what they find joined.
	for _, ix := range []*Index{en, nl} {
		if apart, joined := found(ix, m, "windows server"), found(ix, m, "windows-server"); !subset(joined, apart) {
			t.Errorf("%s: \"windows server\" finds %v, not all of \"windows-server\" %v", ix.Locale, apart, joined)
		}
	}

	// One typo in a word of five letters or more finds it, marked near.
	for _, c := range [][2]string{{"sharpoint", "sharepoint"}, {"excahnge", "exchange"}, {"malibox", "mailbox"}, {"vmwrae", "vmware"}} {
		for _, ix := range []*Index{en, nl} {
			exact := found(ix, m, c[1])
			res := ix.Search(c[0])
			var got []string
			for k, r := range res.Rows {
				got = append(got, m.Rows[r].ID)
				if slices.Contains(exact, m.Rows[r].ID) && !res.Near[k] && !strings.Contains(c[1], c[0]) {
					t.Errorf("%s %q: row %s not marked near", ix.Locale, c[0], m.Rows[r].ID)
				}
			}
			if len(exact) == 0 || !subset(exact, got) {
				t.Errorf("%s %q finds %v; %q finds %v", ix.Locale, c[0], got, c[1], exact)
			}
		}
	}

	// The other language's vocabulary works on each page.
	physical := rowsWith(m, func(r *matrix.Row, _ int) bool { return hasTarget(r, matrix.TargetPhysicalServer) })
	for _, c := range []struct {
		ix *Index
		q  string
	}{{nl, "physical server"}, {en, "fysieke server"}, {nl, "fysieke server"}} {
		if got := found(c.ix, m, c.q); !subset(physical, got) {
			t.Errorf("%s %q finds %v, want every physical-server row %v", c.ix.Locale, c.q, got, physical)
		}
	}
	mailbox := rowsWith(m, func(r *matrix.Row, _ int) bool { return slices.Contains(r.Capabilities, "mailbox") })
	if got := found(nl, m, "mailbox"); len(mailbox) == 0 || !subset(mailbox, got) {
		t.Errorf("nl mailbox finds %v, want %v", got, mailbox)
	}
	unsupported := rowsWith(m, func(r *matrix.Row, _ int) bool {
		return slices.ContainsFunc(slices.Collect(maps.Values(r.Support)), func(s matrix.Support) bool { return s.Status == "unsupported" })
	})
	if got := found(nl, m, "not supported"); !subset(unsupported, got) {
		t.Errorf("nl \"not supported\" finds %v, want every row with an unsupported release %v", got, unsupported)
	}
}

// What a row can be found by is exactly the union of what each of its
// elements can be found by, tokenized alone: no word runs across two
// elements ("file" + "system state" never makes "filesystem").
func TestNoWordAcrossElements(t *testing.T) {
	m := seed(t)
	for _, loc := range m.Locales {
		ix := seedIndex(t, loc)
		for i := range m.Rows {
			want := map[string]bool{}
			add := func(w string) { want[w] = true }
			for _, p := range ix.Lexicon.appendSections(RowPieces(m, loc, i), &m.Rows[i], loc) {
				us := Units(Fold(p.Text))
				for _, u := range us {
					add(u.Word)
				}
				variants(us, ix.Lexicon.Stop, add)
				ix.Lexicon.expand(us, add)
			}
			got := ix.RowWords(i)
			if len(got) != len(want) {
				t.Errorf("%s row %s: %d words, its elements give %d", loc, m.Rows[i].ID, len(got), len(want))
			}
			for w := range got {
				if !want[w] {
					t.Errorf("%s row %s: word %q comes from no single element", loc, m.Rows[i].ID, w)
				}
			}
			if got["filesystem"] != 0 || got["serverhyper"] != 0 {
				t.Errorf("%s row %s: words glued across elements", loc, m.Rows[i].ID)
			}
		}
	}
}

// Kinds: visible words are Text, the other language's labels Vocabulary.
func TestKinds(t *testing.T) {
	m := seed(t)
	nl := seedIndex(t, "nl")
	for i := range m.Rows {
		words := nl.RowWords(i)
		if k := words[Words(m.Workloads[slices.IndexFunc(m.Workloads, func(w matrix.Workload) bool { return w.ID == m.Rows[i].Workload })].Name["nl"])[0]]; k != Text {
			t.Errorf("row %s: workload name word is %v", m.Rows[i].ID, k)
		}
		if hasTarget(&m.Rows[i], matrix.TargetPhysicalServer) && words["physical"] != Vocabulary {
			t.Errorf("row %s: \"physical\" is %v on the Dutch page, want vocabulary", m.Rows[i].ID, words["physical"])
		}
	}
	for i, w := range nl.Words {
		isText := false
		for g, ws := range nl.Groups {
			for j, id := range ws {
				isText = isText || (int(id) == i && nl.Kinds[g][j] == Text)
			}
		}
		if isText != (i < nl.NText) {
			t.Errorf("word %q at %d: text=%v, NText=%d", w, i, isText, nl.NText)
		}
	}
}
