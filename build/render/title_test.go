package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/source"
)

// Every title of the corpus (../shared/corpus/MANIFEST.tsv, this document
// in 15 versions and 10 languages), as real titles or not.
var corpusTitles = []struct {
	raw, want string // want "" = not a real title
}{
	{"Wat kan een back-up maken van Azure Backup Server", "Wat kan een back-up maken van Azure Backup Server"},
	{"MABS (Azure Backup Server) v3 UR1 Protection-matrix", "MABS (Azure Backup Server) v3 UR1 Protection-matrix"},
	{"MABS (Azure Backup Server) V3 UR1 protection matrix", "MABS (Azure Backup Server) V3 UR1 protection matrix"},
	{"What can Azure Backup Server back up", "What can Azure Backup Server back up"},
	{"Wat Azure Backup-Server kan een back-up | Microsoft Docs", "Wat Azure Backup-Server kan een back-up"},
	{"Ce que peut sauvegarder le serveur de sauvegarde Azure | Microsoft Docs", "Ce que peut sauvegarder le serveur de sauvegarde Azure"},
	{"aaaWhat serveru Azure Backup můžete zálohovat | Microsoft Docs", ""},
	{"aaaWhat puede servidor de copia de seguridad de Azure copia de seguridad | Documentos de Microsoft", ""},
	{"aaaWhat possibile Server di Backup di Azure backup | Documenti Microsoft", ""},
	{"aaaWhat można serwer kopii zapasowej Azure, Utwórz kopię zapasową | Dokumentacja firmy Microsoft", ""},
	{"aaaWhat pode Azure Backup Server backup | Microsoft Docs", ""},
	{"aaaWhat сервер резервного копирования Azure можно создать резервную копию | Документы Microsoft", ""},
	{"Azure 備份伺服器可以備份哪些內容 | Microsoft Docs", "Azure 備份伺服器可以備份哪些內容"},
	{"MABS (Azure Backup Server) V4 protection matrix", "MABS (Azure Backup Server) V4 protection matrix"},
	{"MABS（Azure 备份服务器）V3 UR1 保护矩阵", "MABS（Azure 备份服务器）V3 UR1 保护矩阵"},
}

func TestRealTitle(t *testing.T) {
	cases := append(corpusTitles[:len(corpusTitles):len(corpusTitles)], []struct{ raw, want string }{
		{"", ""},
		{"   ", ""},
		{" | Microsoft Docs", ""},
		{"| Microsoft Docs", ""},
		{"2017 | 05", ""},
		{"Line\nbreak", ""},
		{"aaa", "aaa"},                         // the marker alone is a word
		{"aaardvark facts", "aaardvark facts"}, // a word that starts like the marker
		{"  Spaced  | Site ", "Spaced"},
	}...)
	for _, c := range cases {
		got, ok := realTitle(c.raw)
		if ok != (c.want != "") || got != c.want {
			t.Errorf("realTitle(%q) = %q, %v; want %q", c.raw, got, ok, c.want)
		}
	}
}

// TestCorpusFrontMatterTitles: every document of testdata/corpus has a
// front-matter title the pages can show, and what is shown is what the
// document says, the site name cut off.
func TestCorpusFrontMatterTitles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "corpus", "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, _ := source.ParseDocument(filepath.Base(f), "", src)
		got, ok := realTitle(doc.Meta.Title)
		if strings.HasPrefix(doc.Meta.Title, "aaaWhat") {
			// The 2017 localization pipeline's half-translated titles are
			// not real: the document's heading is shown instead.
			if ok || pageTitle(doc.Meta.Title, doc.Title, "site") != doc.Title {
				t.Errorf("%s: title %q is the pipeline's, yet shows as %q", filepath.Base(f), doc.Meta.Title, got)
			}
			continue
		}
		if !ok || !strings.HasPrefix(doc.Meta.Title, got) || strings.Contains(got, "|") {
			t.Errorf("%s: title %q shows as %q (real: %v)", filepath.Base(f), doc.Meta.Title, got, ok)
		}
		if pageTitle(doc.Meta.Title, doc.Title, "site") != got {
			t.Errorf("%s: a real front-matter title does not win over the heading", filepath.Base(f))
		}
	}
}

func TestPageTitleFallback(t *testing.T) {
	for _, c := range []struct{ fm, heading, want string }{
		{"Front | Microsoft Docs", "Heading", "Front"},
		{"aaaWhat x | Microsoft Docs", "Heading", "Heading"},
		{"", "Heading", "Heading"},
		// Without a heading, source falls back to the front matter: still no real title.
		{"aaaWhat x | Microsoft Docs", "aaaWhat x | Microsoft Docs", "Site"},
		{"", "", "Site"},
	} {
		if got := pageTitle(c.fm, c.heading, "Site"); got != c.want {
			t.Errorf("pageTitle(%q, %q) = %q, want %q", c.fm, c.heading, got, c.want)
		}
	}
}

func TestJoinVersions(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"Windows 10"}, "Windows 10"},
		{[]string{"VMM-2016", "VMM 2012 SP1, R2"}, "VMM-2016, VMM 2012 SP1, R2"},
		{[]string{"VMM 2016,", "VMM 2012, SP1, R2"}, "VMM 2016, VMM 2012, SP1, R2"},
	} {
		if got := joinVersions(c.in); got != c.want {
			t.Errorf("joinVersions(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
