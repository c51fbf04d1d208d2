package product

import (
	"slices"
	"strconv"
	"strings"

	"github.com/mabs-matrix/matrixdoc/build/phrase"
)

// Parse reads one version entry as written, text, in the language lg. twin
// is the entry's English original when the file carries machine-translation
// twins ("" otherwise): when it is understood in full it is preferred, as
// machine translation drops and reorders words. An entry that names no
// product is read as naming def ("" for none: its bare versions stay
// unparsed).
func Parse(lg *phrase.Lang, text, twin string, def Product) Result {
	d := dictsFor(lg)
	if strings.TrimSpace(twin) != "" {
		if rw := parse(d.english, twin, def); rw.OK() && (len(rw.Versions) > 0 || len(rw.Shared) > 0) {
			out := Result{Versions: rw.Versions, Shared: rw.Shared, FromTwin: true}
			if s, e := trimmed(text); s < e {
				out.Parsed = []Range{{s, e}}
			}
			return out
		}
	}
	return parse(d.all, text, def)
}

func trimmed(s string) (int, int) {
	start := len(s) - len(strings.TrimLeft(s, " \t\r\n\f\v\u00a0"))
	end := len(strings.TrimRight(s, " \t\r\n\f\v\u00a0"))
	return start, max(start, end)
}

// parser reads the tokens of one entry into product versions.
type parser struct {
	toks []token
	used []bool
	def  Product
	res  Result
	sc   *scratch

	prod      Product // the product versions are of now ("" none yet)
	family    bool    // prod is "Windows": client or server by the number
	mention   []int   // tokens naming prod that no version has used yet
	group     []int   // indexes in res.Versions of prod's versions
	lead      []Qualifier
	pending   []Qualifier // qualifiers whose scope the next tokens decide
	pendToks  []int
	last      int    // index in res.Versions of the last version, -1 none
	base      string // the last version's number without "R2"
	adjacent  bool   // nothing but a version's own words since the last version
	afterList bool   // a list separator (",", "and", "/") since the last version
}

func parse(d *dict, text string, def Product) Result {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	p := &parser{toks: lex(d, text, sc), def: def, last: -1, sc: sc}
	p.prepare()
	for k := range p.toks {
		p.token(k)
	}
	p.closeGroup()
	if len(p.pending) > 0 { // qualifiers and no product at all
		p.res.Shared = addQuals(p.res.Shared, p.pending)
		p.usePending()
	}
	p.connectors()
	p.ranges()
	return p.res
}

// prepare merges the tokens that make one: "Service Pack 1 (SP1)" is one
// service pack, and in an entry about a guest ("running as", "guest",
// "Hyper-V") a VMware with no number after it is the hypervisor, not the
// product.
func (p *parser) prepare() {
	t := p.toks
	guest := false
	for _, tk := range t {
		guest = guest || tk.kind == tGuestWord || tk.kind == tHyper
	}
	out := t[:0] // merging only shortens: write in place
	for k := 0; k < len(t); k++ {
		tk := t[k]
		if (tk.kind == tSPWord || tk.kind == tSPs && tk.num != "sps") && k+1 < len(t) && t[k+1].kind == tNum &&
			allDigits(t[k+1].num) && len(t[k+1].num) <= 2 && t[k+1].num[0] != '0' {
			n, _ := strconv.Atoi(t[k+1].num)
			kind := tSP
			if tk.num == "cu" {
				kind = tCU
			}
			tk = token{kind: kind, start: tk.start, end: t[k+1].end, n: n}
			k++
		}
		if tk.kind == tSP && k+3 < len(t) && t[k+1].kind == tLParen && t[k+2].kind == tSP && t[k+2].n == tk.n && t[k+3].kind == tRParen {
			tk.end = t[k+3].end // "с пакетом обновления 1 (SP1)"
			k += 3
		}
		if guest && tk.kind == tProduct && tk.prod == VMwareVSphere && !(k+1 < len(t) && t[k+1].kind == tNum) {
			tk.kind, tk.qual = tHyper, VMwareGuest
		}
		out = append(out, tk)
	}
	p.toks = out
	p.used = slices.Grow(p.sc.used[:0], len(out))[:len(out)]
	clear(p.used)
	p.sc.used = p.used
}

// prevKind is the kind of the token before k (tUnknown at the start).
func (p *parser) prevKind(k int) kind {
	if k > 0 {
		return p.toks[k-1].kind
	}
	return tUnknown
}

func (p *parser) token(k int) {
	t := p.toks[k]
	switch t.kind {
	case tProduct, tWindows:
		p.product(k)
	case tNum:
		p.number(k)
	case tR:
		if v := p.res.Versions; p.last >= 0 && p.adjacent && Plausible(v[p.last].Product, v[p.last].Version+" "+t.num) {
			p.res.Versions[p.last].Version += " " + t.num
			p.used[k] = true
		} else if p.base != "" && p.afterList {
			p.newVersion(k, p.base+" "+t.num) // "VMM 2012 SP1, R2"
		}
	case tSP, tCU, tU:
		q := SP(t.n)
		switch t.kind {
		case tCU:
			q = CU(t.n)
		case tU:
			q = Update(t.n)
		}
		switch {
		case p.last >= 0 && (p.adjacent || p.prevKind(k) == tWith):
			p.qualify(p.last, q)
			p.used[k] = true
			p.adjacent = true
		case t.kind == tSP && p.base != "" && p.afterList:
			// "VMM 2012, SP1, R2": a service pack of the last number.
			n := len(p.res.Versions)
			if p.newVersion(k, p.base); len(p.res.Versions) > n {
				p.qualify(p.last, q)
			}
		}
	case tServicing:
		if p.last >= 0 {
			p.qualify(p.last, t.qual)
			p.used[k] = true
		} else {
			p.hold(k, t.qual)
		}
	case tQual:
		q := t.qual
		switch {
		case p.prevKind(k) == tNot || k > 1 && p.prevKind(k) == tDash && p.toks[k-2].kind == tNot:
			if q != NanoServer {
				return // "not" another qualifier is not in the vocabulary
			}
			q = NotNanoServer
		case p.prevKind(k) == tIncl && q == ServerCore:
			q = IncludingServerCore
		}
		p.hold(k, q)
	case tWMF:
		q := RequiresWMF
		if k+1 < len(p.toks) && p.toks[k+1].kind == tNum && isNumber(p.toks[k+1].num) && !allDigits(p.toks[k+1].num) {
			q = Qualifier(string(RequiresWMF) + " " + p.toks[k+1].num)
			p.used[k+1] = true
			p.toks[k+1].kind = tNoise // its number is the framework's, not a product version
		}
		p.hold(k, q)
	case tHyper:
		p.hold(k, t.qual)
	case tList, tComma, tSlash:
		p.adjacent = false
		p.afterList = true
	case tDash:
		p.adjacent = false
	}
}

// hold keeps a qualifier until its scope is known (see flushMid and
// closeGroup).
func (p *parser) hold(k int, q Qualifier) {
	p.pending = append(p.pending, q)
	p.pendToks = append(p.pendToks, k)
}

func (p *parser) usePending() {
	for _, k := range p.pendToks {
		p.used[k] = true
	}
	p.pending, p.pendToks = nil, nil
}

// product starts (or continues) the versions of a product.
func (p *parser) product(k int) {
	t := p.toks[k]
	prod, family := t.prod, t.kind == tWindows
	if family {
		prod = windowsFamilyID
	}
	if p.prod != "" && prod == p.prod && family == p.family {
		// The same product again: "SQL Server 2012, SQL Server 2012 with
		// SP1" is one list; several names of it ("VMware vCenter/vSphere
		// ESX/ESXi") are one mention.
		p.flushMid()
		p.mention = append(p.mention, k)
		p.adjacent, p.afterList = false, false
		return
	}
	p.closeGroup()
	p.prod, p.family = prod, family
	p.mention = []int{k}
	p.base, p.last = "", -1
	p.adjacent, p.afterList = false, false
}

// number is a version of the current product (or of the default one).
func (p *parser) number(k int) {
	t := p.toks[k]
	if p.prod == "" {
		if p.def == "" {
			return
		}
		p.prod = p.def
	}
	if v := p.res.Versions; p.last >= 0 && p.adjacent && featureUpdate(t.num) && Plausible(v[p.last].Product, v[p.last].Version+" "+t.num) {
		// "Windows 10 22H2": the feature update of the release before.
		p.res.Versions[p.last].Version += " " + t.num
		p.used[k] = true
		return
	}
	if len(p.group) > 0 && !p.afterList && len(p.mention) == 0 {
		// Nothing joins it to the version before ("Vista с пакетом
		// обновления 2" without the Russian words): not read as a version.
		return
	}
	p.newVersion(k, t.num)
}

// newVersion adds a version of the current product made from token k —
// unless the product never has such a version ("SQL Server 2"): a number
// that cannot be one stays unparsed rather than guessed.
func (p *parser) newVersion(k int, version string) {
	prod := p.prod
	if p.family {
		base, _, _ := strings.Cut(version, " ")
		prod = windowsFamily(base)
	}
	if !Plausible(prod, version) {
		return
	}
	p.flushMid()
	p.res.Versions = append(p.res.Versions, Version{Product: prod, Version: version})
	p.last = len(p.res.Versions) - 1
	p.group = append(p.group, p.last)
	for _, q := range p.lead {
		p.qualify(p.last, q)
	}
	p.used[k] = true
	for _, m := range p.mention {
		p.used[m] = true
	}
	p.mention = nil
	p.base, _, _ = strings.Cut(version, " ")
	p.adjacent, p.afterList = true, false
}

// flushMid gives the held qualifiers their scope when a version of the same
// product follows: before the product's first version they lead (every
// version of it gets them: "Licensed Version 5.5/6.0/6.5"), else they stand
// between two versions and belong to the one before.
func (p *parser) flushMid() {
	if len(p.pending) == 0 {
		return
	}
	if len(p.group) == 0 {
		p.lead = append(p.lead, p.pending...)
	} else {
		for _, q := range p.pending {
			p.qualify(p.last, q)
		}
	}
	p.usePending()
}

// closeGroup ends the current product's versions: held qualifiers trail
// them all ("2012/2012 with SP1 - Datacenter and Standard"); a product
// named without a version is one version "" ("Linux running as … guest").
func (p *parser) closeGroup() {
	if p.prod == "" {
		return // qualifiers before any product lead the next one
	}
	if len(p.group) == 0 && len(p.mention) > 0 && !p.family {
		p.res.Versions = append(p.res.Versions, Version{Product: p.prod})
		p.group = append(p.group, len(p.res.Versions)-1)
		for _, q := range p.lead {
			p.qualify(len(p.res.Versions)-1, q)
		}
		for _, m := range p.mention {
			p.used[m] = true
		}
	}
	if len(p.group) > 0 {
		for _, q := range p.pending {
			for _, i := range p.group {
				p.qualify(i, q)
			}
		}
		p.usePending()
		for _, m := range p.mention { // "System Center 2019 Virtual Machine Manager"
			p.used[m] = true
		}
	}
	p.prod, p.family, p.mention, p.group, p.lead = "", false, nil, nil, nil
	p.base, p.last = "", -1
}

func (p *parser) qualify(i int, q Qualifier) {
	p.res.Versions[i].Qualifiers = addQuals(p.res.Versions[i].Qualifiers, []Qualifier{q})
}

// addQuals adds qualifiers once each, keeping canonical order.
func addQuals(to []Qualifier, qs []Qualifier) []Qualifier {
	for _, q := range qs {
		if !slices.Contains(to, q) {
			to = append(to, q)
		}
	}
	slices.SortStableFunc(to, func(a, b Qualifier) int { return a.rank() - b.rank() })
	return to
}

// connectors decides which joining tokens were understood: one that joins
// or frames understood tokens is; "with", "not", "including" and
// "you need to install" are understood only with what follows them; a
// parenthesis whose content is not understood is not either; guest words
// only when the entry names a guest's hypervisor.
func (p *parser) connectors() {
	t := p.toks
	meaningful := func(k int) bool { return !t[k].kind.connector() }
	hasGuest := false
	for k, tk := range t {
		hasGuest = hasGuest || tk.kind == tHyper && p.used[k]
	}
	for k, tk := range t {
		if !tk.kind.connector() {
			continue
		}
		l, r := -1, -1
		for i := k - 1; i >= 0; i-- {
			if meaningful(i) {
				l = i
				break
			}
		}
		for i := k + 1; i < len(t); i++ {
			if meaningful(i) {
				r = i
				break
			}
		}
		lu, ru := l >= 0 && p.used[l], r >= 0 && p.used[r]
		switch tk.kind {
		case tWith, tNot, tIncl, tReq, tSPWord:
			p.used[k] = ru
		case tGuestWord:
			p.used[k] = hasGuest
		default:
			p.used[k] = lu || ru
		}
	}
	// A parenthesis is understood only when something inside it is.
	var stack []int
	for k, tk := range t {
		switch tk.kind {
		case tLParen:
			stack = append(stack, k)
		case tRParen:
			if len(stack) == 0 {
				continue
			}
			open := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			any := false
			for i := open + 1; i < k; i++ {
				any = any || meaningful(i) && p.used[i]
			}
			if !any {
				for i := open; i <= k; i++ {
					if !meaningful(i) || t[i].kind == tNoise {
						p.used[i] = false
					}
				}
			}
		}
	}
}

// ranges turns the tokens into the parsed and unparsed byte ranges: runs
// of tokens, understood or not, from the first token's start to the last
// one's end.
func (p *parser) ranges() {
	for k := 0; k < len(p.toks); {
		j := k
		for j+1 < len(p.toks) && p.used[j+1] == p.used[k] {
			j++
		}
		r := Range{p.toks[k].start, p.toks[j].end}
		if p.used[k] {
			p.res.Parsed = append(p.res.Parsed, r)
		} else {
			p.res.Unparsed = append(p.res.Unparsed, r)
		}
		k = j + 1
	}
}
