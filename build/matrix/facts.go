package matrix

import (
	"bufio"
	"bytes"
	"errors"
	"slices"

	"github.com/mabs-matrix/matrixdoc/build/product"
)

// Facts: the matrix as answers. A row says, for its version cell, its
// installations and every server release, one support status; a fact is
// that status for one product version, one installation target and one
// release — the question an administrator asks ("can v2 protect SQL
// Server 2014 on a VMware VM?"), answered by one lookup.

// Fact is the support of one product version, installed as one target,
// in one server release, as one row states it.
type Fact struct {
	// Row is the id of the row that states it; Workload the row's workload.
	Row      string `json:"row"`
	Workload string `json:"workload"`
	// Product, Version and Qualifiers are one of the row's products.
	Product    string   `json:"product"`
	Version    string   `json:"version"`
	Qualifiers []string `json:"qualifiers"`
	// Target is an installation target of the row (a Target id).
	Target string `json:"target"`
	// Server is a server release id; Status and Condition its support.
	Server    string `json:"server"`
	Status    string `json:"status"`
	Condition LRich  `json:"condition,omitempty"`
}

// buildFacts makes the facts of the rows: per row (in order), per product
// version, per distinct installation target, per server release (in
// server order). A row whose version cell named nothing has one unknown
// product; one without installations the target unknown — so every row,
// target and release has at least one fact. Facts share their qualifier
// and condition values with the rows (the model is read-only once built).
func buildFacts(rows []Row, servers []Server) []Fact {
	n := 0
	for i := range rows {
		n += max(1, len(rows[i].Products)) * max(1, len(rows[i].Installations)) * len(servers)
	}
	out := make([]Fact, 0, n)
	unknown := []ProductVersion{{Product: string(product.Unknown), Qualifiers: []string{}}}
	for i := range rows {
		r := &rows[i]
		ps := r.Products
		if len(ps) == 0 {
			ps = unknown
		}
		var targets []string
		for _, in := range r.Installations {
			if !slices.Contains(targets, in.Target) {
				targets = append(targets, in.Target)
			}
		}
		if len(targets) == 0 {
			targets = []string{string(TargetUnknown)}
		}
		for k, p := range ps {
			if slices.ContainsFunc(ps[:k], func(q ProductVersion) bool {
				return q.Product == p.Product && q.Version == p.Version && slices.Equal(q.Qualifiers, p.Qualifiers)
			}) {
				continue // "2012" twice in one cell is one product version
			}
			for _, t := range targets {
				for _, s := range servers {
					sup := r.Support[s.ID]
					out = append(out, Fact{
						Row: r.ID, Workload: r.Workload,
						Product: p.Product, Version: p.Version, Qualifiers: p.Qualifiers,
						Target: t, Server: s.ID, Status: sup.Status, Condition: sup.Condition,
					})
				}
			}
		}
	}
	return out
}

// fact writes one fact as an object at depth d, as MarshalIndent would.
func (w *rowJSON) fact(f *Fact, d int) {
	w.field(d, true, "row")
	w.str(f.Row)
	w.field(d, false, "workload")
	w.str(f.Workload)
	w.field(d, false, "product")
	w.str(f.Product)
	w.field(d, false, "version")
	w.str(f.Version)
	w.field(d, false, "qualifiers")
	w.strs(f.Qualifiers, d+1)
	w.field(d, false, "target")
	w.str(f.Target)
	w.field(d, false, "server")
	w.str(f.Server)
	w.field(d, false, "status")
	w.str(f.Status)
	if len(f.Condition) > 0 {
		w.field(d, false, "condition")
		writeMap(w, f.Condition, d+1, w.rich)
	}
	w.end(d)
}

// writeTopArray writes n items as the value of a top-level field of an
// indented document (items two levels deep), as MarshalIndent would: null
// when nil, [] when empty.
func writeTopArray(bw *bufio.Writer, isNil bool, n int, item func(w *rowJSON, i int)) {
	switch {
	case isNil:
		bw.WriteString("null")
		return
	case n == 0:
		bw.WriteString("[]")
		return
	}
	var w rowJSON
	bw.WriteString("[\n")
	for i := range n {
		w.b = append(w.b[:0], "    "...)
		item(&w, i)
		if i < n-1 {
			w.b = append(w.b, ',')
		}
		w.b = append(w.b, '\n')
		bw.Write(w.b)
	}
	bw.WriteString("  ]")
}

// writeSpliced writes head, an indented document whose top-level fields
// named in parts hold null, with each such null replaced by what its part
// writes (in the order the fields appear).
func writeSpliced(bw *bufio.Writer, head []byte, parts []splice) error {
	for _, p := range parts {
		marker := []byte("\n  \"" + p.field + "\": null")
		at := bytes.Index(head, marker)
		if at < 0 {
			return errors.New("matrix: field " + p.field + " not found in the encoded document")
		}
		at += len(marker) - len("null")
		bw.Write(head[:at])
		p.write(bw)
		head = head[at+len("null"):]
	}
	bw.Write(head)
	return nil
}

// splice is one top-level field writeSpliced fills in.
type splice struct {
	field string
	write func(*bufio.Writer)
}

func factsSplice(facts []Fact) splice {
	return splice{"facts", func(bw *bufio.Writer) {
		writeTopArray(bw, facts == nil, len(facts), func(w *rowJSON, i int) { w.fact(&facts[i], 2) })
	}}
}

// factSchema is the JSON Schema of a fact.
func factSchema() obj {
	return object("The support of one product version, installed as one target, in one server release, as one row states it.", obj{
		"row":        obj{"type": "string", "pattern": rowIDPattern, "description": "The id of the row that states it."},
		"workload":   obj{"type": "string", "pattern": idPattern, "description": "The row's workload."},
		"product":    obj{"type": "string", "enum": strEnum(product.Products), "description": "Product id (see products)."},
		"version":    str("The version as the product names it; \"\" when the row names none."),
		"qualifiers": obj{"type": "array", "items": qualifierSchema(), "description": "Normalized qualifiers of the product version."},
		"target":     ref("target"),
		"server":     obj{"type": "string", "pattern": serverPattern, "description": "Server release id."},
		"status":     ref("status"),
		"condition":  obj{"$ref": "#/$defs/LRich", "description": "The qualifier of a conditional status, per locale, links intact."},
	}, "condition")
}
