package matrix

import (
	"strings"

	"github.com/mabs-matrix/matrixdoc/build/diag"
	"github.com/mabs-matrix/matrixdoc/build/source"
)

// colInfo is the meaning of one table column.
type colInfo struct {
	Kind   column
	Server string // release id of a colServer column
	Header string // header text, white space collapsed
	Pos    diag.Position
}

// locTable is one matrix table of one locale, normalized.
type locTable struct {
	Section string
	Pos     diag.Position
	Cols    []colInfo
	Rows    []locRow
}

// locRow is one table row of one locale, normalized.
type locRow struct {
	Pos        diag.Position
	Workload   string // the workload cell as written
	WorkloadID string // "" when the workload is not in the known table
	Versions   []string
	Installs   []cellInstall
	Support    map[string]cellSupport
	Prot       protection
	Caps       capSet
	Extra      []Rich // one per unknown column, in column order
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
}

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

// classifyHeader says what a column means from its header text alone.
func classifyHeader(h string) colInfo {
	n := norm(h)
	ci := colInfo{Header: h}
	if id, ok := parseRelease(n); ok {
		for _, w := range serverWords {
			if strings.Contains(n, w) {
				ci.Kind, ci.Server = colServer, id
				return ci
			}
		}
	}
	for _, hw := range headerWords {
		for _, p := range hw.Phrases {
			if strings.Contains(n, p) {
				ci.Kind = hw.Col
				return ci
			}
		}
	}
	return ci
}

// compileDoc normalizes every matrix table of one document.
func compileDoc(locale string, doc *source.Document, l *diag.List) *locDoc {
	ld := &locDoc{Locale: locale, Doc: doc, Names: map[string]string{}}
	caps := &capMemo{locale: locale, sets: map[string]capSet{}}
	addServer := func(id, name string) {
		// Names holds every server added: a set, where a search of
		// Servers was quadratic in a table of thousands of release columns.
		if _, ok := ld.Names[id]; !ok {
			ld.Servers = append(ld.Servers, id)
			ld.Names[id] = name
		}
	}
	for _, t := range doc.Tables {
		lt := locTable{Section: t.Section, Pos: t.Pos}
		seen := map[column]bool{}
		for _, h := range t.Header {
			ci := classifyHeader(headerText(splitCell(h)))
			ci.Pos = h.Pos
			if ci.Kind != colUnknown && ci.Kind != colServer && seen[ci.Kind] {
				l.Warnf(h.Pos, "unknown-column", "second column of the same kind %q; kept as an extra column", ci.Header)
				ci.Kind = colUnknown
			}
			seen[ci.Kind] = true
			lt.Cols = append(lt.Cols, ci)
		}
		if !seen[colWorkload] || !(seen[colServer] || seen[colSupported] || seen[colInstall]) {
			l.Warnf(t.Pos, "not-a-matrix", "table has no workload and support/installation columns; skipped")
			continue
		}
		for _, ci := range lt.Cols {
			switch ci.Kind {
			case colUnknown:
				l.Warnf(ci.Pos, "unknown-column", "unknown column %q; its cells are kept as extra data", ci.Header)
			case colServer:
				addServer(ci.Server, ci.Header)
			}
		}
		lt.Rows = make([]locRow, 0, len(t.Rows))
		for _, r := range t.Rows {
			lt.Rows = append(lt.Rows, compileRow(locale, lt.Cols, r, l, addServer, caps))
		}
		ld.Tables = append(ld.Tables, lt)
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
	return ld
}

// compileRow normalizes one body row.
func compileRow(locale string, cols []colInfo, r source.Row, l *diag.List, addServer func(id, name string), caps *capMemo) locRow {
	lr := locRow{Pos: r.Pos, Support: map[string]cellSupport{}, cells: r.Cells, nCols: len(cols)}
	// GFM pads a short row and drops the cells of a long one without a word;
	// either way a fact is lost or shifted, so it is an error here.
	if r.RawCells != 0 && r.RawCells != len(cols) {
		l.Errorf(r.Pos, "cell-count", "row has %d cells but the header has %d", r.RawCells, len(cols))
	}
	for i, ci := range cols {
		var c source.Cell
		if i < len(r.Cells) {
			c = r.Cells[i]
		} else {
			c = source.Cell{Pos: r.Pos}
		}
		ct := splitCell(c)
		checkParens(ct, l)
		switch ci.Kind {
		case colWorkload:
			lr.Workload = headerText(ct)
			lr.WorkloadID = workloadID(lr.Workload)
		case colVersion:
			for _, ln := range ct.lines() {
				lr.Versions = append(lr.Versions, ln.text())
			}
		case colInstall:
			lr.Installs = parseInstallations(locale, ct, l)
		case colServer:
			lr.Support[ci.Server] = parseSupport(locale, ct, l)
		case colSupported:
			rc := parseReleases(locale, ct, l)
			for i, id := range rc.Releases {
				addServer(id, rc.Names[i])
			}
			for _, id := range rc.Releases {
				lr.Support[id] = rc.status(id)
			}
			lr.rel = &rc
		case colProtect:
			lr.Prot = splitProtection(locale, ct)
			lr.Caps = caps.of(lr.Prot.Protect, lr.Prot.Recover)
		default:
			lr.Extra = append(lr.Extra, joinLines(ct.lines()).rich())
		}
	}
	if lr.Versions == nil {
		lr.Versions = []string{}
	}
	return lr
}

// rawText is the plain text of cell i as the row was compiled (a cell GFM
// padded, or one past the source's, is empty).
func (r *locRow) rawText(i int) string {
	if i < len(r.cells) {
		return r.cells[i].PlainText()
	}
	return ""
}

// workloadID finds the workload in the known table ("" if unknown).
func workloadID(text string) string {
	n := norm(text)
	for _, w := range workloadRules {
		for _, p := range w.Prefix {
			if strings.HasPrefix(n, p) {
				return w.ID
			}
		}
		for _, c := range w.Contains {
			if strings.Contains(n, c) {
				return w.ID
			}
		}
	}
	return ""
}
