package matrix

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/mabs-matrix/matrixdoc/build/diag"
	"github.com/mabs-matrix/matrixdoc/build/source"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// compileSeed compiles the real content folder (nl + en).
func compileSeed(t *testing.T) (*Model, diag.List) {
	t.Helper()
	c, l := source.Load(os.DirFS("../../content"))
	if l.HasErrors() {
		t.Fatalf("source.Load: %v", l)
	}
	m, ml := Compile(c)
	if m == nil {
		t.Fatalf("Compile: %v", ml)
	}
	return m, ml
}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
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
		t.Errorf("%s differs from the golden file; run go test ./build/matrix -update and review the diff", path)
	}
}

func TestSeedGolden(t *testing.T) {
	m, l := compileSeed(t)
	if l.HasErrors() {
		t.Fatalf("errors: %v", l)
	}
	if len(m.Rows) != 66 || len(m.Workloads) != 9 || !slices.Equal(m.Locales, []string{"nl", "en"}) {
		t.Fatalf("rows %d, workloads %d, locales %v", len(m.Rows), len(m.Workloads), m.Locales)
	}
	b, err := JSON(m)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "seed.matrix.json", b)
	golden(t, "seed.review.txt", review(m))
	var diags bytes.Buffer
	l.Print(&diags)
	golden(t, "seed.diagnostics.txt", diags.Bytes())
	validate(t, b)
}

// review is the compact golden read row by row against the Dutch table:
// source line, id, workload, targets, then the status of every server.
func review(m *Model) []byte {
	var b bytes.Buffer
	for _, r := range m.Rows {
		var ts []string
		for _, in := range r.Installations {
			ts = append(ts, in.Target)
		}
		fmt.Fprintf(&b, "%d %s workload=%s targets=%s", r.Line[m.DefaultLocale], r.ID, r.Workload, strings.Join(ts, ","))
		for _, s := range m.Servers {
			fmt.Fprintf(&b, " %s=%s", s.ID, r.Support[s.ID].Status)
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// validate checks doc against Schema() with a real JSON Schema validator.
func validate(t *testing.T, doc []byte) {
	t.Helper()
	schema, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema()))
	if err != nil {
		t.Fatal(err)
	}
	comp := jsonschema.NewCompiler()
	if err := comp.AddResource("matrix.schema.json", schema); err != nil {
		t.Fatal(err)
	}
	sch, err := comp.Compile("matrix.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("matrix.json does not validate: %v", err)
	}
}

func TestSchemaRejectsBadData(t *testing.T) {
	m, _ := compileSeed(t)
	b, _ := JSON(m)
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	row := doc["rows"].([]any)[0].(map[string]any)
	row["installations"].([]any)[0].(map[string]any)["target"] = "toaster"
	bad, _ := json.Marshal(doc)
	schema, _ := jsonschema.UnmarshalJSON(bytes.NewReader(Schema()))
	comp := jsonschema.NewCompiler()
	_ = comp.AddResource("matrix.schema.json", schema)
	sch, err := comp.Compile("matrix.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, _ := jsonschema.UnmarshalJSON(bytes.NewReader(bad))
	if err := sch.Validate(inst); err == nil {
		t.Error("a target outside the vocabulary validated")
	}
}

func TestSeedWarnings(t *testing.T) {
	_, l := compileSeed(t)
	const nl = "nl/backup-mabs-protection-matrix.md"
	want := []struct {
		line, col int
		code      string
	}{
		{40, 1, "duplicate-row-id"},
		{40, 173, "unbalanced-paren"},
		{41, 434, "unbalanced-paren"},
		{43, 256, "unbalanced-paren"},
		{93, 99, "english-support-value"},
	}
	var got []string
	for _, d := range l {
		if d.File == nl && d.Code != "malformed-br" {
			got = append(got, fmt.Sprintf("%d:%d %s", d.Line, d.Col, d.Code))
		}
	}
	var w []string
	for _, x := range want {
		w = append(w, fmt.Sprintf("%d:%d %s", x.line, x.col, x.code))
	}
	if !slices.Equal(got, w) {
		t.Errorf("nl warnings:\n got %q\nwant %q", got, w)
	}
	for _, d := range l {
		if d.Code == "duplicate-row-id" && (len(d.Related) != 1 || d.Related[0].Line != 39) {
			t.Errorf("duplicate warning lacks the first row: %s %v", d, d.Related)
		}
	}
}

func TestDeterminism(t *testing.T) {
	m1, _ := compileSeed(t)
	m2, _ := compileSeed(t)
	a, _ := JSON(m1)
	b, _ := JSON(m2)
	if !bytes.Equal(a, b) || !bytes.Equal(CSV(m1), CSV(m2)) || !bytes.Equal(Schema(), Schema()) {
		t.Error("two compiles gave different bytes")
	}
}

func TestCSV(t *testing.T) {
	m, _ := compileSeed(t)
	recs, err := csv.NewReader(bytes.NewReader(CSV(m))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1+66*2 {
		t.Fatalf("%d records", len(recs))
	}
	head := recs[0]
	col := func(name string) int { return slices.Index(head, name) }
	if col("support.v2") < 0 || col("protect") < 0 {
		t.Fatalf("header %q", head)
	}
	// Row 1 of each locale: the VMM row, two versions joined with " | ".
	if r := recs[1]; r[1] != "nl" || r[col("versions")] != "VMM-2016 | VMM 2012 SP1, R2" || r[col("support.v2")] != "supported" {
		t.Errorf("first record %q", r)
	}
	if r := recs[2]; r[1] != "en" || r[col("targets")] != "physical-server | hyper-v-vm" {
		t.Errorf("second record %q", r)
	}
}

func TestSchemaFromVocabulary(t *testing.T) {
	var s map[string]any
	if err := json.Unmarshal(Schema(), &s); err != nil {
		t.Fatal(err)
	}
	if s["$id"] != "matrix.schema.json" || s["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$id/$schema: %v %v", s["$id"], s["$schema"])
	}
	enum := s["$defs"].(map[string]any)["capability"].(map[string]any)["enum"].([]any)
	if len(enum) != len(Capabilities) || enum[0] != string(Capabilities[0]) {
		t.Errorf("capability enum %v", enum)
	}
}
