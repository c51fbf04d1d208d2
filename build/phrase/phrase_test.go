package phrase

import (
	"slices"
	"strings"
	"testing"
)

var testVocab = Vocab{
	Targets:      []string{"physical-server", "hyper-v-vm", "vmware-vm", "azure-vm", "azure-stack"},
	Capabilities: []string{"volume", "share", "folder", "file", "system-state", "bare-metal", "deduplicated-volume", "database", "farm", "web-application", "list-item", "search", "front-end-content", "storage-group", "mailbox", "dag", "standalone-server", "virtual-machine", "cluster-shared-volume", "virtual-hard-disk", "item-level-recovery"},
	// build/product.VersionKeys (phrase cannot import it: product reads
	// phrasebooks); build/product's TestPhraseTestVocab keeps the two equal.
	VersionKeys: []string{"and", "or", "with", "not", "including", "service-pack", "edition", "version",
		"filler", "running-as", "guest", "licensed", "supported-sps", "latest-sp", "requires", "later",
		"windows", "windows-client", "windows-server", "windows-storage-server", "sql-server", "exchange",
		"sharepoint", "system-center-vmm", "vmware-vsphere", "linux", "azure-local",
		"datacenter", "standard", "enterprise", "essentials", "server-core", "nano-server",
		"windows-management-framework", "hyper-v", "azure-stack", "64-bit", "32-bit", "subscription-edition"},
}

func embeddedSet(t *testing.T) *Set {
	t.Helper()
	s, l := Embedded(testVocab)
	if len(l) > 0 {
		t.Fatalf("embedded phrasebooks:\n%v", l)
	}
	return s
}

// published are the languages Microsoft publishes this page in; package
// matrix's TestLanguages compiles a hand-written page in each.
var published = []string{
	"cs", "de", "en", "es", "fr", "hu", "it", "ja", "ko", "nl", "pl",
	"pt-br", "pt-pt", "ru", "sv", "tr", "zh-cn", "zh-tw",
}

// TestEmbeddedBooksAreValid: every book parses and validates (embeddedSet
// fails on any diagnostic), every published language has its book, and
// every book is root, a published language or a parent in one's chain.
func TestEmbeddedBooksAreValid(t *testing.T) {
	s := embeddedSet(t)
	used := map[string]bool{RootTag: true}
	for _, tag := range published {
		if s.Book(tag) == nil {
			t.Errorf("no %s book", tag)
		}
		for _, b := range s.For(tag, "").Books {
			used[b.Tag] = true
		}
	}
	for _, tag := range s.Tags() {
		if !used[tag] {
			t.Errorf("book %s is in no published language's chain", tag)
		}
	}
}

func TestChain(t *testing.T) {
	s := embeddedSet(t)
	tags := func(lg *Lang) []string {
		var out []string
		for _, b := range lg.Books {
			out = append(out, b.Tag)
		}
		return out
	}
	cases := []struct {
		folder, cl, tag string
		books           []string
		known           bool
	}{
		{"nl", "nl-NL", "nl-nl", []string{"nl", "root", "en"}, true},
		{"en", "", "en", []string{"en", "root"}, true},
		{"EN-US", "", "en-us", []string{"en", "root"}, true},
		{"xx", "", "xx", []string{"root", "en"}, false},
		{"fr", "de-DE", "fr", []string{"fr", "root", "en"}, true},
		{"pt", "pt-BR", "pt-br", []string{"pt-br", "pt", "root", "en"}, true},
		{"pt-pt", "", "pt-pt", []string{"pt-pt", "pt", "root", "en"}, true},
		{"pt", "", "pt", []string{"pt", "root", "en"}, true},
		{"zh", "zh-TW", "zh-tw", []string{"zh-tw", "root", "en"}, true},
		{"zh-cn", "zh-CN", "zh-cn", []string{"zh-cn", "root", "en"}, true},
		{"zh", "", "zh", []string{"root", "en"}, false},
	}
	for _, c := range cases {
		lg := s.For(c.folder, c.cl)
		if lg.Tag != c.tag || !slices.Equal(tags(lg), c.books) || lg.Known != c.known {
			t.Errorf("For(%q, %q) = %s %v known=%v; want %s %v %v", c.folder, c.cl, lg.Tag, tags(lg), lg.Known, c.tag, c.books, c.known)
		}
	}
}

func TestContentBookComesFirst(t *testing.T) {
	s := embeddedSet(t)
	s2, l := s.WithContent("xx", "xx/phrasebook.yaml", []byte("language: xx\nsupport:\n  yes: [da]\n  no: [ne]\n"), testVocab)
	if len(l) > 0 {
		t.Fatal(l)
	}
	lg := s2.For("xx", "")
	if !lg.Known || lg.Books[0].File != "xx/phrasebook.yaml" {
		t.Fatalf("content book not first: %+v", lg.Books)
	}
	if yes, m, ok := lg.Support("da"); !ok || !yes || m.Leak {
		t.Errorf("da: %v %v %v", yes, m, ok)
	}
	if yes, m, ok := lg.Support("y"); !ok || !yes || !m.Leak {
		t.Errorf("English y in xx should be understood as a leak: %v %+v %v", yes, m, ok)
	}
	if s.For("xx", "").Known {
		t.Error("WithContent changed the original set")
	}
}

func TestLookups(t *testing.T) {
	s := embeddedSet(t)
	nl := s.For("nl", "")
	if c, _, ok := nl.Column(Norm("Azure Backup-server</br> installatie")); !ok || c != ColInstallation {
		t.Errorf("installatie: %v %v", c, ok)
	}
	for head, want := range map[string]string{
		"fysieke server":                        "physical-server",
		"windows virtuele machine in vmware":    "vmware-vm",
		"on-premises hyper-v virtuele machine":  "hyper-v-vm",
		"azure virtuele machine":                "azure-vm",
		"azure stack":                           "azure-stack",
		"hyper-v / azure local virtual machine": "hyper-v-vm",
	} {
		if got, _, also, ok := nl.Target(head); !ok || got != want {
			t.Errorf("Target(%q) = %q %v %v, want %q", head, got, also, ok, want)
		}
	}
	if _, _, also, ok := nl.Target("hyper-v of vmware"); ok || !slices.Equal(also, []string{"hyper-v-vm", "vmware-vm"}) {
		t.Errorf("two brands must be ambiguous: %v %v", also, ok)
	}
	if id, _, ok := nl.Workload(Norm("Hyper-V-host - DPM-beveiligingsagent op de Hyper-V-hostserver")); !ok || id != "hyper-v-host" {
		t.Errorf("workload %q", id)
	}
	if id, _, ok := s.For("xx", "").WorkloadFromVersion(Norm("Windows Server 2012 R2")); !ok || id != "servers" {
		t.Errorf("workload from version %q", id)
	}
	n, k, _, ok := nl.Label("Herstellen (alle implementatiescenario’s):  Farm")
	if !ok || k != Recover || !strings.HasSuffix("Herstellen (alle implementatiescenario’s):", "):") || n != len("Herstellen (alle implementatiescenario’s):") {
		t.Errorf("label: %d %v %v", n, k, ok)
	}
	words := nl.CapWords()
	for i := 1; i < len(words); i++ {
		if len(words[i].Word) > len(words[i-1].Word) {
			t.Fatalf("capability words not longest first at %d: %q after %q", i, words[i].Word, words[i-1].Word)
		}
	}
}

func TestBadBooks(t *testing.T) {
	cases := []struct {
		name, src string
		line, col int
		msg       string
	}{
		{"yaml", "language: nl\ncolumns: [\n", 2, 1, "malformed YAML"},
		{"unknown key", "language: nl\ncolums:\n  workload: [x]\n", 2, 1, `unknown key "colums"`},
		{"unknown column", "language: nl\ncolumns:\n  werk: [x]\n", 3, 3, `unknown column "werk"`},
		{"unknown target", "language: nl\ninstallations:\n  toaster: [x]\n", 3, 3, `unknown installation target "toaster"`},
		{"unknown capability", "language: nl\ncapabilities:\n  teleport: [x]\n", 3, 3, `unknown capability "teleport"`},
		{"empty phrase", "language: nl\nsupport:\n  yes: [j, \"  \"]\n", 3, 12, "empty phrase"},
		{"twice", "language: nl\nsupport:\n  yes: [j, J]\n", 3, 12, `phrase "j" is listed twice`},
		{"yes and no", "language: nl\nsupport:\n  yes: [j]\n  no: [j]\n", 4, 8, `under both "yes" and "no"`},
		{"label colon", "language: nl\nlabels:\n  protect: [beveiligen]\n", 3, 13, "must end with ':'"},
		{"not a list", "language: nl\nsupport:\n  yes: {a: b}\n", 3, 8, "must be a list"},
		{"wrong language", "language: fr\n", 1, 11, `does not match this file's language "nl"`},
		{"no words", "language: nl\ninstallations:\n  azure-vm: [\"! azure stack\"]\n", 3, 14, "names no words"},
		{"bad workload id", "language: nl\nworkloads:\n  Client Computers: [x]\n", 3, 3, "must be lower-case"},
		{"not a mapping", "- a\n- b\n", 1, 1, "must be a mapping"},
		{"key twice", "language: nl\nname: a\nname: b\n", 3, 1, `key "name" is given twice`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, l := ParseBook("nl/phrasebook.yaml", "nl", []byte(c.src), testVocab)
			if b != nil || !l.HasErrors() {
				t.Fatalf("accepted: %v", l)
			}
			d := l[0]
			if d.File != "nl/phrasebook.yaml" || d.Line != c.line || d.Col != c.col || !strings.Contains(d.Message, c.msg) || d.Code != "bad-phrasebook" {
				t.Errorf("got %s, want %d:%d %q", d, c.line, c.col, c.msg)
			}
		})
	}
}

func TestNorm(t *testing.T) {
	for in, want := range map[string]string{
		"  Azure   Backup\u00a0Server ": "azure backup server",
		"Implementatiescenario’s":       "implementatiescenario's",
		"保護（所有部署案例）：":                   "保護(所有部署案例):",
		"Hyper\u2011V":                  "hyper-v",
		"ÉTAT du système":               "état du système",
	} {
		if got := Norm(in); got != want {
			t.Errorf("Norm(%q) = %q, want %q", in, got, want)
		}
	}
	if WordIndex("資料夾,檔案", "檔案") < 0 {
		t.Error("a Han word must be found without spaces around it")
	}
	if WordIndex("vmware vm", "vm") != 7 || WordIndex("vmware", "vm") >= 0 {
		t.Error("short words must end at a word end")
	}
}
