package matrix

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// validateDef checks doc against one $defs entry of Schema().
func validateDef(t *testing.T, def string, doc []byte) {
	t.Helper()
	schema, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema()))
	if err != nil {
		t.Fatal(err)
	}
	comp := jsonschema.NewCompiler()
	if err := comp.AddResource("matrix.schema.json", schema); err != nil {
		t.Fatal(err)
	}
	sch, err := comp.Compile("matrix.schema.json#/$defs/" + def)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("does not validate against %s: %v", def, err)
	}
}

// TestWorkloadFiles: one file per workload, each validating, each exactly
// MarshalIndent's bytes, together holding every row and fact once; the
// index lists them with absolute URLs under the base URL.
func TestWorkloadFiles(t *testing.T) {
	m, _ := compileSeed(t)
	files, order := workloadFiles(t, m)
	if len(files) != len(m.Workloads) || order[0] != "workloads/system-center-vmm.json" {
		t.Fatalf("files %v", order)
	}
	var rows, facts int
	for _, w := range m.Workloads {
		b := files[WorkloadPath(w.ID)]
		validateDef(t, "workloadFile", b)
		var wf WorkloadFile
		if err := json.Unmarshal(b, &wf); err != nil {
			t.Fatal(err)
		}
		// Exactly the bytes MarshalIndent writes for the same content.
		want, _ := json.MarshalIndent(&wf, "", "  ")
		if !bytes.Equal(b, append(want, '\n')) {
			t.Errorf("%s is not MarshalIndent's bytes", w.ID)
		}
		for _, r := range wf.Rows {
			if r.Workload != w.ID || !slices.Contains(w.Rows, r.ID) {
				t.Errorf("%s holds row %s of %s", w.ID, r.ID, r.Workload)
			}
		}
		for _, f := range wf.Facts {
			if f.Workload != w.ID || !slices.Contains(wf.Products, f.Product) {
				t.Errorf("%s holds fact %+v", w.ID, f)
			}
		}
		if len(wf.Rows) != len(w.Rows) || wf.SchemaVersion != SchemaVersion || wf.Schema != "../matrix.schema.json#/$defs/workloadFile" {
			t.Errorf("%s: %d rows of %d, version %s, $schema %s", w.ID, len(wf.Rows), len(w.Rows), wf.SchemaVersion, wf.Schema)
		}
		rows += len(wf.Rows)
		facts += len(wf.Facts)
	}
	if rows != len(m.Rows) || facts != len(m.Facts) {
		t.Errorf("files hold %d rows and %d facts, the model %d and %d", rows, facts, len(m.Rows), len(m.Facts))
	}

	var b bytes.Buffer
	if err := WriteIndex(&b, m, "https://mabs-matrix.netlify.app/"); err != nil {
		t.Fatal(err)
	}
	validateDef(t, "indexFile", b.Bytes())
	var idx Index
	if err := json.Unmarshal(b.Bytes(), &idx); err != nil {
		t.Fatal(err)
	}
	if idx.Total != 9 || len(idx.Result) != 9 {
		t.Fatalf("index: %+v", idx)
	}
	sql := idx.Result[slices.IndexFunc(idx.Result, func(e IndexEntry) bool { return e.ID == "sql-server" })]
	if sql.URL != "https://mabs-matrix.netlify.app/data/workloads/sql-server.json" || sql.Path != "workloads/sql-server.json" ||
		!slices.Equal(sql.Products, []string{"sql-server"}) || sql.Name["nl"] != "SQL Server" || sql.Rows != 15 {
		t.Errorf("sql-server entry: %+v", sql)
	}
	if e := BuildIndex(m, "").Result[0]; e.URL != e.Path {
		t.Errorf("without a base URL the url is the path: %+v", e)
	}
}
