package matrix

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/diag"
	"github.com/mabs-matrix/matrixdoc/build/source"
)

// mkDoc is a one-table document of locale whose table starts at line 10.
func mkDoc(locale string, rows ...string) *source.Document {
	path := locale + "/m.md"
	return &source.Document{
		Path: path, Locale: locale, SHA256: strings.Repeat("ab", 32), Title: "T " + locale,
		Sections: []source.Section{{ID: "matrix", Level: 2, Title: "M " + locale, HTML: "<p>" + locale + "</p>"}},
		Tables:   []source.Table{mkTable(path, 10, "matrix", rows...)},
	}
}

const hdrNL = "Workload|Versie|Installatie|Azure Backup</br> Server v2|Azure Backup</br> Server v1|Beveiliging en herstel"
const hdrEN = "Workload|Version|Installation|Azure Backup</br> Server v2|Azure Backup</br> Server v1|Protection and recovery"

func TestRowIDsAndDuplicates(t *testing.T) {
	nl := mkDoc("nl", hdrNL,
		"Clientcomputers|Windows Vista|Fysieke server<br /><br />On-premises Hyper-V virtuele machine|J|J|Bestanden",
		"Clientcomputers|Windows Vista|Fysieke server<br /><br />On-premises Hyper-V virtuele machine|J|J|Volume, share",
		"Clientcomputers|Windows Vista|Fysieke server<br /><br />On-premises Hyper-V virtuele machine|J|J|Volume, share",
	)
	m, l := Compile(mkContent(nl))
	ids := []string{}
	for _, r := range m.Rows {
		ids = append(ids, r.ID)
	}
	want := []string{
		"client-computers--windows-vista--physical-server-hyper-v-vm",
		"client-computers--windows-vista--physical-server-hyper-v-vm-2",
		"client-computers--windows-vista--physical-server-hyper-v-vm-3",
	}
	if !slices.Equal(ids, want) {
		t.Errorf("ids = %q", ids)
	}
	var warn, dup *diag.Diagnostic
	for i := range l {
		switch l[i].Code {
		case "duplicate-row-id":
			warn = &l[i]
		case "duplicate-row":
			dup = &l[i]
		}
	}
	if warn == nil || warn.Severity != diag.Warning || warn.Line != 13 || len(warn.Related) != 1 || warn.Related[0].Line != 12 ||
		!strings.Contains(warn.Message, "nl/m.md:12") {
		t.Errorf("duplicate id warning: %+v", warn)
	}
	if dup == nil || dup.Severity != diag.Error || dup.Line != 14 || dup.Related[0].Line != 13 || !strings.Contains(dup.Message, "duplicate row") {
		t.Errorf("duplicate row error: %+v", dup)
	}
}

func TestRowIDUsesEnglishVersion(t *testing.T) {
	nl := mkDoc("nl", hdrNL, "SQL Server|SQL Server 2012 met SP2|Fysieke server|J|J|Alle implementatiescenario's: database")
	en := mkDoc("en", hdrEN, "SQL Server|SQL Server 2012 with SP2|Physical server|Y|Y|All deployment scenarios: database")
	m, l := Compile(mkContent(nl, en))
	if l.HasErrors() {
		t.Fatal(l)
	}
	if got := m.Rows[0].ID; got != "sql-server--sql-server-2012-with-sp2--physical-server" {
		t.Errorf("id = %q", got)
	}
	if m.Rows[0].Line["nl"] != 12 || m.Rows[0].Line["en"] != 12 {
		t.Errorf("lines = %v", m.Rows[0].Line)
	}
}

func TestCrossLanguageMismatch(t *testing.T) {
	nl := mkDoc("nl", hdrNL,
		"SQL Server|2016|Fysieke server<br /><br />On-premises Hyper-V virtuele machine|J|N|Alle implementatiescenario's: database",
		"Exchange|2016<br/>2013|Fysieke server|J|J|Beveiligen: x",
	)
	tests := []struct {
		name, row1, row2 string
		what             string
		line             int
	}{
		{"support", "SQL Server|2016|Physical server<br /><br />On-premises Hyper-V virtual machine|Y|Y|x",
			"Exchange|2016<br/>2013|Physical server|Y|Y|Protect: x", "support status in v1", 12},
		{"targets", "SQL Server|2016|Physical server|Y|N|x",
			"Exchange|2016<br/>2013|Physical server|Y|Y|Protect: x", "installation targets", 12},
		{"workload", "SQL Server|2016|Physical server<br /><br />On-premises Hyper-V virtual machine|Y|N|x",
			"SharePoint|2016<br/>2013|Physical server|Y|Y|Protect: x", "the workload", 13},
		{"versions", "SQL Server|2016|Physical server<br /><br />On-premises Hyper-V virtual machine|Y|N|x",
			"Exchange|2016, 2013|Physical server|Y|Y|Protect: x", "number of versions", 13},
	}
	for _, tc := range tests {
		en := mkDoc("en", hdrEN, tc.row1, tc.row2)
		_, l := Compile(mkContent(nl, en))
		var errs []diag.Diagnostic
		for _, d := range l {
			if d.Severity == diag.Error {
				errs = append(errs, d)
			}
		}
		if len(errs) != 1 {
			t.Errorf("%s: want one error, got %v", tc.name, l)
			continue
		}
		e := errs[0]
		wantNames := []string{"nl/m.md:" + strconv.Itoa(tc.line), "en/m.md:" + strconv.Itoa(tc.line)}
		if e.File != "en/m.md" || e.Line != tc.line || len(e.Related) != 1 || e.Related[0].File != "nl/m.md" ||
			!strings.Contains(e.Message, tc.what) || !strings.Contains(e.Message, wantNames[0]) || !strings.Contains(e.Message, wantNames[1]) {
			t.Errorf("%s: got %s (related %v)", tc.name, e, e.Related)
		}
	}
	// A missing row.
	en := mkDoc("en", hdrEN, "SQL Server|2016|Physical server<br /><br />On-premises Hyper-V virtual machine|Y|N|x")
	_, l := Compile(mkContent(nl, en))
	if !l.HasErrors() || !strings.Contains(l[0].Message, "number of table rows") {
		t.Errorf("row count: %v", l)
	}
}

func TestSupportedServerColumn(t *testing.T) {
	doc := mkDoc("nl", "Workload|Versie|Installatie|Ondersteunde Azure Backup Server|Beveiliging en herstel",
		"Linux|1|Fysieke server|V3|Beveiligen: x",
		"Linux|2|Fysieke server|V3, V2<br />Niet Nano-server|Beveiligen: x",
		"Linux|3|Fysieke server|Niet ondersteund|Beveiligen: x",
	)
	m, l := Compile(mkContent(doc))
	if l.HasErrors() {
		t.Fatal(l)
	}
	var ids []string
	for _, s := range m.Servers {
		ids = append(ids, s.ID)
	}
	if !slices.Equal(ids, []string{"v3", "v2"}) || m.Servers[0].Name["nl"] != "V3" {
		t.Fatalf("servers = %+v", m.Servers)
	}
	type st struct{ v3, v2 string }
	want := []st{{"supported", "unsupported"}, {"conditional", "conditional"}, {"unsupported", "unsupported"}}
	for i, r := range m.Rows {
		if got := (st{r.Support["v3"].Status, r.Support["v2"].Status}); got != want[i] {
			t.Errorf("row %d: %v, want %v", i, got, want[i])
		}
	}
	if c := m.Rows[1].Support["v2"].Condition["nl"].Plain(); c != "Niet Nano-server" {
		t.Errorf("condition = %q", c)
	}
}

func TestUnknownColumnAndWorkload(t *testing.T) {
	doc := mkDoc("nl", "Workload|Versie|Installatie|Server v2|Opmerkingen|Beveiliging en herstel",
		"Azure Files|1|Fysieke server|J|zie [hier](https://x.example)|Beveiligen: share")
	en := mkDoc("en", "Workload|Version|Installation|Server v2|Remarks|Protection and recovery",
		"Azure File Shares|1|Physical server|Y|see [here](https://x.example)|Protect: share")
	m, l := Compile(mkContent(doc, en))
	if l.HasErrors() {
		t.Fatal(l)
	}
	r := m.Rows[0]
	if r.Workload != "azure-file-shares" || m.Workloads[0].Name["nl"] != "Azure Files" {
		t.Errorf("workload %q %v", r.Workload, m.Workloads[0].Name)
	}
	if x := r.Extra["Opmerkingen"]["en"]; len(x) != 2 || x[1].Href != "https://x.example" {
		t.Errorf("extra = %#v", r.Extra)
	}
	found := false
	for _, d := range l {
		found = found || d.Code == "unknown-column" && d.File == "nl/m.md" && d.Line == 10
	}
	if !found {
		t.Errorf("no unknown-column warning: %v", l)
	}
}

func TestMissingStrings(t *testing.T) {
	doc := mkDoc("nl", hdrNL, "Linux|1|Fysieke server|J|J|Beveiligen: x")
	c := mkContent(doc)
	delete(c.Strings["nl"], "capability.farm")
	_, l := Compile(c)
	if len(l) != 1 || l[0].Severity != diag.Error || l[0].File != "nl/strings.yaml" || !strings.Contains(l[0].Message, "capability.farm") {
		t.Errorf("missing key: %v", l)
	}
	c.Strings["nl"] = nil
	_, l = Compile(c)
	if len(l) != 1 || l[0].Code != "missing-strings" || l[0].File != "nl/strings.yaml" {
		t.Errorf("missing file: %v", l)
	}
}
