package matrix

import (
	"slices"
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
	Products   locProducts
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

// columnOf maps the phrasebook's column names to the compiler's.
var columnOf = map[phrase.Column]column{
	phrase.ColWorkload:        colWorkload,
	phrase.ColVersion:         colVersion,
	phrase.ColInstallation:    colInstall,
	phrase.ColSupportedServer: colSupported,
	phrase.ColProtection:      colProtect,
}

// classifyHeader says what a column means from its header text alone.
func classifyHeader(lg *phrase.Lang, h string) colInfo {
	n := norm(h)
	ci := colInfo{Header: h}
	if id, ok := parseRelease(n); ok && lg.ReleaseWord(n) {
		ci.Kind, ci.Server = colServer, id
		return ci
	}
	if c, _, ok := lg.Column(n); ok {
		ci.Kind = columnOf[c]
	}
	return ci
}

// compileDoc normalizes every matrix table of one document.
func compileDoc(lg *phrase.Lang, locale string, doc *source.Document, l *diag.List) *locDoc {
	ld := &locDoc{Locale: locale, Doc: doc, Names: map[string]string{}}
	caps := &capMemo{lang: lg, sets: map[string]capSet{}}
	addServer := func(id, name string) {
		if !slices.Contains(ld.Servers, id) {
			ld.Servers = append(ld.Servers, id)
			ld.Names[id] = name
		}
	}
	for _, t := range doc.Tables {
		lt := locTable{Section: t.Section, Pos: t.Pos}
		seen := map[column]bool{}
		for _, h := range t.Header {
			ci := classifyHeader(lg, headerText(splitCell(h)))
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
			lt.Rows = append(lt.Rows, compileRow(lg, lt.Cols, r, l, addServer, caps))
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
func compileRow(lg *phrase.Lang, cols []colInfo, r source.Row, l *diag.List, addServer func(id, name string), caps *capMemo) locRow {
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
			lr.WorkloadID = workloadID(lg, lr.Workload)
		case colVersion:
			for _, ln := range ct.lines() {
				lr.Versions = append(lr.Versions, ln.text())
			}
			lr.Products = parseProducts(lg, lr.WorkloadID, ct, nil, l)
		case colInstall:
			lr.Installs = parseInstallations(lg, ct, l)
		case colServer:
			lr.Support[ci.Server] = parseSupport(lg, ct, l)
		case colSupported:
			rc := parseReleases(lg, ct, l)
			for i, id := range rc.Releases {
				addServer(id, rc.Names[i])
			}
			for _, id := range rc.Releases {
				lr.Support[id] = rc.status(id)
			}
			lr.rel = &rc
		case colProtect:
			lr.Prot = splitProtection(lg, ct)
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

// workloadID finds the workload in the phrasebooks ("" if unknown).
func workloadID(lg *phrase.Lang, text string) string {
	id, _, _ := lg.Workload(norm(text))
	return id
}
