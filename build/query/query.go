// Package query answers the question the matrix exists for — can Azure
// Backup Server release R protect product P version V installed as T? —
// from a matrix.json, for other Go programs and for `matrixdoc query`.
//
// Input: a matrix.json (Load) or a compiled *matrix.Model (New), then a
// Question: free text as an administrator types it, in Dutch or English
// ("sql 2014", "windows server 2012 r2", "SQL Server 2012 met SP1",
// "Win2016"), or a product id and a version ("sql-server 2014"); optionally
// a server release and an installation target (an id or words: "vmware",
// "hyper-v vm", "physical"). Output: a typed Answer — what the question was
// read as, the matching facts with their verdicts, or the candidates when
// the question names more than one product version.
//
// Invariants:
//   - the text is read by package product with the same phrasebooks the
//     compiler uses, so a question means what the same words mean in the
//     document;
//   - no guess: a question that names several product versions, or only a
//     number several products have, is ambiguous and lists its candidates;
//     one that names nothing is an error; a product version the matrix does
//     not list is "not listed", never the nearest one (which are offered
//     as Nearest);
//   - pure and safe for concurrent use once built.
//
// # Matching
//
// A fact matches when its product and version are the question's. Service
// packs: a fact of the same service pack matches first; else one that
// says "supported SPs" or "latest SP"; else, for a question with a service
// pack or update ("SQL 2014 SP2", "Exchange 2013 CU23"), the release's
// listing without one (Answer notes it); a question without one, where the
// matrix lists the release only with service packs, matches those. An
// edition in the question excludes facts that list other editions only.
//
// # Verdicts
//
// yes (supported), conditional (supported with the condition kept),
// no (unsupported), unknown (the matrix's value was not understood), and
// not-listed. An Answer's verdict is the best over its results (yes,
// conditional, no, unknown, not-listed): name the release and the target
// for the answer of one cell.
package query

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	json "github.com/go-json-experiment/json"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
	"github.com/mabs-matrix/matrixdoc/build/phrase"
	"github.com/mabs-matrix/matrixdoc/build/product"
)

// Verdict is the answer of one fact, or of a whole question.
type Verdict string

// Verdicts, best first.
const (
	Yes         Verdict = "yes"
	Conditional Verdict = "conditional"
	No          Verdict = "no"
	Unknown     Verdict = "unknown"
	NotListed   Verdict = "not-listed"
)

// Verdicts lists every Verdict, best first.
var Verdicts = []Verdict{Yes, Conditional, No, Unknown, NotListed}

func verdictOf(status string) Verdict {
	switch matrix.Status(status) {
	case matrix.StatusSupported:
		return Yes
	case matrix.StatusConditional:
		return Conditional
	case matrix.StatusUnsupported:
		return No
	}
	return Unknown
}

// better reports whether a is a better answer than b.
func better(a, b Verdict) bool { return slices.Index(Verdicts, a) < slices.Index(Verdicts, b) }

// Index is a matrix ready to be asked.
type Index struct {
	m      *matrix.Model
	books  *phrase.Set
	langs  map[string]*phrase.Lang
	rows   map[string]int       // row id → index in m.Rows
	facts  map[pv][]int         // product and version → indexes in m.Facts, in order
	listed map[string][]Version // product → distinct versions listed, in order
	names  map[string]matrix.L  // workload names
	labels map[string]matrix.L  // target labels

	mu        sync.Mutex
	byProduct map[string]map[string]bool // product → workloads naming it, filled on demand
}

// pv is a product and a version, the key facts are found by.
type pv struct{ product, version string }

// Load reads a matrix.json. A document of another major schema version is
// refused: its fields may mean other things; fields it does not know (a
// later minor version's) are ignored. It decodes with go-json-experiment
// (encoding/json/v2 to be), two to three times faster than encoding/json
// on the 50 MB of a 10,000-row matrix.
func Load(r io.Reader) (*Index, error) {
	var m matrix.Model
	if err := json.UnmarshalRead(r, &m); err != nil {
		return nil, fmt.Errorf("not a matrix.json: %w", err)
	}
	major, _, _ := strings.Cut(m.SchemaVersion, ".")
	want, _, _ := strings.Cut(matrix.SchemaVersion, ".")
	if major != want {
		return nil, fmt.Errorf("matrix.json has schema version %q; this program reads %s.x", m.SchemaVersion, want)
	}
	if len(m.Locales) == 0 {
		return nil, fmt.Errorf("matrix.json names no locales")
	}
	return New(&m), nil
}

// New indexes a compiled model. The model must not change afterwards.
func New(m *matrix.Model) *Index {
	ix := &Index{m: m, books: matrix.Phrasebooks(), langs: map[string]*phrase.Lang{},
		rows: map[string]int{}, facts: map[pv][]int{}, listed: map[string][]Version{},
		names: map[string]matrix.L{}, labels: map[string]matrix.L{}}
	for i := range m.Rows {
		ix.rows[m.Rows[i].ID] = i
	}
	// A version's variants (its qualifier lists) are few: a look among
	// them is cheaper than a key string per fact.
	variants := map[pv][][]string{}
	for i := range m.Facts {
		f := &m.Facts[i]
		k := pv{f.Product, f.Version}
		if vs := variants[k]; !slices.ContainsFunc(vs, func(q []string) bool { return slices.Equal(q, f.Qualifiers) }) {
			variants[k] = append(vs, f.Qualifiers)
			ix.listed[f.Product] = append(ix.listed[f.Product], Version{Product: f.Product, Version: f.Version, Qualifiers: f.Qualifiers})
		}
		ix.facts[k] = append(ix.facts[k], i)
	}
	for _, w := range m.Workloads {
		ix.names[w.ID] = w.Name
	}
	for _, t := range m.Vocabularies.Targets {
		ix.labels[t.ID] = t.Label
	}
	for _, loc := range append(slices.Clone(m.Locales), "nl", "en") {
		if ix.langs[loc] == nil {
			ix.langs[loc] = ix.books.For(loc, "")
		}
	}
	return ix
}

// Model is the indexed model (read only).
func (ix *Index) Model() *matrix.Model { return ix.m }

// Question is what is asked.
type Question struct {
	// Text names the product version: free text or "product-id version".
	Text string
	// Server is a release id ("v2"); "" asks about every release.
	Server string
	// Target is an installation: a target id or words ("vmware"); "" asks
	// about every installation.
	Target string
	// Lang is the language of Text's words and of the answer's texts: a
	// locale of the matrix ("nl", "en"); "" is its default locale.
	Lang string
	// Workload limits the answer to one workload: an id or its name ("" all;
	// see Answer.Workload).
	Workload string
}

// Version is a product version as the question and the facts name it.
type Version struct {
	Product    string   `json:"product"`
	Version    string   `json:"version"`
	Qualifiers []string `json:"qualifiers"`
}

// String is "sql-server 2012 [SP1]".
func (v Version) String() string {
	return matrix.ProductVersion{Product: v.Product, Version: v.Version, Qualifiers: v.Qualifiers}.String()
}

// Name is how the version reads to a person: "SQL Server 2012 SP1".
func (v Version) Name() string {
	s := product.Product(v.Product).Name()
	if v.Version != "" {
		s += " " + v.Version
	}
	for _, q := range v.Qualifiers {
		s += " " + q
	}
	return s
}

// Answer is what the matrix says.
type Answer struct {
	// Query is what the question was read as (empty when ambiguous).
	Query Version `json:"query"`
	// Target and Server are the question's (ids; "" for all).
	Target string `json:"target,omitempty"`
	Server string `json:"server,omitempty"`
	// Workload is the workload the verdict is about: the question's, or,
	// when rows of several workloads match, the one the product is
	// protected as (product.PrimaryWorkload: Windows Server as one of the
	// servers, not as a Hyper-V host); results of other workloads are
	// listed but do not count.
	Workload string `json:"workload,omitempty"`
	Lang     string `json:"lang"`
	// Candidates are the product versions an ambiguous question may mean;
	// the answer is then ambiguous and holds no results.
	Candidates []Version `json:"candidates,omitempty"`
	// Verdict is the best over the results; not-listed when there are none.
	Verdict Verdict `json:"verdict"`
	// Results are the matching facts, in row, target and server order.
	Results []Result `json:"results"`
	// Notes say how the question was matched ("listed without a service
	// pack"); Ignored are words of the question that were not understood.
	Notes   []string `json:"notes,omitempty"`
	Ignored []string `json:"ignored,omitempty"`
	// Nearest are other versions of the product the matrix lists, for a
	// question whose own version it does not.
	Nearest []Version `json:"nearest,omitempty"`
}

// Counted are the results the verdict is made of: those of the answer's
// workload when it has one, else all.
func (a *Answer) Counted() []Result {
	if a.Workload == "" {
		return a.Results
	}
	var out []Result
	for _, r := range a.Results {
		if r.Workload == a.Workload {
			out = append(out, r)
		}
	}
	return out
}

// Ambiguous reports whether the question named several product versions.
func (a *Answer) Ambiguous() bool { return len(a.Candidates) > 0 }

// Result is one matching fact, with what the row says in the answer's
// language.
type Result struct {
	Version
	Target       string      `json:"target"`
	TargetLabel  string      `json:"targetLabel"`
	Server       string      `json:"server"`
	Status       string      `json:"status"`
	Verdict      Verdict     `json:"verdict"`
	Condition    matrix.Rich `json:"condition,omitempty"`
	Row          string      `json:"row"`
	Workload     string      `json:"workload"`
	WorkloadName string      `json:"workloadName"`
	// File and Line are the source of the row in the answer's language.
	File    string        `json:"file"`
	Line    int           `json:"line"`
	Protect []matrix.Rich `json:"protect"`
	Recover []matrix.Rich `json:"recover"`
}

// UsageError is a question that cannot be asked: an unknown release or
// target, no text, or a text that names no product.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

func usage(format string, args ...any) error { return &UsageError{fmt.Sprintf(format, args...)} }
