package matrix

import (
	"fmt"
	"strings"

	"github.com/mabs-matrix/matrixdoc/build/diag"
	"github.com/mabs-matrix/matrixdoc/build/phrase"
	"github.com/mabs-matrix/matrixdoc/build/product"
)

// Product versions: every version entry of a row read into {product,
// version, qualifiers} by package product. This file holds the model's
// side of it: the type, the call compileRow makes, which locale a row's
// list comes from, and the cross-language check.

// ProductVersion is one product version a row's version cell names.
type ProductVersion struct {
	// Product is a product id (product.Products); "unknown" for an entry
	// nothing was understood of (always a warning; read its text in
	// versions[locale][entry]).
	Product string `json:"product"`
	// Version is as the product names it ("2012 R2", "8.1", "6.5"); "" when
	// the entry names the product without a version, or for unknown.
	Version string `json:"version"`
	// Qualifiers are normalized, language-independent (product.Qualifier):
	// "SP1", "Datacenter", "not Nano Server", … ; [] when none.
	Qualifiers []string `json:"qualifiers"`
	// Entry is the index of the version entry (line of the cell) it was
	// read from, in versions[locale].
	Entry int `json:"entry"`
}

// String is "windows-server 2012 R2 [SP1, Datacenter]".
func (p ProductVersion) String() string {
	v := product.Version{Product: product.Product(p.Product), Version: p.Version}
	for _, q := range p.Qualifiers {
		v.Qualifiers = append(v.Qualifiers, product.Qualifier(q))
	}
	return v.String()
}

// Label is the product version as a reader names it, qualifiers aside:
// the product's brand name and its version ("SQL Server 2012",
// "Windows 8.1", "VMware vSphere 6.5"; "Linux" without a version). It is
// "" for an unknown product: its text is the entry as written.
func (p ProductVersion) Label() string {
	pr := product.Product(p.Product)
	if pr == product.Unknown || !pr.Known() {
		return ""
	}
	if p.Version == "" {
		return pr.Name()
	}
	return pr.Name() + " " + p.Version
}

// locProducts is what one locale's version cell says.
type locProducts struct {
	List []ProductVersion
	// OK is false when some text of the cell was not understood (already
	// warned): the cross-language check then has nothing sure to compare.
	OK bool
}

// parseProducts reads every version entry of a version cell. twins are
// the entries' English originals when the file carries machine-translation
// twins (nil otherwise; used only when there is one per entry). Each
// unparsed span is a warning at its place; an entry nothing was understood
// of gives one unknown product version.
func parseProducts(lg *phrase.Lang, workloadID string, ct cellText, twins []string, l *diag.List) locProducts {
	lines := ct.lines()
	def := product.DefaultFor[workloadID]
	out := locProducts{List: []ProductVersion{}, OK: true}
	var shared []product.Qualifier
	for i, ln := range lines {
		text := ln.text()
		twin := ""
		if len(twins) == len(lines) {
			twin = twins[i]
		}
		r := product.Parse(lg, text, twin, def)
		if len(r.Versions) == 0 && len(r.Shared) == 0 {
			out.OK = false
			l.Warnf(ln.pos(0), "unknown-version", "version entry %q not understood: product unknown (kept as written)", text)
			out.List = append(out.List, ProductVersion{Product: string(product.Unknown), Qualifiers: []string{}, Entry: i})
			continue
		}
		for _, u := range r.Unparsed {
			out.OK = false
			l.Warnf(ln.pos(u.Start), "unknown-version", "version entry %q: %q not understood (kept as written)", text, text[u.Start:u.End])
		}
		for _, v := range r.Versions {
			out.List = append(out.List, productVersion(v, i))
		}
		shared = append(shared, r.Shared...)
	}
	if len(shared) > 0 {
		for i := range out.List {
			if out.List[i].Product == string(product.Unknown) {
				continue
			}
			v := product.Version{}
			for _, q := range out.List[i].Qualifiers {
				v.Qualifiers = append(v.Qualifiers, product.Qualifier(q))
			}
			out.List[i].Qualifiers = qualStrings(product.WithQualifiers(v, shared...).Qualifiers)
		}
	}
	return out
}

func productVersion(v product.Version, entry int) ProductVersion {
	return ProductVersion{Product: string(v.Product), Version: v.Version, Qualifiers: qualStrings(v.Qualifiers), Entry: entry}
}

func qualStrings(qs []product.Qualifier) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = string(q)
	}
	return out
}

// productsFor is a row's product versions: the English document's when
// there is one (it is the original the others were translated from), else
// the default locale's.
func productsFor(docs []*locDoc, by map[string]*locRow) []ProductVersion {
	r := by["en"]
	if r == nil {
		r = by[docs[0].Locale]
	}
	if r == nil || r.Products.List == nil {
		return []ProductVersion{}
	}
	return r.Products.List
}

// checkProducts warns when two locales' rows name different product
// versions (machine translation drops words: "VMM 2012 SP1, R2" for "VMM
// 2012, SP1, R2"). Rows with text not understood are not compared: that
// text is already a warning, and a list read from part of a cell proves
// nothing.
func checkProducts(l *diag.List, a, b *locRow) {
	if !a.Products.OK || !b.Products.OK {
		return
	}
	sa, sb := productKey(a.Products.List), productKey(b.Products.List)
	if sa == sb {
		return
	}
	pos := b.Pos
	if pos.File == "" {
		pos = a.Pos
	}
	l.Warnf(pos, "locale-mismatch-products", "%s and %s disagree on the product versions: %q vs %q",
		lineOf(a.Pos), lineOf(b.Pos), sa, sb)
	(*l)[len(*l)-1].Related = []diag.Position{a.Pos}
}

// productKey is a row's product versions as one comparable text.
func productKey(ps []ProductVersion) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = p.String()
	}
	return strings.Join(s, "; ")
}

// productsSchema is the JSON Schema of a row's products.
func productsSchema() obj {
	pv := object("One product version a version entry names (package product).", obj{
		"product": obj{"type": "string", "enum": strEnum(product.Products),
			"description": "Product id; unknown for an entry the compiler did not understand (read versions[locale][entry])."},
		"version":    str("The version as the product names it (\"2012 R2\", \"8.1\", \"6.5\"); \"\" when the entry names no version."),
		"qualifiers": obj{"type": "array", "items": qualifierSchema(), "description": "Normalized qualifiers: service pack, edition, installation option, …"},
		"entry":      obj{"type": "integer", "minimum": 0, "description": "Index of the version entry in versions[locale]."},
	})
	return array("The product versions of the version cell, in entry order (from the English document when there is one).", pv)
}

func qualifierSchema() obj {
	return obj{"description": "A normalized qualifier (README, \"Product versions\").", "anyOf": []any{
		obj{"type": "string", "enum": strEnum(product.Qualifiers)},
		obj{"type": "string", "pattern": product.QualifierPattern},
	}}
}

// Phrasebooks are the embedded phrasebooks, validated with the model's
// vocabularies: what a program reading matrix.json (package query) needs
// to read product versions the way the compiler does. A bad embedded book
// is a bug of this repository and panics.
func Phrasebooks() *phrase.Set {
	set, l := builtin()
	if l.HasErrors() {
		panic(fmt.Sprint(l))
	}
	return set
}
