package product_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/phrase"
	"github.com/mabs-matrix/matrixdoc/build/product"
)

// show is a Result as one line: the versions, shared qualifiers and the
// texts not understood.
func show(text string, r product.Result) string {
	var parts []string
	for _, v := range r.Versions {
		parts = append(parts, v.String())
	}
	s := strings.Join(parts, "; ")
	if len(r.Shared) > 0 {
		qs := make([]string, len(r.Shared))
		for i, q := range r.Shared {
			qs[i] = string(q)
		}
		s += " | shared " + strings.Join(qs, ", ")
	}
	for _, u := range r.Unparsed {
		s += " | ? " + strconv.Quote(text[u.Start:u.End])
	}
	return s
}

// TestParse: the multi-version entries of the seed, the V4 document and
// Microsoft's English that the issue names, and each rule of the package
// doc, in the languages whose books this package fills.
func TestParse(t *testing.T) {
	tests := []parseCase{
		// The entries.
		{"nl", "SQL Server 2012, SQL Server 2012 met SP1", "", "sql-server 2012; sql-server 2012 [SP1]"},
		{"nl", "Windows Server 2012/2012 met SP1 - Datacenter en Standard", "",
			"windows-server 2012 [Datacenter, Standard]; windows-server 2012 [SP1, Datacenter, Standard]"},
		{"nl", "VMware server 5.5 of 6.0 of 6.5", "", "vmware-vsphere 5.5; vmware-vsphere 6.0; vmware-vsphere 6.5"},
		{"nl", "VMM 2012 SP1, R2", "", "system-center-vmm 2012 [SP1]; system-center-vmm 2012 R2"},
		{"en", "VMM 2012, SP1, R2", "", "system-center-vmm 2012; system-center-vmm 2012 [SP1]; system-center-vmm 2012 R2"},
		{"en", "Windows Server 2022, 2019, 2016, 2012, 2012 R2", "",
			"windows-server 2022; windows-server 2019; windows-server 2016; windows-server 2012; windows-server 2012 R2"},
		{"en", "SQL Server 2022, 2019, 2017, 2016 and supported SPs, 2014", "",
			"sql-server 2022; sql-server 2019; sql-server 2017; sql-server 2016 [supported SPs]; sql-server 2014"},
		{"en", "V1, 20H2, 21H2, 22H2, and 23H2", product.AzureLocal,
			"azure-local V1; azure-local 20H2; azure-local 21H2; azure-local 22H2; azure-local 23H2"},
		{"en", "Linux running as Hyper-V or VMware guest", "", "linux [Hyper-V guest, VMware guest]"},
		// Scope of qualifiers: leading, between, trailing.
		{"en", "VMware vCenter/vSphere ESX/ESXi Licensed Version 5.5/6.0/6.5", "",
			"vmware-vsphere 5.5 [licensed]; vmware-vsphere 6.0 [licensed]; vmware-vsphere 6.5 [licensed]"},
		{"en", "Windows Server 2012 Datacenter, Windows Server 2016", "", "windows-server 2012 [Datacenter]; windows-server 2016"},
		{"en", "VMware server 5.5, 6.0, or 6.5, 6.7 (Licensed Version)", "",
			"vmware-vsphere 5.5 [licensed]; vmware-vsphere 6.0 [licensed]; vmware-vsphere 6.5 [licensed]; vmware-vsphere 6.7 [licensed]"},
		{"en", "(Including Windows Server Core edition)", "", " | shared including Server Core"},
		{"en", "Windows Server 2016 - not Nano Server", "", "windows-server 2016 [not Nano Server]"},
		{"nl", "Windows Server 2016 Niet-Nano server", "", "windows-server 2016 [not Nano Server]"},
		{"en", "Windows Server 2008 SP2 (You need to install Windows Management Frame 4.0)", "",
			"windows-server 2008 [SP2, requires Windows Management Framework 4.0]"},
		// Numbers and names.
		{"nl", "VMware Server 5,5, 6,0 of 6,5, 6,7 (versie met licentie)", "",
			"vmware-vsphere 5.5 [licensed]; vmware-vsphere 6.0 [licensed]; vmware-vsphere 6.5 [licensed]; vmware-vsphere 6.7 [licensed]"},
		{"nl", "WindowsServer 2012 - Datacenter en Standard", "", "windows-server 2012 [Datacenter, Standard]"},
		{"nl", "VMM-2016", "", "system-center-vmm 2016"},
		{"en", "Windows Vista with SP2", "", "windows-client Vista [SP2]"},
		{"en", "Windows 11, Windows 10", "", "windows-client 11; windows-client 10"},
		{"en", "Win2016", "", "windows-server 2016"},
		{"en", "win 10", "", "windows-client 10"},
		{"en", "Win2k12R2, win 2k8", "", "windows-server 2012 R2; windows-server 2008"},
		{"en", "SQL 2014 SP2", "", "sql-server 2014 [SP2]"},
		{"en", "sql2014", "", "sql-server 2014"},
		{"en", "Exchange 2013 CU23", "", "exchange 2013 [CU23]"},
		{"en", "Exchange 2013 (CU 23), SQL Server 2014 SP 2", "", "exchange 2013 [CU23]; sql-server 2014 [SP2]"},
		{"en", "SQL Server 2016SP1", "", "sql-server 2016 [SP1]"},
		{"en", "Windows Server 2012R2", "", "windows-server 2012 R2"},
		{"en", "Windows Storage Server 2008", "", "windows-storage-server 2008"},
		{"en", "Azure Stack HCI 22H2", "", "azure-local 22H2"},
		{"fr", "Linux s’exécutant en tant qu’invité Hyper-V ou VMware", "", "linux [Hyper-V guest, VMware guest]"},
		{"es", "SQL Server 2012 y SQL Server 2012 con SP1", "", "sql-server 2012; sql-server 2012 [SP1]"},
		{"de", "Windows Server 2012 R2 mit SP1 - Datacenter und Standard", "", "windows-server 2012 R2 [SP1, Datacenter, Standard]"},
		// Releases without a number, feature and VMware updates, "and later".
		{"en", "SharePoint Server Subscription Edition, 2019, 2016", "", "sharepoint Subscription Edition; sharepoint 2019; sharepoint 2016"},
		{"en", "Windows 10 22H2, Windows 11 23H2", "", "windows-client 10 22H2; windows-client 11 23H2"},
		{"en", "Windows Server, version 20H2", "", "windows-server 20H2"},
		{"en", "VMware vSphere 6.7 U3, 7.0 and later", "", "vmware-vsphere 6.7 [U3]; vmware-vsphere 7.0 [and later]"},
		{"nl", "Windows Server 2012 R2 en hoger", "", "windows-server 2012 R2 [and later]"},
		{"en", "Windows Server 2008 R2 SP1 (64-bit)", "", "windows-server 2008 R2 [SP1, 64-bit]"},
		{"en", "System Center 2019 Virtual Machine Manager", product.SystemCenterVMM, "system-center-vmm 2019"},
		// Never a guess: what is not understood stays, positioned.
		{"en", "SQL Server 2", "", "sql-server | ? \"2\""},
		{"en", "2016", "", " | ? \"2016\""},
		{"en", "Contoso Ledger 12", "", " | ? \"Contoso Ledger 12\""},
		{"en", "SQL Server 2014 and frobnicated SPs", "", "sql-server 2014 | ? \"frobnicated SPs\""},
		{"cs", "VMware server 5.5 nebo 6.0", "", "vmware-vsphere 5.5; vmware-vsphere 6.0"},
		{"cs", "R2 VMM 2012 SP1", "", "system-center-vmm 2012 [SP1] | ? \"R2\""},
		{"ru", "SQL Server 2012 с накопительным пакетом 2", "", "sql-server 2012 | ? \"с накопительным пакетом 2\""},
		{"en", "Windows", "", " | ? \"Windows\""},
	}
	checkParses(t, tests)
}

// TestTwin: a machine translation that dropped a word is read from its
// English twin; a twin not understood in full is not used.
func TestTwin(t *testing.T) {
	nl := lang(t, "nl")
	text := "VMM 2012 SP1, R2"
	r := product.Parse(nl, text, "VMM 2012, SP1, R2", "")
	if got := show(text, r); got != "system-center-vmm 2012; system-center-vmm 2012 [SP1]; system-center-vmm 2012 R2" || !r.FromTwin {
		t.Errorf("twin: %s (from twin %v)", got, r.FromTwin)
	}
	if len(r.Parsed) != 1 || r.Parsed[0] != (product.Range{Start: 0, End: len(text)}) || r.Covers(text) != nil {
		t.Errorf("parsed %v", r.Parsed)
	}
	// The English twin is read with English words only: Dutch "of" is no
	// "or" there, so this twin is not understood and the text is used.
	r = product.Parse(nl, "VMware server 5.5 of 6.0", "VMware server 5.5 of 6.0", "")
	if got := show("VMware server 5.5 of 6.0", r); got != "vmware-vsphere 5.5; vmware-vsphere 6.0" || r.FromTwin {
		t.Errorf("bad twin: %s (from twin %v)", got, r.FromTwin)
	}
}

// TestCoverageProperty: entries made of random pieces — every phrase of
// every book, numbers, release and service-pack words, punctuation, words
// of other scripts, bytes that are not UTF-8 — are covered byte for byte,
// name only vocabulary products and qualifiers, and parse the same twice.
func TestCoverageProperty(t *testing.T) {
	var pieces []string
	for _, tag := range books().Tags() {
		for _, words := range books().Book(tag).VersionWords {
			for _, p := range words {
				pieces = append(pieces, p.Text, strings.ToUpper(p.Text))
			}
		}
	}
	pieces = append(pieces, "2012", "2016", "8.1", "5,5", "6.0", "20H2", "V1", "R2", "SP1", "sp 2", "CU23", "Vista",
		",", ", ", "/", " - ", "–", ":", "(", ")", "、", "（", "）", ".", "&", "+", "\u00a0", "  ", "\t",
		"frob", "пакетом", "和支持的", "\xff", "\x00", "é", "ǅ", "İ", "\u2028", "’", "-")
	rng := rand.New(rand.NewPCG(9, 9))
	var langs []*phrase.Lang
	for _, tag := range published {
		langs = append(langs, lang(t, tag))
	}
	defs := []product.Product{"", product.AzureLocal, product.WindowsClient, product.SQLServer}
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := rng.IntN(9); n >= 0; n-- {
			if rng.IntN(3) > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		lg := langs[rng.IntN(len(langs))]
		def := defs[rng.IntN(len(defs))]
		r := product.Parse(lg, text, "", def)
		if err := r.Covers(text); err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		for _, v := range r.Versions {
			if !slices.Contains(product.Products, v.Product) || v.Product == product.Unknown {
				t.Fatalf("%q: product %q", text, v.Product)
			}
			if v.Version != "" && !product.Plausible(v.Product, v.Version) {
				t.Fatalf("%q: %s is no version of %s", text, v.Version, v.Product)
			}
			for _, q := range v.Qualifiers {
				if !q.Valid() {
					t.Fatalf("%q: qualifier %q", text, q)
				}
			}
		}
		if again := product.Parse(lg, text, "", def); show(text, again) != show(text, r) {
			t.Fatalf("%q: two parses differ", text)
		}
	}
}

// published are the languages Microsoft publishes the page in, and pt, the
// book pt-br and pt-pt share.
var published = []string{
	"cs", "de", "en", "es", "fr", "hu", "it", "ja", "ko", "nl", "pl",
	"pt", "pt-br", "pt-pt", "ru", "sv", "tr", "zh-cn", "zh-tw",
}

// TestBooksFillTheKeys: every published language has words for every
// language key in its own chain — its book or a parent's (pt-br's may come
// from pt), never only from root or from the English every other language
// falls back on; every embedded book is in a published language's chain
// (a new book is tested here); the root book names every product.
func TestBooksFillTheKeys(t *testing.T) {
	inChain := map[string]bool{phrase.RootTag: true}
	for _, tag := range published {
		var own []*phrase.Book
		for _, b := range books().For(tag, "").Books {
			inChain[b.Tag] = true
			if b.Tag == phrase.RootTag || b.Tag == phrase.FallbackTag && tag != phrase.FallbackTag {
				continue
			}
			own = append(own, b)
		}
		if len(own) == 0 || own[0].Tag != tag {
			t.Errorf("%s: no book of its own", tag)
			continue
		}
		for _, k := range product.LanguageKeys {
			if !slices.ContainsFunc(own, func(b *phrase.Book) bool { return len(b.VersionWords[k]) > 0 }) {
				t.Errorf("%s: no words for versions.%s", tag, k)
			}
		}
	}
	for _, tag := range books().Tags() {
		if !inChain[tag] {
			t.Errorf("book %s is in no published language's chain: add it to published", tag)
		}
	}
	root := books().Book("root")
	for _, p := range product.Products {
		if p != product.Unknown && p != product.WindowsClient && len(root.VersionWords[string(p)]) == 0 {
			t.Errorf("root: no name for product %s", p)
		}
	}
}

// TestPhraseTestVocab: build/phrase's tests validate the books with a copy
// of VersionKeys (phrase cannot import this package); it must be this list.
func TestPhraseTestVocab(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "../phrase/phrase_test.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	ast.Inspect(f, func(n ast.Node) bool {
		kv, ok := n.(*ast.KeyValueExpr)
		if !ok {
			return true
		}
		if id, isID := kv.Key.(*ast.Ident); !isID || id.Name != "VersionKeys" {
			return true
		}
		for _, e := range kv.Value.(*ast.CompositeLit).Elts {
			s, _ := strconv.Unquote(e.(*ast.BasicLit).Value)
			keys = append(keys, s)
		}
		return false
	})
	if !slices.Equal(keys, product.VersionKeys) {
		t.Errorf("build/phrase/phrase_test.go VersionKeys = %q,\nwant product.VersionKeys %q", keys, product.VersionKeys)
	}
}
