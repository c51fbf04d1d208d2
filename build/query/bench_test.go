package query_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sync"
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
	"github.com/mabs-matrix/matrixdoc/build/query"
	"github.com/mabs-matrix/matrixdoc/build/source"
	"github.com/mabs-matrix/matrixdoc/build/synth"
)

// sizes are the matrices the query benchmarks run on: the seed and the
// 10,000-row synthetic matrix (synth.BenchSeed, as `matrixbench synth`
// writes it).
var sizes = []int{synth.SeedRows, 10000}

var (
	jsonMu sync.Mutex
	jsons  = map[int][]byte{}
)

// matrixJSON is the matrix.json of a size, compiled once.
func matrixJSON(b *testing.B, rows int) []byte {
	b.Helper()
	jsonMu.Lock()
	defer jsonMu.Unlock()
	if j := jsons[rows]; j != nil {
		return j
	}
	fsys, err := synth.Fixture("../../content", rows)
	if err != nil {
		b.Fatal(err)
	}
	c, l := source.LoadLimit(fsys, 256<<20)
	if l.HasErrors() {
		b.Fatal(l[:min(len(l), 3)])
	}
	m, ml := matrix.Compile(c)
	if ml.HasErrors() {
		b.Fatal(ml[:min(len(ml), 3)])
	}
	j, err := matrix.JSON(m)
	if err != nil {
		b.Fatal(err)
	}
	jsons[rows] = j
	return j
}

// BenchmarkLoad: reading a matrix.json into an Index (what every
// `matrixdoc query --data` pays once). BenchmarkLoadDecode is its JSON
// decoding alone, the baseline of the ratio the README reports.
func BenchmarkLoad(b *testing.B) {
	for _, rows := range sizes {
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			j := matrixJSON(b, rows)
			b.SetBytes(int64(len(j)))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := query.Load(bytes.NewReader(j)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkLoadDecode(b *testing.B) {
	for _, rows := range sizes {
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			j := matrixJSON(b, rows)
			b.SetBytes(int64(len(j)))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				var m matrix.Model
				if err := json.Unmarshal(j, &m); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// questions are what an administrator asks, free text and ids, with and
// without a release and an installation; one of each per iteration.
var questions = []query.Question{
	{Text: "sql 2014"},
	{Text: "SQL Server 2016", Server: "v1", Target: "vmware-vm"},
	{Text: "windows server 2012 r2", Target: "vmware"},
	{Text: "Win2016", Server: "v2", Target: "physical"},
	{Text: "SQL Server 2012 met SP1", Lang: "nl"},
	{Text: "exchange 2013 cu23", Target: "hyper-v vm"},
	{Text: "sql-server 2014", Server: "v2"},
	{Text: "2012"},
}

// BenchmarkAsk: per question, over the whole index. BenchmarkAskScan is
// the baseline: the cheapest answer without an index, one pass over every
// fact comparing product and version.
func BenchmarkAsk(b *testing.B) {
	for _, rows := range sizes {
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			ix, err := query.Load(bytes.NewReader(matrixJSON(b, rows)))
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			n := 0
			for b.Loop() {
				if _, err := ix.Ask(questions[n%len(questions)]); err != nil {
					b.Fatal(err)
				}
				n++
			}
		})
	}
}

func BenchmarkAskScan(b *testing.B) {
	for _, rows := range sizes {
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			ix, err := query.Load(bytes.NewReader(matrixJSON(b, rows)))
			if err != nil {
				b.Fatal(err)
			}
			facts := ix.Model().Facts
			b.ResetTimer()
			hits := 0
			for b.Loop() {
				for i := range facts {
					if facts[i].Product == "sql-server" && facts[i].Version == "2014" {
						hits++
					}
				}
			}
			if hits == 0 {
				b.Fatal("no facts found")
			}
		})
	}
}
