package query

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
	"github.com/mabs-matrix/matrixdoc/build/phrase"
	"github.com/mabs-matrix/matrixdoc/build/product"
)

// shorthand.yaml is the words administrators type for an installation
// ("physical", "hv", "esxi"), on top of the phrasebooks' installation
// phrases: data, so it grows without Go.
//
//go:embed shorthand.yaml
var shorthandYAML []byte

var shorthand = sync.OnceValues(func() (map[string]string, error) {
	var doc struct {
		Targets map[string][]string `yaml:"targets"`
	}
	if err := yaml.Unmarshal(shorthandYAML, &doc); err != nil {
		return nil, fmt.Errorf("build/query/shorthand.yaml: %w", err)
	}
	out := map[string]string{}
	for id, words := range doc.Targets {
		if !slices.Contains(matrix.Targets, matrix.Target(id)) {
			return nil, fmt.Errorf("build/query/shorthand.yaml: unknown target %q", id)
		}
		for _, w := range words {
			n := phrase.Norm(w)
			if o, dup := out[n]; dup && o != id {
				return nil, fmt.Errorf("build/query/shorthand.yaml: %q is under %s and %s", w, o, id)
			}
			out[n] = id
		}
	}
	return out, nil
})

// lang is the phrasebooks of a question's language.
func (ix *Index) lang(loc string) *phrase.Lang {
	if lg := ix.langs[loc]; lg != nil {
		return lg
	}
	return ix.langs[ix.m.DefaultLocale]
}

// ResolveTarget reads an installation as a target id: the id itself, an
// administrator's shorthand ("physical", "vmware"), or an installation
// phrase of the language's phrasebook ("Hyper-V virtual machine").
func (ix *Index) ResolveTarget(text, loc string) (string, error) {
	n := phrase.Norm(text)
	if n == "" {
		return "", nil
	}
	for _, t := range matrix.Targets {
		if n == string(t) {
			return n, nil
		}
	}
	sh, err := shorthand()
	if err != nil {
		return "", err
	}
	if id, ok := sh[n]; ok {
		return id, nil
	}
	if id, _, _, ok := ix.lang(loc).Target(n); ok {
		return id, nil
	}
	ids := make([]string, 0, len(matrix.Targets))
	for _, t := range matrix.Targets {
		if t != matrix.TargetUnknown {
			ids = append(ids, string(t))
		}
	}
	return "", usage("unknown installation %q (want one of %s, or words like physical, hyper-v vm, vmware)", text, strings.Join(ids, ", "))
}

// Ask answers one question. The error is a *UsageError when the question
// cannot be asked (see UsageError).
func (ix *Index) Ask(q Question) (*Answer, error) {
	loc := q.Lang
	if loc == "" {
		loc = ix.m.DefaultLocale
	}
	if !slices.Contains(ix.m.Locales, loc) {
		return nil, usage("unknown language %q (the matrix has %s)", q.Lang, strings.Join(ix.m.Locales, ", "))
	}
	a := &Answer{Lang: loc, Server: q.Server, Results: []Result{}}
	if q.Server != "" && !slices.ContainsFunc(ix.m.Servers, func(s matrix.Server) bool { return s.ID == q.Server }) {
		ids := make([]string, len(ix.m.Servers))
		for i, s := range ix.m.Servers {
			ids[i] = s.ID
		}
		return nil, usage("unknown server release %q (the matrix has %s)", q.Server, strings.Join(ids, ", "))
	}
	target, err := ix.ResolveTarget(q.Target, loc)
	if err != nil {
		return nil, err
	}
	a.Target = target
	if q.Workload != "" {
		if a.Workload, err = ix.resolveWorkload(q.Workload, loc); err != nil {
			return nil, err
		}
	}
	v, err := ix.read(q.Text, loc, a)
	if err != nil {
		return nil, err
	}
	if a.Ambiguous() {
		return a, nil
	}
	a.Query = v
	ix.match(a, v)
	return a, nil
}

// read reads the question's text as one product version, or fills the
// answer's candidates.
func (ix *Index) read(text, loc string, a *Answer) (Version, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return Version{}, usage("name a product and version, for example \"sql 2014\" or \"sql-server 2014\"")
	}
	lg := ix.lang(loc)
	var r product.Result
	// "sql-server 2014": a product id, then its version.
	if id, rest, _ := strings.Cut(text, " "); product.Product(id).Known() && id != string(product.Unknown) {
		r = product.Parse(lg, rest, "", product.Product(id))
		if len(r.Versions) == 0 && strings.TrimSpace(rest) == "" {
			r.Versions = []product.Version{{Product: product.Product(id)}}
		}
		text = rest
	} else {
		r = product.Parse(lg, text, "", "")
	}
	for _, u := range r.Unparsed {
		span := text[u.Start:u.End]
		if a.Target == "" { // "sql 2014 op fysieke server"
			if t := ix.targetIn(span, loc); t != "" {
				a.Target = t
				continue
			}
		}
		a.Ignored = append(a.Ignored, span)
	}
	var vs []Version
	for _, pv := range r.Versions {
		v := Version{Product: string(pv.Product), Version: pv.Version, Qualifiers: []string{}}
		for _, q := range pv.Qualifiers {
			// "windows server 2016 hyper-v": the installation, when the
			// question names none.
			if t, ok := guestTarget[q]; ok && a.Target == "" {
				a.Target = t
				continue
			}
			v.Qualifiers = append(v.Qualifiers, string(q))
		}
		vs = append(vs, v)
	}
	// "sql 2014 vmware": VMware named without a version next to another
	// product's version is where it runs.
	if len(vs) > 1 && a.Target == "" {
		if i := slices.IndexFunc(vs, func(v Version) bool { return v.Product == string(product.VMwareVSphere) && v.Version == "" }); i >= 0 {
			vs = slices.Delete(vs, i, i+1)
			a.Target = string(matrix.TargetVMwareVM)
		}
	}
	if len(vs) == 0 {
		// A bare version ("2012 r2"): every product that lists it.
		for _, p := range product.Products {
			if p == product.Unknown {
				continue
			}
			rp := product.Parse(lg, text, "", p)
			if len(rp.Versions) == 1 && rp.OK() {
				v := Version{Product: string(p), Version: rp.Versions[0].Version, Qualifiers: []string{}}
				for _, q := range rp.Versions[0].Qualifiers {
					v.Qualifiers = append(v.Qualifiers, string(q))
				}
				if ix.lists(v.Product, v.Version) {
					vs = append(vs, v)
				}
			}
		}
		a.Ignored = nil
		switch len(vs) {
		case 0:
			return Version{}, usage("%q names no product version this matrix knows (try \"sql 2014\", \"windows server 2012 r2\" or \"sql-server 2014\")", text)
		case 1:
			return vs[0], nil
		}
		a.Candidates = vs
		return Version{}, nil
	}
	if len(vs) > 1 {
		a.Candidates = vs
		return Version{}, nil
	}
	v := vs[0]
	if v.Version == "" {
		// A product without a version: ambiguous unless the matrix lists
		// it once (or only without a version, as Linux).
		var versions []Version
		for _, l := range ix.listed[v.Product] {
			if !slices.ContainsFunc(versions, func(x Version) bool { return x.Version == l.Version }) {
				versions = append(versions, Version{Product: l.Product, Version: l.Version, Qualifiers: []string{}})
			}
		}
		if len(versions) > 1 {
			a.Candidates = versions
			return Version{}, nil
		}
		if len(versions) == 1 {
			v.Version = versions[0].Version
		}
	}
	return v, nil
}

// lists reports whether the matrix lists a version of a product.
func (ix *Index) lists(p, version string) bool {
	return slices.ContainsFunc(ix.listed[p], func(v Version) bool { return v.Version == version })
}

// servicePack is a version's service pack (0: none) and whether it says
// "supported SPs" / "latest SP" or names an update (CU).
func servicing(qs []string) (sp int, any bool, update bool) {
	for _, q := range qs {
		pq := product.Qualifier(q)
		switch {
		case pq.ServicePack() > 0:
			sp = pq.ServicePack()
		case pq == product.SupportedSPs || pq == product.LatestSP:
			any = true
		case pq.IsServicing():
			update = true
		}
	}
	return
}

func editions(qs []string) []string {
	var out []string
	for _, q := range qs {
		if product.Qualifier(q).IsEdition() {
			out = append(out, q)
		}
	}
	return out
}

// match fills the answer's results: the facts of the question's product
// version, by the tiers of the package doc, then its target and server.
func (ix *Index) match(a *Answer, v Version) {
	qsp, _, qupdate := servicing(v.Qualifiers)
	qed := editions(v.Qualifiers)
	// Tier of a fact: 0 exact service pack, 1 all supported SPs, 2 the
	// release without a service pack for a question with one, 3 a service
	// pack for a question without; -1 no match.
	tier := func(f *matrix.Fact) int {
		if f.Version != v.Version {
			return -1
		}
		if ed := editions(f.Qualifiers); len(qed) > 0 && len(ed) > 0 && !slices.ContainsFunc(qed, func(e string) bool { return slices.Contains(ed, e) }) {
			return -1
		}
		fsp, fany, _ := servicing(f.Qualifiers)
		switch {
		case fsp == qsp:
			return 0
		case fany && fsp == 0:
			return 1
		case qsp > 0 && fsp == 0:
			return 2
		case qsp == 0 && fsp > 0:
			return 3
		}
		return -1
	}
	best := 99
	var hits []int
	for _, i := range ix.facts[pv{v.Product, v.Version}] {
		f := &ix.m.Facts[i]
		t := tier(f)
		if t < 0 || a.Target != "" && f.Target != a.Target || a.Server != "" && f.Server != a.Server {
			continue
		}
		if t < best {
			best, hits = t, hits[:0]
		}
		if t == best {
			hits = append(hits, i)
		}
	}
	switch best {
	case 1:
		a.Notes = append(a.Notes, "listed with its supported service packs")
	case 2:
		a.Notes = append(a.Notes, "the matrix lists this release without a service pack")
	case 3:
		a.Notes = append(a.Notes, "the matrix lists this release only with the service packs shown")
	}
	if qupdate && best < 99 {
		a.Notes = append(a.Notes, "updates (CU) are not listed separately; the release's listing applies")
	}
	if a.Workload != "" {
		hits = slices.DeleteFunc(hits, func(i int) bool { return ix.m.Facts[i].Workload != a.Workload })
	} else if p, ws := product.PrimaryWorkload[product.Product(v.Product)], ix.workloads(v.Product); ws[p] && len(ws) > 1 {
		// Rows of several workloads name the product: the answer is about
		// the one it is protected as, wherever the others list it.
		a.Workload = p
	}
	a.Verdict = NotListed
	for _, i := range hits {
		r := ix.result(&ix.m.Facts[i], a.Lang)
		if (a.Workload == "" || r.Workload == a.Workload) && better(r.Verdict, a.Verdict) {
			a.Verdict = r.Verdict
		}
		a.Results = append(a.Results, r)
	}
	// The verdict's workload first; the others after, as they are only
	// also listed.
	slices.SortStableFunc(a.Results, func(x, y Result) int {
		return boolInt(x.Workload != a.Workload && a.Workload != "") - boolInt(y.Workload != a.Workload && a.Workload != "")
	})
	if a.Verdict == NotListed && len(hits) > 0 {
		var others []string
		for _, r := range a.Results {
			if !slices.Contains(others, r.Workload) {
				others = append(others, r.Workload)
			}
		}
		a.Notes = append(a.Notes, "not listed as "+a.Workload+"; listed as "+strings.Join(others, ", "))
	}
	if len(hits) == 0 {
		for _, l := range ix.listed[v.Product] {
			if l.Version != v.Version || a.Target != "" || a.Server != "" {
				a.Nearest = append(a.Nearest, l)
			}
		}
		if a.Target != "" && ix.lists(v.Product, v.Version) {
			a.Notes = append(a.Notes, "listed, but not for this installation")
		}
	}
}

func (ix *Index) result(f *matrix.Fact, loc string) Result {
	row := &ix.m.Rows[ix.rows[f.Row]]
	r := Result{
		Version: Version{Product: f.Product, Version: f.Version, Qualifiers: f.Qualifiers},
		Target:  f.Target, TargetLabel: ix.labels[f.Target][loc], Server: f.Server,
		Status: f.Status, Verdict: verdictOf(f.Status), Condition: f.Condition[loc],
		Row: f.Row, Workload: f.Workload, WorkloadName: ix.names[f.Workload][loc],
		Line: row.Line[loc], Protect: row.Protect[loc], Recover: row.Recover[loc],
	}
	if _, ok := row.Line[loc]; !ok { // a row only another locale has
		r.Line = row.Line[ix.m.DefaultLocale]
		loc = ix.m.DefaultLocale
	}
	for _, file := range ix.m.Source.Files {
		if file.Locale == loc {
			r.File = file.Path
		}
	}
	return r
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// resolveWorkload reads a workload as an id or by its name in the
// phrasebooks.
func (ix *Index) resolveWorkload(text, loc string) (string, error) {
	n := phrase.Norm(text)
	ids := make([]string, len(ix.m.Workloads))
	for i, w := range ix.m.Workloads {
		ids[i] = w.ID
		if n == w.ID || n == phrase.Norm(w.Name[loc]) {
			return w.ID, nil
		}
	}
	if id, _, ok := ix.lang(loc).Workload(n); ok && slices.Contains(ids, id) {
		return id, nil
	}
	return "", usage("unknown workload %q (the matrix has %s)", text, strings.Join(ids, ", "))
}

// workloads are the workloads whose rows name a product (computed once
// per product).
func (ix *Index) workloads(p string) map[string]bool {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if w, ok := ix.byProduct[p]; ok {
		return w
	}
	w := map[string]bool{}
	for _, v := range ix.listed[p] {
		for _, i := range ix.facts[pv{v.Product, v.Version}] {
			w[ix.m.Facts[i].Workload] = true
		}
	}
	if ix.byProduct == nil {
		ix.byProduct = map[string]map[string]bool{}
	}
	ix.byProduct[p] = w
	return w
}

// guestTarget is the installation a guest qualifier of a question means.
var guestTarget = map[product.Qualifier]string{
	product.HyperVGuest: string(matrix.TargetHyperVVM), product.VMwareGuest: string(matrix.TargetVMwareVM),
	product.AzureStackGuest: string(matrix.TargetAzureStack),
}

// targetIn reads words of a question that are not a product version as an
// installation ("on physical", "op fysieke server"): the whole span, or
// the span without its first word (the preposition).
func (ix *Index) targetIn(span, loc string) string {
	if t, err := ix.ResolveTarget(span, loc); err == nil {
		return t
	}
	if _, rest, ok := strings.Cut(strings.TrimSpace(span), " "); ok {
		if t, err := ix.ResolveTarget(rest, loc); err == nil {
			return t
		}
	}
	return ""
}
