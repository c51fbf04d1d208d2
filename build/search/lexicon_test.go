package search

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// Every embedded lexicon file loads, for every locale of the content and
// a regional variant; every synonym has words and every group two
// members.
func TestLexiconFiles(t *testing.T) {
	files, err := fs.Glob(lexiconFS, "synonyms/*.yaml")
	if err != nil || len(files) < 3 {
		t.Fatalf("lexicon files %v (%v)", files, err)
	}
	for _, loc := range []string{"en", "nl", "nl-BE", "en-us", "fr"} {
		lx, err := LoadLexicon(loc)
		if err != nil {
			t.Fatalf("%s: %v", loc, err)
		}
		if len(lx.groups) == 0 {
			t.Errorf("%s: no synonym groups", loc)
		}
		for gi, g := range lx.groups {
			if len(g) < 2 {
				t.Errorf("%s: group %d has %d members", loc, gi, len(g))
			}
			for _, p := range g {
				if len(p.units) == 0 || p.joined == "" {
					t.Errorf("%s: synonym %q has no words", loc, p.text)
				}
			}
		}
	}
	for _, loc := range []string{"en", "nl"} {
		lx, _ := LoadLexicon(loc)
		if len(lx.Stop) == 0 {
			t.Errorf("%s: no stop words", loc)
		}
	}
}

func TestLexiconErrors(t *testing.T) {
	for _, c := range []struct {
		name, all, en, want string
	}{
		{"one member", "", "synonyms:\n  - [a, b]\n  - [c]\n", "synonyms/en.yaml:3: a synonym group needs two members"},
		{"no words", "", "synonyms:\n  - [a, '--']\n", "synonyms/en.yaml:2: synonym \"--\" has no word"},
		{"twice in a file", "", "synonyms:\n  - [a, b]\n  - [c, B]\n", "synonyms/en.yaml:3: synonym \"B\" is already listed on line 2"},
		{"joins two groups", "synonyms:\n  - [a, b]\n  - [c, d]\n", "synonyms:\n  - [a, c]\n", "synonyms/en.yaml:2: this group joins two groups of synonyms/all.yaml (lines 2 and 3)"},
		{"stop phrase too long", "", "stopwords: [a, b c d e f g h]\n", "synonyms/en.yaml:1: stop word \"b c d e f g h\" must be a word or a phrase of at most 6 words"},
		{"stop word of no word", "", "stopwords: [a, '--']\n", "synonyms/en.yaml:1: stop word \"--\" must be a word"},
		{"unknown section", "", "sections:\n  protect: [backup]\n  archive: [archive]\n", "synonyms/en.yaml:3: unknown section \"archive\" (known: protect, recover)"},
		{"section word of no word", "", "sections:\n  recover: [restore, '--']\n", "synonyms/en.yaml:2: section word \"--\" must be a word"},
		{"unknown key", "", "synonym:\n  - [a, b]\n", "synonyms/en.yaml: yaml: unmarshal errors:\n  line 1: field synonym not found"},
	} {
		t.Run(c.name, func(t *testing.T) {
			fsys := fstest.MapFS{"synonyms/en.yaml": {Data: []byte(c.en)}}
			if c.all != "" {
				fsys["synonyms/all.yaml"] = &fstest.MapFile{Data: []byte(c.all)}
			}
			_, err := loadLexicon(fsys, "en")
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("got %v, want %q…", err, c.want)
			}
		})
	}
}

// A language file extends a group of all.yaml that shares a member.
func TestLexiconMerge(t *testing.T) {
	fsys := fstest.MapFS{
		"synonyms/all.yaml": {Data: []byte("synonyms:\n  - [vm, virtual machine]\n")},
		"synonyms/nl.yaml":  {Data: []byte("synonyms:\n  - [virtuele machine, vm]\n")},
	}
	lx, err := loadLexicon(fsys, "nl")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	lx.expand(Units(Fold("virtuele machine")), func(w string) { got = append(got, w) })
	for _, w := range []string{"vm", "virtualmachine"} {
		if !strings.Contains(" "+strings.Join(got, " ")+" ", " "+w+" ") {
			t.Errorf("virtuele machine expands to %v, no %q", got, w)
		}
	}
	// A phrase adds its joined spelling, not its words one by one.
	for _, w := range []string{"virtual", "machine"} {
		if strings.Contains(" "+strings.Join(got, " ")+" ", " "+w+" ") {
			t.Errorf("virtuele machine expands to %v: %q alone", got, w)
		}
	}
}

func TestExpand(t *testing.T) {
	lx, err := LoadLexicon("en")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Windows 10", []string{"win", "win10"}},
		{"SQL Server 2014", []string{"sql", "sql2014", "mssql"}},
		{"system state/bare metal", []string{"bmr"}},
		{"Windows virtual machine in VMWare", []string{"esxi", "vsphere", "vm", "winvirtual"}},
		{"database under a database availability group (DAG)", []string{"dags"}},
		{"System Center VMM", []string{"scvmm"}},
	} {
		var got []string
		lx.expand(Units(Fold(c.text)), func(w string) { got = append(got, w) })
		for _, w := range c.want {
			found := false
			for _, g := range got {
				found = found || g == w
			}
			if !found {
				t.Errorf("%q expands to %v, no %q", c.text, got, w)
			}
		}
	}
}
