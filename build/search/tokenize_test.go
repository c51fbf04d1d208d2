package search

import (
	"slices"
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Hyper-V", "hyper-v"},
		{"Café Ünïcode", "cafe unicode"},
		{"Straße", "strasse"},
		{"Ĳsselmeer", "ijsselmeer"},
		{"CSV’s", "csv's"},
		{"“quoted”", `"quoted"`},
		{"Hyper‑V – x—y", "hyper-v - x-y"}, // U+2011, U+2013, U+2014
		{"a\u00a0b\u202fc", "a b c"},
		{"ﬁle", "file"},
		{"ＶＭｗａｒｅ", "vmware"},
		{"soft\u00adhyphen", "softhyphen"},
		{"Øresund Łódź", "oresund lodz"},
		{"ASCII only", "ascii only"},
	} {
		if got := Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestFoldTable(t *testing.T) {
	tab := FoldTable(func(yield func(string) bool) { yield("Café – ok") })
	got := map[string]string{}
	for _, kv := range tab {
		got[kv[0]] = kv[1]
	}
	for in, want := range map[string]string{"é": "e", "–": "-", "’": "'", "ß": "ss", "\u00a0": " "} {
		if got[in] != want {
			t.Errorf("fold table: %q → %q, want %q", in, got[in], want)
		}
	}
	if _, ok := got["a"]; ok {
		t.Errorf("fold table lists ASCII letters")
	}
	if !slices.IsSortedFunc(tab, func(a, b [2]string) int { return strings.Compare(a[0], b[0]) }) {
		t.Errorf("fold table is not sorted")
	}
}

func TestWords(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string // words joined by " "
	}{
		{"Physical server", "physical server"},
		{"Hyper-V", "hyper v"},
		{"Windows 8.1", "windows 8.1"},
		{"Volumes must be at least 1 GB.", "volumes must be at least 1 gb"},
		{"Windows Server 2012 R2 - Datacenter and Standard", "windows server 2012r2 datacenter and standard"},
		{"Windows Server 2012-R2", "windows server 2012r2"},
		{"2012R2", "2012r2"},
		{"2012.R2", "2012 r2"}, // a dot is no release separator
		{"Windows Server 2012/2012 met SP1", "windows server 2012 2012 met sp1"},
		{"VMM 2012 SP1, R2", "vmm 2012 sp1 r2"},
		{"SQL Server 2008 R2 SP1", "sql server 2008r2 sp1"},
		{"gedeelde clustervolumes (CSV's)", "gedeelde clustervolumes csvs"},
		{"CSV’s aren't", "csvs arent"},
		{"Windows Management Frame 4.0.", "windows management frame 4.0"},
		{"VMware server 5.5 or 6.0 or 6.5", "vmware server 5.5 or 6.0 or 6.5"},
		{"system state/bare metal)", "system state bare metal"},
		{"v2.0.1", "v2.0.1"},
		{"1.2.", "1.2"},
		{"'quoted' ends'", "quoted ends"},
		{"— ✓ #", ""},
	} {
		if got := strings.Join(Words(c.in), " "); got != c.want {
			t.Errorf("Words(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// variantsOf lists the spelling variants of a text.
func variantsOf(text string) []string {
	var out []string
	variants(Units(Fold(text)), map[string]bool{"and": true}, func(w string) { out = append(out, w) })
	return out
}

func TestVariants(t *testing.T) {
	for _, c := range []struct {
		in         string
		want, not_ []string
	}{
		{"Hyper-V", []string{"hyperv"}, nil},
		{"Hyper V host", []string{"hyperv", "vhost"}, []string{"hypervhost"}},
		{"bare metal", []string{"baremetal"}, nil},
		{"Windows Server 2012 R2", []string{"windowsserver", "server2012r2", "r2"}, []string{"2012", "windowsserver2012", "windowsserver2012r2"}},
		{"2012R2", []string{"r2"}, []string{"2012"}},
		{"system state/bare metal", []string{"systemstate", "baremetal"}, []string{"statebare"}},
		{"Windows 10, Windows 8.1", []string{"windows10", "windows8.1"}, []string{"10windows"}},
		{"SQL Server (2014)", []string{"sqlserver"}, []string{"server2014"}},
		{"a b c d", []string{"ab", "bc", "cd"}, []string{"abc", "abcd"}},                                    // at most two words joined
		{"must be NTFS. FAT too", nil, []string{"ntfsfat"}},                                                 // not across a sentence's end
		{"VMM 2012 SP1, R2", []string{"2012r2"}, nil},                                                       // a release listed after the number it belongs to
		{"Datacenter and Standard", nil, []string{"datacenterand", "andstandard", "datacenterandstandard"}}, // no stop word
	} {
		got := variantsOf(c.in)
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("variants of %q: no %q in %v", c.in, w, got)
			}
		}
		for _, w := range c.not_ {
			if slices.Contains(got, w) {
				t.Errorf("variants of %q: %q should not be one (%v)", c.in, w, got)
			}
		}
	}
}

func TestParseQuery(t *testing.T) {
	stop := map[string]bool{"on": true, "in": true, "the": true, "op": true, "mabs": true,
		"azure_backup_server": true, "azure_backup": true}
	for _, c := range []struct {
		q, want string // terms, "+" after a term that may join the next
	}{
		{"sql 2014 vmware", "sql+ 2014+ vmware"},
		{"hyper-v", "hyperv"},
		{"Hyper V", "hyper+ v"},
		{"2012 r2", "2012r2"},
		{"2012-R2 datacenter", "2012r2+ datacenter"},
		{"windows 8.", "windows+ 8."},
		{"windows 8.1", "windows+ 8.1"},
		{"sql 2014 on vmware", "sql+ 2014+ vmware"}, // joined across a stop word: a synonym is indexed without its stop words too
		{"sql in", "sql+ in"},                       // "in" may still become "installation"
		{"sql in ", "sql"},                          // it did not
		{"the", "the"},                              // nothing else left
		{"windows, server", "windows server"},
		{"CSV's", "csvs"},
		{"   ", ""},
		// Stop phrases: dropped as a whole, the longest run first, only when
		// typed apart.
		{"azure backup server v2 sql 2014", "v2+ sql+ 2014"},
		{"sql 2014 on azure backup server v2", "sql+ 2014 v2"},
		{"azure backup sql", "sql"},
		{"azure sql", "azure+ sql"},
		{"azure vm backup server", "azure+ vm+ backup+ server"},
		{"azure-backup server", "azurebackup+ server"},
		{"mabs v1", "v1"},
		{"azure backup server", "azure+ backup+ server"}, // nothing else left
	} {
		var parts []string
		for _, tm := range ParseQuery(c.q, stop) {
			s := tm.Text
			if tm.Join {
				s += "+"
			}
			parts = append(parts, s)
		}
		if got := strings.Join(parts, " "); got != c.want {
			t.Errorf("ParseQuery(%q) = %q, want %q", c.q, got, c.want)
		}
	}
}

func TestMatchWord(t *testing.T) {
	for _, c := range []struct {
		term, word string
		want       Match
	}{
		{"sql", "sql", Exact},
		{"sq", "sql", Exact},
		{"8", "8.1", NoMatch},
		{"8.", "8.1", Exact},
		{"8.1", "8.1", Exact},
		{"8", "8", Exact},
		{"2012", "2012r2", NoMatch},
		{"2012", "2012sp1", Exact},
		{"2012r", "2012r2", Exact},
		{"201", "2012", Exact},
		{"2008r2", "2008r2sp1", Exact},
		{"server2012", "server2012r2", NoMatch},
		{"windows8", "windows8.1", NoMatch},
		{"v", "v2", Exact},
		{"sharpoint", "sharepoint", Near},   // a letter left out
		{"excahnge", "exchange", Near},      // two letters swapped
		{"exchanhe", "exchange", Near},      // one letter wrong
		{"exchannge", "exchange", Near},     // one letter too many
		{"mailboxs", "mailbox", Near},       // one letter too many at the end
		{"shre", "share", Near},             // a 5-letter word with one letter left out
		{"shar", "share", Exact},            // a prefix is no typo
		{"sharpo", "sharepoint", Near},      // a typo while still typing
		{"abce", "abcd", NoMatch},           // 4 letters: too short to guess
		{"abcde", "abcdf", Near},            // 5 letters: one edit
		{"sharpont", "sharepoint", NoMatch}, // two edits
		{"xchange", "exchange", Near},
		{"exchange", "xchange", Near},
		{"2013", "2016", NoMatch}, // numbers are never guessed
	} {
		tm := Term{Text: c.term}
		if got := MatchWord(c.term, c.word, tm.Fuzzy()); got != c.want {
			t.Errorf("MatchWord(%q, %q) = %v, want %v", c.term, c.word, got, c.want)
		}
	}
}
