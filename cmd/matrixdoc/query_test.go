package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
	"github.com/mabs-matrix/matrixdoc/build/query"
	"github.com/mabs-matrix/matrixdoc/build/source"
)

var content = []string{"--content", "../../content"}

func q(args ...string) []string { return append(append([]string{"query"}, content...), args...) }

// TestQueryExitStatus: 0 supported, 1 unsupported or not listed, 3
// conditional, 2 usage or ambiguous — each from the real content through
// the real command line, the answer's first line saying the same.
func TestQueryExitStatus(t *testing.T) {
	tests := []struct {
		args   []string
		code   int
		stdout string // prefix of the first line ("" none)
		stderr string
	}{
		{q("--server", "v2", "--on", "vmware-vm", "SQL Server 2014"), 0, "yes — SQL Server 2014 (sql-server 2014) on vmware-vm in v2", ""},
		{q("--server", "v1", "--on", "vmware-vm", "SQL Server 2016"), 1, "no — SQL Server 2016 (sql-server 2016) on vmware-vm in v1", ""},
		{q("Windows", "Server", "2003"), 1, "not listed — Windows Server 2003", ""},
		{q("--server", "v2", "--on", "physical", "Win2016"), 3, "yes with condition: Niet-Nano server — Windows Server 2016", ""},
		// Flags after the words.
		{q("sql", "2014", "--server", "v2", "--on", "azure"), 0, "yes — SQL Server 2014", ""},
		{q("2012"), 2, "ambiguous: the question names 3 product versions", ""},
		{q(), 2, "", "name a product and version"},
		{q("--server", "v9", "sql 2014"), 2, "", `unknown server release "v9"`},
		{q("--on", "toaster", "sql 2014"), 2, "", `unknown installation "toaster"`},
		{q("--format", "xml", "sql 2014"), 2, "", `invalid value "xml"`},
		{q("--nope"), 2, "", "flag provided but not defined"},
		{[]string{"query", "--data", "no/such/matrix.json", "sql 2014"}, 2, "", "no such file"},
		{q("frobnicator 9000"), 2, "", "names no product version"},
		{[]string{"query", "--help"}, 0, "Usage: matrixdoc query [--data FILE | --content DIR]", ""},
	}
	for _, tt := range tests {
		code, stdout, stderr := runCLI(t, tt.args...)
		first, _, _ := strings.Cut(stdout, "\n")
		if code != tt.code || !strings.HasPrefix(first, tt.stdout) || tt.stdout == "" && stdout != "" || !strings.Contains(stderr, tt.stderr) {
			t.Errorf("%q: exit %d\nstdout %q\nstderr %q\nwant exit %d, %q, %q", tt.args, code, stdout, stderr, tt.code, tt.stdout, tt.stderr)
		}
	}
}

// TestQueryLanguages: a Dutch and an English question for the same row,
// each answered with its own document's texts and source line.
func TestQueryLanguages(t *testing.T) {
	code, nl, _ := runCLI(t, q("--lang", "nl", "--on", "fysiek", "--server", "v2", "SQL Server 2012 met SP1")...)
	if code != 0 || !strings.Contains(nl, "sql-server 2012 [SP1]") || !strings.Contains(nl, "nl/backup-mabs-protection-matrix.md:62") {
		t.Errorf("Dutch: exit %d\n%s", code, nl)
	}
	code, en, _ := runCLI(t, q("--lang", "en", "--on", "physical server", "--server", "v2", "SQL Server 2012 with SP1")...)
	if code != 0 || !strings.Contains(en, "sql-server 2012 [SP1]") || !strings.Contains(en, "en/backup-mabs-protection-matrix.md:57") {
		t.Errorf("English: exit %d\n%s", code, en)
	}
}

// TestQueryJSON: --format json is a query.Answer; --data reads a
// matrix.json and answers as --content does.
func TestQueryJSON(t *testing.T) {
	args := []string{"--format", "json", "--lang", "en", "--on", "vmware", "SQL Server 2016"}
	code, out, stderr := runCLI(t, q(args...)...)
	var a query.Answer
	if err := json.Unmarshal([]byte(out), &a); err != nil || code != 0 {
		t.Fatalf("exit %d, %v\n%s%s", code, err, out, stderr)
	}
	if a.Verdict != query.Yes || a.Query.String() != "sql-server 2016" || len(a.Results) != 2 ||
		a.Results[0].Server != "v2" || a.Results[0].Verdict != query.Yes || a.Results[1].Server != "v1" || a.Results[1].Verdict != query.No ||
		a.Results[0].Line != 51 || a.Results[0].TargetLabel != "VMware virtual machine" {
		t.Errorf("answer %+v", a)
	}
	// The same from a matrix.json.
	c, l := source.Load(os.DirFS("../../content"))
	if l.HasErrors() {
		t.Fatal(l)
	}
	m, _ := matrix.Compile(c)
	b, _ := matrix.JSON(m)
	file := filepath.Join(t.TempDir(), "matrix.json")
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	code2, out2, _ := runCLI(t, append([]string{"query", "--data", file}, args...)...)
	if code2 != code || out2 != out {
		t.Errorf("--data answers differently: exit %d\n%s", code2, out2)
	}
	// Ambiguous in JSON: the candidates.
	code, out, _ = runCLI(t, q("--format", "json", "exchange")...)
	if err := json.Unmarshal([]byte(out), &a); err != nil || code != 2 || len(a.Candidates) != 4 {
		t.Errorf("ambiguous json: exit %d %v %s", code, err, out)
	}
}

// TestQueryInventory: the 20-machine CSV in text (one line per machine
// and the summary), CSV and JSON, and its exit status.
func TestQueryInventory(t *testing.T) {
	inv := "../../testdata/inventory/machines.csv"
	code, out, _ := runCLI(t, q("--inventory", inv, "--lang", "en")...)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 1 || len(lines) != 21 || !strings.HasPrefix(lines[20], "20 machines: v2 protects 15 (2 under a condition), v1 protects 13;") ||
		!strings.HasPrefix(lines[5], "SQL02      SQL Server 2016 (sql-server 2016) on vmware-vm: v2 yes; v1 no") {
		t.Errorf("text: exit %d\n%s", code, out)
	}
	code, out, stderr := runCLI(t, q("--inventory", inv, "--format", "csv", "--server", "v1")...)
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 1 || err != nil || len(recs) != 21 || recs[0][6] != "v1" || recs[6][0] != "SQL02" || recs[6][6] != "no" ||
		!strings.Contains(stderr, "20 machines: v1 protects 13") {
		t.Errorf("csv: exit %d %v\n%s%s", code, err, out, stderr)
	}
	code, out, _ = runCLI(t, q("--inventory", inv, "--format", "json")...)
	var got query.Inventory
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != 1 || len(got.Machines) != 20 || got.Summary.NotListed != 4 {
		t.Errorf("json: exit %d %v", code, err)
	}
	// Every machine protectable: exit 0; a bad file: exit 2.
	ok := filepath.Join(t.TempDir(), "ok.csv")
	os.WriteFile(ok, []byte("name;product;installation\nSQL02;SQL Server 2016;vmware\n"), 0o644)
	if code, out, _ := runCLI(t, q("--inventory", ok, "--server", "v2")...); code != 0 {
		t.Errorf("all protectable: exit %d\n%s", code, out)
	}
	bad := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(bad, []byte("host,os\nx,y\n"), 0o644)
	if code, _, stderr := runCLI(t, q("--inventory", bad)...); code != 2 || !strings.Contains(stderr, "no installation column") {
		t.Errorf("bad inventory: exit %d %s", code, stderr)
	}
	if code, _, _ := runCLI(t, q("--inventory", inv, "sql 2014")...); code != 2 {
		t.Errorf("inventory and a question: exit %d", code)
	}
}
