package matrix

import (
	"strconv"
	"strings"

	"github.com/mabs-matrix/matrixdoc/build/diag"
	"github.com/mabs-matrix/matrixdoc/build/phrase"
	"github.com/mabs-matrix/matrixdoc/build/source"
)

// column is what a table column means.
type column int

const (
	colUnknown   column = iota
	colWorkload         // the workload name
	colVersion          // the versions of the workload
	colInstall          // where MABS is installed / the workload runs
	colServer           // support in one server release (id in the header)
	colSupported        // one column listing the releases that support the row
	colProtect          // protection and recovery
)

// String names the column kind as the phrasebook does.
func (c column) String() string {
	switch c {
	case colWorkload:
		return "workload"
	case colVersion:
		return "version"
	case colInstall:
		return "installation"
	case colServer:
		return "release"
	case colSupported:
		return "supported-server"
	case colProtect:
		return "protection"
	}
	return "unknown"
}

// colInfo is the meaning of one table column.
type colInfo struct {
	Kind   column
	Server string // release id of a colServer column
	Header string // header text, white space collapsed
	Pos    diag.Position
	// Via says how the meaning was found when the header's words are in no
	// phrasebook of the language: "" (they are), "the English original",
	// "its cells" or "its place in the table".
	Via string
}

// locTable is one matrix table of one locale, normalized.
type locTable struct {
	Section string
	Pos     diag.Position
	Cols    []colInfo
	Rows    []locRow
}

// extraCell is the text of a cell the compiler does not understand: a
// column it does not know (Key is the column's header) or a cell written
// beyond the header's count (Key "cell N").
type extraCell struct {
	Key  string
	Text Rich
	// Beyond: a cell past the header's count (Key is "cell N").
	Beyond bool
}

// locRow is one table row of one locale, normalized.
type locRow struct {
	Pos        diag.Position
	Workload   string // the workload cell as written
	WorkloadID string // "" when the workload is not in the known table
	Versions   []string
	Products   locProducts
	Installs   []cellInstall
	Support    map[string]cellSupport
	Prot       protection
	Caps       capSet
	Extra      []extraCell
	// VersionsTwin are the version lines of the English original, when the
	// file carries machine-translation twins (nil otherwise).
	VersionsTwin []string
	// cells and nCols give every cell's plain text (rawText), for
	// duplicate detection; only rows whose ids collide ever need it.
	cells []source.Cell
	nCols int
	rel   *releaseCell
}

// locDoc is everything one locale contributes.
type locDoc struct {
	Locale  string
	Doc     *source.Document
	Tables  []locTable
	Servers []string          // release ids in order of first appearance
	Names   map[string]string // release id → name as written
	// Matrices marks the document's tables (by index) that are matrices;
	// the others stay in the prose where they were.
	Matrices map[int]bool
}

// docCtx is what compiling one document needs: its language's phrasebooks,
// English for machine-translation twins, and the report.
type docCtx struct {
	lg, en *phrase.Lang
	locale string
	l      *diag.List
	un     *unknowns
	caps   *capMemo
	enCaps *capMemo
}

// book names where a docs team adds an entry for this document's language.
func (dc *docCtx) book() string { return phrase.File(dc.locale) }

// headerText is a header cell's text on one line: breaks ("Azure
// Backup</br> Server v2") become spaces.
func headerText(c cellText) string {
	lines := c.lines()
	if len(lines) == 1 {
		return lines[0].text()
	}
	parts := make([]string, len(lines))
	for i, ln := range lines {
		parts[i] = ln.text()
	}
	return strings.Join(parts, " ")
}

// columnOf maps the phrasebook's column names to the compiler's.
var columnOf = map[phrase.Column]column{
	phrase.ColWorkload:        colWorkload,
	phrase.ColVersion:         colVersion,
	phrase.ColInstallation:    colInstall,
	phrase.ColSupportedServer: colSupported,
	phrase.ColProtection:      colProtect,
}

// classifyHeader says what a column means from its header text alone: a
// release token ("v2", "V3 UR1") makes it that release's support column —
// release tokens are the same in every language — unless the header's words
// say it is another column; otherwise its words in the language's books.
func classifyHeader(lg *phrase.Lang, h string) colInfo {
	n := norm(h)
	ci := colInfo{Header: h}
	id, isRel := parseRelease(n)
	if !isRel {
		if num, ok := lg.ReleaseNumber(n); ok {
			id, isRel = "v"+num, true
		}
	}
	if isRel && lg.ReleaseWord(n) {
		ci.Kind, ci.Server = colServer, id
		return ci
	}
	if c, _, ok := lg.Column(n); ok {
		ci.Kind = columnOf[c]
		return ci
	}
	if isRel {
		ci.Kind, ci.Server = colServer, id
	}
	return ci
}

// compileDoc normalizes every matrix table of one document.
func compileDoc(lg, en *phrase.Lang, locale string, doc *source.Document, l *diag.List) *locDoc {
	ld := &locDoc{Locale: locale, Doc: doc, Names: map[string]string{}, Matrices: map[int]bool{}}
	dc := &docCtx{
		lg: lg, en: en, locale: locale, l: l, un: newUnknowns(l),
		caps: &capMemo{lang: lg, sets: map[string]capSet{}}, enCaps: &capMemo{lang: en, sets: map[string]capSet{}},
	}
	addServer := func(id, name string) {
		// Names holds every server added: a set, where a search of
		// Servers was quadratic in a table of thousands of release columns.
		if _, ok := ld.Names[id]; !ok {
			ld.Servers = append(ld.Servers, id)
			ld.Names[id] = name
		}
	}
	var skipped []string
	for ti, t := range doc.Tables {
		lt := locTable{Section: t.Section, Pos: t.Pos}
		lt.Cols = dc.classifyColumns(t)
		if why := notAMatrix(lt.Cols); why != "" {
			skipped = append(skipped, lineOf(t.Pos)+": "+why)
			if len(lt.Cols) >= 4 {
				l.Warnf(t.Pos, "not-a-matrix", "table skipped: %s", why)
			}
			continue
		}
		for _, ci := range lt.Cols {
			switch ci.Kind {
			case colUnknown:
				l.Warnf(ci.Pos, "unknown-column", "unknown column %q; its cells are kept as extra data (or name it in columns of %s)", ci.Header, dc.book())
			case colServer:
				addServer(ci.Server, ci.Header)
			}
		}
		ld.Matrices[ti] = true
		lt.Rows = make([]locRow, 0, len(t.Rows))
		for _, r := range t.Rows {
			lt.Rows = append(lt.Rows, dc.compileRow(lt.Cols, r, addServer))
		}
		ld.Tables = append(ld.Tables, lt)
	}
	rows := 0
	for _, t := range ld.Tables {
		rows += len(t.Rows)
	}
	if rows == 0 {
		// Never a green build with nothing in it: say what was looked at.
		what := "the document has no table"
		if len(skipped) > 0 {
			what = "no table is a matrix: " + strings.Join(skipped, "; ")
		} else if len(ld.Tables) > 0 {
			what = "its matrix tables have no rows"
		}
		l.Errorf(diag.Position{File: doc.Path}, "no-matrix", "no matrix rows in this document (%s). A matrix table has a workload column and support columns: a header naming a release (\"Server v2\", \"V3 UR1\"), a \"supported server\" column whose cells list releases, or the header words of %s", what, dc.book())
	}
	// A "supported server" column names releases row by row; every row must
	// say something about every release found in the document.
	for ti := range ld.Tables {
		for ri := range ld.Tables[ti].Rows {
			r := &ld.Tables[ti].Rows[ri]
			if r.rel == nil {
				continue
			}
			for _, id := range ld.Servers {
				if _, ok := r.Support[id]; !ok {
					r.Support[id] = r.rel.status(id)
				}
			}
		}
	}
	dc.un.flush()
	return ld
}

// notAMatrix says why a table with these columns is not a matrix ("" when
// it is): it needs a workload column and a support or installation column.
func notAMatrix(cols []colInfo) string {
	var has [colProtect + 1]bool
	for _, c := range cols {
		has[c.Kind] = true
	}
	if has[colWorkload] && (has[colServer] || has[colSupported] || has[colInstall]) {
		return ""
	}
	var hs []string
	for _, c := range cols {
		if c.Kind == colUnknown {
			hs = append(hs, strconvQuote(c.Header)+" (not understood)")
		} else {
			hs = append(hs, strconvQuote(c.Header)+" ("+c.Kind.String()+")")
		}
	}
	missing := "no support column"
	if !has[colWorkload] {
		missing = "no workload column"
		if !(has[colServer] || has[colSupported] || has[colInstall]) {
			missing = "no workload and no support column"
		}
	}
	return missing + "; its headers are " + strings.Join(hs, ", ")
}

// classifyColumns finds each column's meaning: its header's words in the
// language's phrasebooks; else in the English original (twin); else a
// release token; else its cells (a column listing releases, "V3, V2", is the
// supported-server column); else its place among the layouts every version
// of this document has used — workload, version, installation, then the
// support columns, then protection.
func (dc *docCtx) classifyColumns(t source.Table) []colInfo {
	cols := make([]colInfo, len(t.Header))
	for i, h := range t.Header {
		ci := classifyHeader(dc.lg, headerText(splitCell(h)))
		if ci.Kind == colUnknown && h.Twin != nil {
			if tw := classifyHeader(dc.en, headerText(twinCell(h))); tw.Kind != colUnknown {
				ci.Kind, ci.Server, ci.Via = tw.Kind, tw.Server, "the English original "+strconvQuote(tw.Header)
			}
		}
		ci.Pos = h.Pos
		cols[i] = ci
	}
	taken := map[column]bool{}
	for i := range cols {
		if k := cols[i].Kind; k != colUnknown && k != colServer {
			if taken[k] {
				dc.l.Warnf(cols[i].Pos, "unknown-column", "second column of the same kind %q; kept as an extra column", cols[i].Header)
				cols[i].Kind, cols[i].Via = colUnknown, ""
				continue
			}
			taken[k] = true
		}
	}
	for i := range cols {
		if cols[i].Kind == colUnknown && !taken[colSupported] && dc.listsReleases(t, i) {
			cols[i].Kind, cols[i].Via = colSupported, "its cells, which list releases"
			taken[colSupported] = true
		}
	}
	first, last := -1, -1
	for i, c := range cols {
		if c.Kind == colServer || c.Kind == colSupported {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first >= 0 {
		place := func(i int, k column) {
			if cols[i].Kind == colUnknown && !taken[k] {
				cols[i].Kind, cols[i].Via = k, "its place in the table"
				taken[k] = true
			}
		}
		if first == 3 {
			for i, k := range []column{colWorkload, colVersion, colInstall} {
				place(i, k)
			}
		}
		if last == len(cols)-2 {
			place(last+1, colProtect)
		}
	}
	for _, c := range cols {
		if c.Via != "" {
			dc.un.warn(c.Pos, "unknown-header", norm(c.Header),
				"column header %q is not in the %s phrasebook; read as the %s column from %s — add it to columns.%s in %s",
				c.Header, dc.lg.Tag, c.Kind, c.Via, c.Kind, dc.book())
		}
	}
	return cols
}

// listsReleases reports whether most non-empty cells of column i name
// releases ("V3, V2", "V3 UR1", "V4") or say no release supports the row.
func (dc *docCtx) listsReleases(t source.Table, i int) bool {
	n, yes := 0, 0
	for _, r := range t.Rows {
		if i >= len(r.Cells) {
			continue
		}
		lines := splitCell(r.Cells[i]).lines()
		if len(lines) == 0 {
			continue
		}
		n++
		first := norm(lines[0].text())
		if _, ok := dc.lg.NoRelease(first); ok {
			yes++
			continue
		}
		all := true
		for _, part := range strings.Split(first, ",") {
			if _, ok := parseRelease(strings.TrimSpace(part)); !ok {
				all = false
				break
			}
		}
		if all {
			yes++
		}
	}
	return n > 0 && 2*yes > n
}

// twinCell is the English original of a cell split like any cell (the
// caller checks c.Twin != nil).
func twinCell(c source.Cell) cellText {
	return splitCell(source.Cell{Inlines: c.Twin, Pos: c.Pos})
}

// compileRow normalizes one body row.
func (dc *docCtx) compileRow(cols []colInfo, r source.Row, addServer func(id, name string)) locRow {
	l := dc.l
	lr := locRow{Pos: r.Pos, Support: map[string]cellSupport{}, cells: r.Cells, nCols: len(cols)}
	// GFM pads a short row with empty cells and drops the cells of a long
	// one; the compiler pads too, keeps the dropped text, and says so.
	switch {
	case r.RawCells != 0 && r.RawCells < len(cols):
		var miss []string
		for _, c := range cols[r.RawCells:] {
			miss = append(miss, strconvQuote(c.Header))
		}
		l.Warnf(r.Pos, "short-row", "row has %d cells but the header has %d: the last (%s) are empty, as GFM pads them", r.RawCells, len(cols), strings.Join(miss, ", "))
	case r.RawCells > len(cols):
		l.Warnf(r.Pos, "long-row", "row has %d cells but the header has %d: the text of the %d extra cells is kept as extra data", r.RawCells, len(cols), r.RawCells-len(cols))
	}
	var workload, version cellText
	var workloadTwin, versionTwin *cellText
	for i, ci := range cols {
		var c source.Cell
		if i < len(r.Cells) {
			c = r.Cells[i]
		} else {
			c = source.Cell{Pos: r.Pos}
		}
		ct := splitCell(c)
		var tw *cellText
		if c.Twin != nil {
			t := twinCell(c)
			tw = &t
		}
		checkParens(ct, l)
		switch ci.Kind {
		case colWorkload:
			workload, workloadTwin = ct, tw
		case colVersion:
			version, versionTwin = ct, tw
			for _, ln := range ct.lines() {
				lr.Versions = append(lr.Versions, ln.text())
			}
			if tw != nil {
				lr.VersionsTwin = []string{}
				for _, ln := range tw.lines() {
					lr.VersionsTwin = append(lr.VersionsTwin, ln.text())
				}
			}
		case colInstall:
			lr.Installs = dc.parseInstallations(ct, tw)
		case colServer:
			lr.Support[ci.Server] = dc.parseSupport(ct, tw)
		case colSupported:
			rc := dc.parseReleases(ct, tw)
			for i, id := range rc.Releases {
				addServer(id, rc.Names[i])
			}
			for _, id := range rc.Releases {
				lr.Support[id] = rc.status(id)
			}
			lr.rel = &rc
		case colProtect:
			var tp *protection
			if tw != nil {
				p := splitProtectionIn(dc.en, *tw, nil, nil)
				tp = &p
			}
			lr.Prot = dc.splitProtection(ct, tp)
			lr.Caps = dc.caps.of(lr.Prot.Protect, lr.Prot.Recover, lr.Prot.Named)
			if tp != nil {
				lr.Caps |= dc.enCaps.of(tp.Protect, tp.Recover, tp.Named)
			}
		default:
			lr.Extra = append(lr.Extra, extraCell{Key: ci.Header, Text: joinLines(ct.lines()).rich()})
		}
	}
	for k, c := range r.Extra {
		ct := splitCell(c)
		checkParens(ct, l)
		lr.Extra = append(lr.Extra, extraCell{Key: "cell " + strconv.Itoa(len(cols)+k+1), Text: joinLines(ct.lines()).rich(), Beyond: true})
	}
	if lr.Versions == nil {
		lr.Versions = []string{}
	}
	lr.Workload = headerText(workload)
	lr.WorkloadID = dc.workloadID(workload, workloadTwin, version, versionTwin)
	// The product versions, read with the workload known (a bare "2016"
	// is a SharePoint version in the SharePoint row), from the English
	// original when the file carries one.
	lr.Products = parseProducts(dc.lg, lr.WorkloadID, version, lr.VersionsTwin, l)
	return lr
}

// workloadID finds the workload a row is about: its cell's words in the
// language's phrasebooks; else the English original's; else what its
// version says ("Windows Server 2016" is a server). "" when nothing tells.
func (dc *docCtx) workloadID(w cellText, wTwin *cellText, v cellText, vTwin *cellText) string {
	text := headerText(w)
	if text == "" {
		return ""
	}
	if id, _, ok := dc.lg.Workload(norm(text)); ok {
		return id
	}
	how, id := "", ""
	if wTwin != nil {
		if i, _, ok := dc.en.Workload(norm(headerText(*wTwin))); ok {
			how, id = "the English original "+strconvQuote(headerText(*wTwin)), i
		}
	}
	if id == "" {
		vs := []cellText{v}
		if vTwin != nil {
			vs = append(vs, *vTwin)
		}
		for _, vc := range vs {
			if i, _, ok := dc.lg.WorkloadFromVersion(norm(headerText(vc))); ok {
				how, id = "its version "+strconvQuote(headerText(vc)), i
				break
			}
		}
	}
	if id == "" {
		dc.un.warn(w.Pos, "unknown-workload", norm(text),
			"workload %q is not in the %s phrasebook and its versions do not say which it is; its id is made from its name — add it to workloads in %s", text, dc.lg.Tag, dc.book())
		return ""
	}
	dc.un.warn(w.Pos, "unknown-workload", norm(text),
		"workload %q is not in the %s phrasebook; read as %q from %s — add it to workloads.%s in %s", text, dc.lg.Tag, id, how, id, dc.book())
	return id
}

// rawText is the plain text of cell i as the row was compiled (a cell GFM
// padded, or one past the source's, is empty).
func (r *locRow) rawText(i int) string {
	if i < len(r.cells) {
		return r.cells[i].PlainText()
	}
	return ""
}

// strconvQuote quotes s for a message.
func strconvQuote(s string) string { return strconv.Quote(s) }
