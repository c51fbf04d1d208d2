package matrix

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/mabs-matrix/matrixdoc/build/diag"
)

// lineOf is a position reduced to file:line, for messages.
func lineOf(p diag.Position) string {
	return diag.Position{File: p.File, Line: p.Line}.String()
}

// crossCheck aligns every locale's tables and rows with the default
// locale's by index and reports each disagreement on the facts (row count,
// workload, number of versions, installation targets, support statuses) as
// an error naming both places.
func crossCheck(docs []*locDoc, l *diag.List) {
	def := docs[0]
	for _, d := range docs[1:] {
		if len(d.Tables) != len(def.Tables) {
			l.Errorf(diag.Position{File: d.Doc.Path}, "locale-mismatch",
				"%s has %d matrix tables but %s has %d", d.Doc.Path, len(d.Tables), def.Doc.Path, len(def.Tables))
		}
		for ti := 0; ti < min(len(d.Tables), len(def.Tables)); ti++ {
			a, b := def.Tables[ti], d.Tables[ti]
			if len(a.Rows) != len(b.Rows) {
				mismatch(l, a.Pos, b.Pos, "the number of table rows", fmt.Sprint(len(a.Rows)), fmt.Sprint(len(b.Rows)))
			}
			for ri := 0; ri < min(len(a.Rows), len(b.Rows)); ri++ {
				checkRow(l, &a.Rows[ri], &b.Rows[ri])
			}
		}
	}
}

func checkRow(l *diag.List, a, b *locRow) {
	if a.WorkloadID != "" && b.WorkloadID != "" && a.WorkloadID != b.WorkloadID {
		mismatch(l, a.Pos, b.Pos, "the workload", a.WorkloadID, b.WorkloadID)
	}
	if len(a.Versions) != len(b.Versions) {
		mismatch(l, a.Pos, b.Pos, "the number of versions", fmt.Sprint(len(a.Versions)), fmt.Sprint(len(b.Versions)))
	}
	checkProducts(l, a, b)
	// What a locale does not understand (unknown, already reported) is no
	// disagreement: only known facts are compared.
	if ta, tb := targetsOf(a), targetsOf(b); !slices.EqualFunc(ta, tb, func(x, y string) bool {
		return x == y || x == string(TargetUnknown) || y == string(TargetUnknown)
	}) {
		mismatch(l, a.Pos, b.Pos, "the installation targets", strings.Join(ta, ", "), strings.Join(tb, ", "))
	}
	ids := make([]string, 0, len(a.Support)+len(b.Support))
	for id := range a.Support {
		ids = append(ids, id)
	}
	for id := range b.Support {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range slices.Compact(ids) {
		sa, sb := a.Support[id].Status, b.Support[id].Status
		if sa != sb && sa != StatusUnknown && sb != StatusUnknown {
			mismatch(l, a.Support[id].Pos, b.Support[id].Pos, "the support status in "+id, orNone(sa), orNone(sb))
		}
	}
}

func orNone(s Status) string {
	if s == "" {
		return "(no column)"
	}
	return string(s)
}

// mismatch reports a cross-language disagreement at the other locale's
// place, with the default locale's place as Related.
func mismatch(l *diag.List, def, other diag.Position, what, a, b string) {
	if other.File == "" {
		other = def
	}
	l.Errorf(other, "locale-mismatch", "%s and %s disagree on %s: %q vs %q",
		lineOf(def), lineOf(other), what, a, b)
	(*l)[len(*l)-1].Related = []diag.Position{def}
}

func targetsOf(r *locRow) []string {
	out := make([]string, len(r.Installs))
	for i, in := range r.Installs {
		out[i] = string(in.Target)
	}
	return out
}

// buildRows merges the aligned rows of every locale into model rows and
// groups them into workloads, both in source order.
func buildRows(docs []*locDoc, servers []Server, l *diag.List) ([]Row, []Workload) {
	def := docs[0]
	rows := []Row{}
	var raws []map[string]*locRow
	var wls []Workload
	wIndex := map[string]int{}
	byBase := map[string][]int{} // base id → indexes of the rows that have it
	// sameAs maps a row's base id and cell texts (rawKey) to the first row
	// holding them; only rows whose base id collides are keyed, so that
	// comparing a row with every earlier row of its id, quadratic in
	// rows of one id, is one lookup.
	sameAs := map[string]int{}
	for ti, t := range def.Tables {
		var extraHeaders []string
		for _, ci := range t.Cols {
			if ci.Kind == colUnknown {
				extraHeaders = append(extraHeaders, ci.Header)
			}
		}
		for ri := range t.Rows {
			by := map[string]*locRow{}
			for _, d := range docs {
				if ti < len(d.Tables) && ri < len(d.Tables[ti].Rows) {
					by[d.Locale] = &d.Tables[ti].Rows[ri]
				}
			}
			row := mergeRow(docs, by, servers, extraHeaders)
			row.Section = t.Section
			dr := by[def.Locale]
			row.Workload = workloadFor(docs, by)
			base := rowID(row.Workload, versionsForID(docs, by), row.Installations)
			row.ID = base
			if earlier := byBase[base]; len(earlier) > 0 {
				fp := raws[earlier[0]][def.Locale].Pos
				if len(earlier) == 1 {
					sameAs[rawKey(base, raws[earlier[0]])] = earlier[0]
				}
				k := rawKey(base, by)
				same, found := sameAs[k]
				if !found {
					sameAs[k] = len(rows)
				}
				if found {
					fp = raws[same][def.Locale].Pos
					l.Errorf(dr.Pos, "duplicate-row", "duplicate row: identical in every cell to the row at %s", lineOf(fp))
				} else {
					l.Warnf(dr.Pos, "duplicate-row-id",
						"row has the same workload, version and installations as the row at %s but different content; its id is %q",
						lineOf(fp), fmt.Sprintf("%s-%d", base, len(earlier)+1))
				}
				row.ID = fmt.Sprintf("%s-%d", base, len(earlier)+1)
				(*l)[len(*l)-1].Related = []diag.Position{fp}
			}
			byBase[base] = append(byBase[base], len(rows))
			rows = append(rows, row)
			raws = append(raws, by)

			wi, ok := wIndex[row.Workload]
			if !ok {
				wi = len(wls)
				wIndex[row.Workload] = wi
				w := Workload{ID: row.Workload, Name: L{}, Rows: []string{}}
				for loc, r := range by {
					w.Name[loc] = r.Workload
				}
				wls = append(wls, w)
			}
			wls[wi].Rows = append(wls[wi].Rows, row.ID)
		}
	}
	if wls == nil {
		wls = []Workload{}
	}
	return rows, wls
}

// mergeRow builds the model row from the aligned locale rows (by holds
// the default locale's row at least).
func mergeRow(docs []*locDoc, by map[string]*locRow, servers []Server, extraHeaders []string) Row {
	dr := by[docs[0].Locale]
	row := Row{
		Line: map[string]int{}, Versions: map[string][]string{},
		Installations: []Installation{}, Support: map[string]Support{},
		Protect: LList{}, Recover: LList{}, Notes: LList{}, Capabilities: []string{},
	}
	for _, in := range dr.Installs {
		row.Installations = append(row.Installations, Installation{Target: string(in.Target), Text: L{}})
	}
	var caps capSet
	for _, d := range docs {
		r := by[d.Locale]
		if r == nil {
			continue
		}
		loc := d.Locale
		row.Line[loc] = r.Pos.Line
		row.Versions[loc] = r.Versions
		for i, in := range r.Installs {
			if i < len(row.Installations) {
				row.Installations[i].Text[loc] = in.Text
			}
		}
		row.Protect[loc] = nonNil(r.Prot.Protect)
		row.Recover[loc] = nonNil(r.Prot.Recover)
		row.Notes[loc] = nonNil(r.Prot.Notes)
		caps |= r.Caps
		// The extra cells of unknown columns are keyed by the default
		// locale's header of the same column; cells beyond the header by
		// their place ("cell 7").
		unknownCol := 0
		for _, e := range r.Extra {
			key := e.Key
			if !e.Beyond {
				if unknownCol < len(extraHeaders) {
					key = extraHeaders[unknownCol]
				}
				unknownCol++
			}
			if row.Extra == nil {
				row.Extra = map[string]LRich{}
			}
			if row.Extra[key] == nil {
				row.Extra[key] = LRich{}
			}
			row.Extra[key][loc] = e.Text
		}
	}
	row.Products = productsFor(docs, by)
	for _, s := range servers {
		sup := Support{Status: string(StatusUnknown)}
		if cs, ok := dr.Support[s.ID]; ok {
			sup.Status = string(cs.Status)
		}
		for _, d := range docs {
			if r := by[d.Locale]; r != nil && r.Support[s.ID].Condition != nil {
				if sup.Condition == nil {
					sup.Condition = LRich{}
				}
				sup.Condition[d.Locale] = r.Support[s.ID].Condition
			}
		}
		row.Support[s.ID] = sup
	}
	for i, c := range Capabilities {
		if caps&(1<<i) != 0 {
			row.Capabilities = append(row.Capabilities, string(c))
		}
	}
	return row
}

func nonNil(r []Rich) []Rich {
	if r == nil {
		return []Rich{}
	}
	return r
}

// workloadFor is the row's workload id: from the known table in any locale,
// else a slug of the English name (if there is an English document), else
// of the default locale's.
func workloadFor(docs []*locDoc, by map[string]*locRow) string {
	for _, d := range docs {
		if r := by[d.Locale]; r != nil && r.WorkloadID != "" {
			return r.WorkloadID
		}
	}
	name := by[docs[0].Locale].Workload
	if r := by["en"]; r != nil {
		name = r.Workload
	}
	if s := slug(name); s != "" {
		return s
	}
	return "workload"
}

// versionsForID are the versions the row id is made from: English when
// present, else the English original of the default locale's when its file
// carries machine-translation twins, else the default locale's.
func versionsForID(docs []*locDoc, by map[string]*locRow) []string {
	if r := by["en"]; r != nil {
		return r.Versions
	}
	if d := by[docs[0].Locale]; d.VersionsTwin != nil {
		return d.VersionsTwin
	}
	return by[docs[0].Locale].Versions
}

// rowID is "<workload>--<version slug>--<targets joined by ->".
func rowID(workload string, versions []string, ins []Installation) string {
	v := slug(strings.Join(versions, " "))
	if v == "" {
		v = "all"
	}
	ts := make([]string, len(ins))
	for i, in := range ins {
		ts[i] = in.Target
	}
	t := strings.Join(ts, "-")
	if t == "" {
		t = "none"
	}
	return workload + "--" + v + "--" + t
}

// rawKey is the base id and the text of every cell of every locale of a
// row, each length-prefixed: two rows of one id have the same key exactly
// when they hold the same text in every cell of every locale.
func rawKey(base string, by map[string]*locRow) string {
	locs := make([]string, 0, len(by))
	for loc := range by {
		locs = append(locs, loc)
	}
	slices.Sort(locs)
	var b strings.Builder
	part := func(s string) {
		b.WriteString(strconv.Itoa(len(s)))
		b.WriteByte(':')
		b.WriteString(s)
	}
	part(base)
	for _, loc := range locs {
		r := by[loc]
		part(loc)
		part(strconv.Itoa(r.nCols))
		for i := range r.nCols {
			part(r.rawText(i))
		}
	}
	return b.String()
}
