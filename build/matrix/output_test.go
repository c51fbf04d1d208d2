package matrix

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"
)

// TestWriteJSONMatchesMarshalIndent: the streamed JSON is byte for byte
// json.MarshalIndent's, whatever the rows hold (none, nil, a workload
// whose id is "rows", text that looks like the marker).
func TestWriteJSONMatchesMarshalIndent(t *testing.T) {
	seed, _ := compileSeed(t)
	noRows := *seed
	noRows.Rows = []Row{}
	nilRows := *seed
	nilRows.Rows = nil
	tricky := *seed
	tricky.Rows = append([]Row(nil), seed.Rows[:2]...)
	tricky.Rows[0].ID = "rows"
	tricky.Rows[0].Extra = map[string]LRich{"rows": {"nl": nil}, "\n  \"rows\": null": {"en": Rich{{Text: "<b>&</b>"}}}}
	tricky.Workloads = []Workload{{ID: "rows", Name: L{"nl": "\n  \"rows\": null"}, Rows: nil}}
	tricky.Schema = ""
	for name, m := range map[string]*Model{"seed": seed, "no rows": &noRows, "nil rows": &nilRows, "tricky": &tricky, "empty": {}} {
		want, err := json.MarshalIndent(m, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, '\n')
		var got bytes.Buffer
		if err := WriteJSON(&got, m); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%s: WriteJSON differs from MarshalIndent\n got %.300q\nwant %.300q", name, got.Bytes(), want)
		}
		if j, err := JSON(m); err != nil || !bytes.Equal(j, want) {
			t.Errorf("%s: JSON differs from MarshalIndent (%v)", name, err)
		}
	}
}

// failWriter accepts n bytes, then fails.
type failWriter struct{ n int }

var errFull = errors.New("disk full")

func (f *failWriter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		k := f.n
		f.n = 0
		return k, errFull
	}
	f.n -= len(p)
	return len(p), nil
}

func TestWriteErrorsReported(t *testing.T) {
	m, _ := compileSeed(t)
	j, err := JSON(m)
	if err != nil {
		t.Fatal(err)
	}
	c := CSV(m)
	for _, n := range []int{0, 1000, len(j) - 1} {
		if err := WriteJSON(&failWriter{n}, m); !errors.Is(err, errFull) {
			t.Errorf("WriteJSON failing after %d of %d bytes: %v, want %v", n, len(j), err, errFull)
		}
	}
	for _, n := range []int{0, 1000, len(c) - 1} {
		if err := WriteCSV(&failWriter{n}, m); !errors.Is(err, errFull) {
			t.Errorf("WriteCSV failing after %d of %d bytes: %v, want %v", n, len(c), err, errFull)
		}
	}
}
