package query

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
	"github.com/mabs-matrix/matrixdoc/build/source"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// seed is the real content compiled once.
var seed = sync.OnceValue(func() *Index {
	c, l := source.Load(os.DirFS("../../content"))
	if l.HasErrors() {
		panic(l)
	}
	m, ml := matrix.Compile(c)
	if ml.HasErrors() {
		panic(ml)
	}
	return New(m)
})

func lines(a *Answer) []int {
	var out []int
	for _, r := range a.Counted() {
		if !slices.Contains(out, r.Line) {
			out = append(out, r.Line)
		}
	}
	return out
}

// TestAsk: questions as administrators type them, in Dutch and English,
// against the seed — what each is read as, the verdict and the source
// lines of the rows that answer it (checked against the document).
func TestAsk(t *testing.T) {
	ix := seed()
	tests := []struct {
		q       Question
		read    string
		verdict Verdict
		lines   []int
	}{
		// The example: v1 does not support SQL Server 2016 on VMware.
		{Question{Text: "SQL Server 2016", Server: "v1", Target: "vmware-vm"}, "sql-server 2016", No, []int{56}},
		{Question{Text: "SQL Server 2016", Server: "v2", Target: "vmware-vm"}, "sql-server 2016", Yes, []int{56}},
		{Question{Text: "sql 2014"}, "sql-server 2014", Yes, []int{57, 58}},
		{Question{Text: "sql-server 2014", Target: "azure vm", Server: "v1"}, "sql-server 2014", Yes, []int{57}},
		{Question{Text: "windows server 2012 r2", Target: "vmware"}, "windows-server 2012 R2", Yes, []int{43}},
		// Dutch and English words for the same thing.
		{Question{Text: "SQL Server 2012 met SP1", Target: "fysiek", Lang: "nl"}, "sql-server 2012 [SP1]", Yes, []int{62}},
		{Question{Text: "SQL Server 2012 with SP1", Target: "physical", Lang: "en"}, "sql-server 2012 [SP1]", Yes, []int{57}},
		{Question{Text: "Windows Vista met SP2", Lang: "nl"}, "windows-client Vista [SP2]", Yes, []int{37}},
		// A condition, and the Hyper-V host rows not counting for a server.
		{Question{Text: "Win2016", Server: "v2", Target: "physical"}, "windows-server 2016", Conditional, []int{41}},
		{Question{Text: "Windows Server 2016", Workload: "hyper-v-host", Server: "v2", Target: "physical"}, "windows-server 2016", Yes, []int{88}},
		{Question{Text: "Windows Server 2012 R2", Target: "physical", Server: "v2"}, "windows-server 2012 R2", NotListed, nil},
		// Service packs: exact first, else the release's listing.
		{Question{Text: "sql 2012 sp2", Target: "vmware"}, "sql-server 2012 [SP2]", Yes, []int{61}},
		{Question{Text: "sql 2014 sp2", Target: "vmware"}, "sql-server 2014 [SP2]", Yes, []int{58}},
		{Question{Text: "windows server 2008 r2", Server: "v2", Target: "azure-vm"}, "windows-server 2008 R2", No, []int{51}},
		{Question{Text: "Exchange 2013 CU23", Target: "physical"}, "exchange 2013 [CU23]", Yes, []int{73}},
		// The installation named in the question itself.
		{Question{Text: "sql 2014 vmware"}, "sql-server 2014", Yes, []int{58}},
		{Question{Text: "SQL 2014 op fysieke server", Lang: "nl"}, "sql-server 2014", NotListed, nil},
		{Question{Text: "windows server 2016 hyper-v", Server: "v2"}, "windows-server 2016", Conditional, []int{41}},
		{Question{Text: "SQL Server 2016 on azure vm", Server: "v1", Lang: "en"}, "sql-server 2016", No, []int{51}},
		// Not listed: the nearest are offered, never used.
		{Question{Text: "Windows Server 2003"}, "windows-server 2003", NotListed, nil},
		{Question{Text: "SQL Server 2019"}, "sql-server 2019", NotListed, nil},
		// A product without versions, and one listed once.
		{Question{Text: "linux", Lang: "en"}, "linux", Yes, []int{89}},
		{Question{Text: "vmware 6.5", Target: "hyper-v"}, "vmware-vsphere 6.5", Yes, []int{93}},
	}
	for _, tt := range tests {
		a, err := ix.Ask(tt.q)
		if err != nil {
			t.Errorf("%+v: %v", tt.q, err)
			continue
		}
		if got := a.Query.String(); got != tt.read || a.Verdict != tt.verdict || !slices.Equal(lines(a), tt.lines) {
			t.Errorf("%+v: read %s, %s, lines %v; want %s, %s, %v", tt.q, got, a.Verdict, lines(a), tt.read, tt.verdict, tt.lines)
		}
		if tt.q.Target == "" && strings.Contains(tt.q.Text, " vmware") && a.Target != "vmware-vm" || strings.Contains(tt.q.Text, "fysieke") && a.Target != "physical-server" ||
			strings.HasSuffix(tt.q.Text, " hyper-v") && a.Target != "hyper-v-vm" || strings.HasSuffix(tt.q.Text, " azure vm") && a.Target != "azure-vm" {
			t.Errorf("%+v: installation read as %q", tt.q, a.Target)
		}
		if a.Verdict == NotListed && tt.lines == nil && len(a.Nearest) == 0 && len(a.Results) == 0 {
			t.Errorf("%+v: not listed without the nearest versions", tt.q)
		}
	}
}

// TestAmbiguous: a bare number several products have, a product with many
// versions, and two versions in one question list their candidates and
// answer nothing.
func TestAmbiguous(t *testing.T) {
	ix := seed()
	for text, want := range map[string][]string{
		"2012":           {"windows-server 2012", "sql-server 2012", "system-center-vmm 2012"},
		"2012 r2":        {"windows-server 2012 R2", "system-center-vmm 2012 R2"},
		"exchange":       {"exchange 2016", "exchange 2013", "exchange 2010", "exchange 2007"},
		"vmware":         {"vmware-vsphere 5.5", "vmware-vsphere 6.0", "vmware-vsphere 6.5"},
		"sql 2014, 2016": {"sql-server 2014", "sql-server 2016"},
	} {
		a, err := ix.Ask(Question{Text: text})
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		var got []string
		for _, c := range a.Candidates {
			got = append(got, c.String())
		}
		if !a.Ambiguous() || !slices.Equal(got, want) || len(a.Results) != 0 || a.ExitCode() != 2 {
			t.Errorf("%q: candidates %q, results %d; want %q", text, got, len(a.Results), want)
		}
	}
}

// TestUsage: questions that cannot be asked.
func TestUsage(t *testing.T) {
	ix := seed()
	for _, q := range []Question{
		{Text: ""}, {Text: "frobnicator 9000"}, {Text: "sql 2014", Server: "v9"},
		{Text: "sql 2014", Target: "toaster"}, {Text: "sql 2014", Lang: "fr"}, {Text: "sql 2014", Workload: "printers"},
	} {
		_, err := ix.Ask(q)
		var ue *UsageError
		if !errors.As(err, &ue) {
			t.Errorf("%+v: err = %v, want a usage error", q, err)
		}
	}
}

// TestLoadRoundTrip: an index read from matrix.json answers as one built
// from the model; another major schema version is refused.
func TestLoadRoundTrip(t *testing.T) {
	b, err := matrix.JSON(seed().Model())
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Load(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []Question{{Text: "sql 2014"}, {Text: "Win2016", Target: "physical"}, {Text: "2012"}} {
		var x, y bytes.Buffer
		a1, _ := ix.Ask(q)
		a2, _ := seed().Ask(q)
		a1.WriteJSON(&x)
		a2.WriteJSON(&y)
		if x.String() != y.String() {
			t.Errorf("%+v: answers differ after a round trip", q)
		}
	}
	bad := bytes.Replace(b, []byte(`"schemaVersion": "1.`), []byte(`"schemaVersion": "2.`), 1)
	if _, err := Load(bytes.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "schema version") {
		t.Errorf("schema 2 accepted: %v", err)
	}
	if _, err := Load(strings.NewReader("{")); err == nil {
		t.Error("broken JSON accepted")
	}
}

// TestTargets: ids, shorthand and phrasebook phrases.
func TestTargets(t *testing.T) {
	ix := seed()
	for text, want := range map[string]string{
		"vmware-vm": "vmware-vm", "VMware": "vmware-vm", "hyper-v vm": "hyper-v-vm", "physical": "physical-server",
		"Fysieke server": "physical-server", "Virtuele Hyper-V-machine": "hyper-v-vm", "azure vm": "azure-vm", "ESXi": "vmware-vm",
	} {
		if got, err := ix.ResolveTarget(text, "nl"); got != want || err != nil {
			t.Errorf("%q: %q %v, want %q", text, got, err, want)
		}
	}
	if _, err := shorthand(); err != nil {
		t.Error(err)
	}
}

// TestInventory: the 20 machines of testdata/inventory/machines.csv,
// written as an administrator writes them, against the seed: the reviewed
// answers (testdata/inventory/machines.answers.txt) and their counts.
func TestInventory(t *testing.T) {
	f, err := os.Open("../../testdata/inventory/machines.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ms, err := ReadInventory(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 20 {
		t.Fatalf("%d machines", len(ms))
	}
	inv, err := seed().CheckInventory(ms, "", "en")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := inv.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	golden(t, "../../testdata/inventory/machines.answers.txt", b.Bytes())
	s := inv.Summary
	if s.Machines != 20 || s.NotUnderstood != 1 || s.NotListed != 4 || s.Protectable["v2"] != 15 || s.Conditional["v2"] != 2 || inv.ExitCode() != 1 {
		t.Errorf("summary %+v, exit %d", s, inv.ExitCode())
	}
	by := map[string]MachineAnswer{}
	for _, m := range inv.Machines {
		by[m.Name] = m
	}
	if m := by["SQL02"]; m.ReadAs.String() != "sql-server 2016" || m.Servers[0].Verdict != Yes || m.Servers[1].Verdict != No {
		t.Errorf("SQL02: %+v", m)
	}
	if m := by["LNX02"]; m.ReadAs != nil || !strings.Contains(m.Reason, "Ubuntu") {
		t.Errorf("LNX02: %+v", m)
	}
	// CSV out: a header and one record per machine; semicolons in.
	var c bytes.Buffer
	if err := inv.WriteCSV(&c); err != nil || strings.Count(c.String(), "\n") != 21 || !strings.HasPrefix(c.String(), "name,product,installation,read_as,target,verdict,v2,condition.v2,v1,") {
		t.Errorf("csv: %v %.200q", err, c.String())
	}
	semi := "Naam;Product;Installatie\r\nSQL01;SQL 2014;vmware\r\n"
	ms, err = ReadInventory(strings.NewReader("\ufeff" + semi))
	if err != nil || len(ms) != 1 || ms[0].Product != "SQL 2014" || ms[0].Installation != "vmware" {
		t.Errorf("semicolons: %+v %v", ms, err)
	}
	if _, err := ReadInventory(strings.NewReader("host,os\nx,y\n")); err == nil || !strings.Contains(err.Error(), "installation") {
		t.Errorf("missing column: %v", err)
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs; run go test ./build/query -update and review the diff:\n%s", path, got)
	}
}
