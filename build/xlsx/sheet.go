package xlsx

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
)

// column is one column of a locale's sheet.
type column struct {
	head  string
	width float64
	links bool // its cells may hold links
	// cell is the value of the column for a row, with its style and the
	// link it carries ("" none).
	cell func(r *matrix.Row) (value any, style int, link string)
}

// sheetWriter writes one locale's sheet.
type sheetWriter struct {
	f    *excelize.File
	name string
	m    *matrix.Model
	loc  string
	lb   labels
	st   styles

	statusLabel, targetLabel, names map[string]matrix.L
}

func (s *sheetWriter) columns() ([]column, error) {
	var cols []column
	var firstErr error
	head := func(key string, pairs ...string) string {
		v, err := s.lb.get(key, pairs...)
		if err != nil && firstErr == nil {
			firstErr = err
		}
		return v
	}
	text := func(v string) (any, int, string) { return v, s.st.text, "" }
	loc := s.loc
	cols = append(cols,
		column{head("col.workload"), 26, false, func(r *matrix.Row) (any, int, string) { return text(s.names[r.Workload][loc]) }},
		column{head("col.version"), 30, false, func(r *matrix.Row) (any, int, string) { return text(strings.Join(r.Versions[loc], "\n")) }},
		column{head("data.products"), 34, false, func(r *matrix.Row) (any, int, string) {
			ps := make([]string, len(r.Products))
			for i, p := range r.Products {
				ps[i] = p.String()
			}
			return text(strings.Join(ps, "\n"))
		}},
		column{head("col.installation"), 26, false, func(r *matrix.Row) (any, int, string) {
			ts := make([]string, len(r.Installations))
			for i, in := range r.Installations {
				ts[i] = s.targetLabel[in.Target][loc]
			}
			return text(strings.Join(ts, "\n"))
		}},
	)
	for _, srv := range s.m.Servers {
		id := srv.ID
		cols = append(cols,
			column{head("filter.server", "server", id), 14, false, func(r *matrix.Row) (any, int, string) {
				st := r.Support[id].Status
				style, ok := s.st.status[st]
				if !ok {
					style = s.st.text
				}
				return s.statusLabel[st][loc], style, ""
			}},
			column{head("data.condition", "server", id), 30, true, func(r *matrix.Row) (any, int, string) {
				c := r.Support[id].Condition[loc]
				return plain(c), s.st.text, firstLink(c)
			}},
		)
	}
	list := func(get func(r *matrix.Row) []matrix.Rich) func(r *matrix.Row) (any, int, string) {
		return func(r *matrix.Row) (any, int, string) {
			items := get(r)
			lines := make([]string, len(items))
			link := ""
			for i, it := range items {
				lines[i] = plain(it)
				if link == "" {
					link = firstLink(it)
				}
			}
			return strings.Join(lines, "\n"), s.st.text, link
		}
	}
	cols = append(cols,
		column{head("row.protect"), 40, true, list(func(r *matrix.Row) []matrix.Rich { return r.Protect[loc] })},
		column{head("row.recover"), 40, true, list(func(r *matrix.Row) []matrix.Rich { return r.Recover[loc] })},
		column{head("row.notes"), 50, true, list(func(r *matrix.Row) []matrix.Rich { return r.Notes[loc] })},
		column{head("data.row"), 44, false, func(r *matrix.Row) (any, int, string) { return text(r.ID) }},
		column{head("data.line"), 10, false, func(r *matrix.Row) (any, int, string) { return r.Line[loc], s.st.text, "" }},
	)
	return cols, firstErr
}

// plain is a rich text's text.
func plain(r matrix.Rich) string {
	var b strings.Builder
	for _, sp := range r {
		b.WriteString(sp.Text)
	}
	return b.String()
}

// firstLink is the first absolute link of a rich text: a relative one
// would point next to the workbook on the reader's disk.
func firstLink(r matrix.Rich) string {
	for _, sp := range r {
		h := strings.ToLower(sp.Href)
		if strings.HasPrefix(h, "https://") || strings.HasPrefix(h, "http://") || strings.HasPrefix(h, "mailto:") {
			return sp.Href
		}
	}
	return ""
}

func (s *sheetWriter) write() error {
	cols, err := s.columns()
	if err != nil {
		return err
	}
	var rows []*matrix.Row
	for i := range s.m.Rows {
		if _, ok := s.m.Rows[i].Line[s.loc]; ok {
			rows = append(rows, &s.m.Rows[i])
		}
	}
	last, _ := excelize.ColumnNumberToName(len(cols))
	// Hyperlinks and the autofilter go on the sheet before it is streamed:
	// the stream writer writes what the sheet already holds after the rows.
	for i, r := range rows {
		for c, col := range cols {
			if !col.links {
				continue
			}
			if _, _, link := col.cell(r); link != "" {
				ref, _ := excelize.CoordinatesToCellName(c+1, i+2)
				if err := s.f.SetCellHyperLink(s.name, ref, link, "External"); err != nil {
					return err
				}
			}
		}
	}
	if err := s.f.AutoFilter(s.name, "A1:"+last+strconv.Itoa(len(rows)+1), nil); err != nil {
		return err
	}
	sw, err := s.f.NewStreamWriter(s.name)
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	for c, col := range cols {
		if err := sw.SetColWidth(c+1, c+1, col.width); err != nil {
			return err
		}
	}
	values := make([]any, len(cols))
	for c, col := range cols {
		values[c] = excelize.Cell{Value: col.head, StyleID: s.st.header}
	}
	if err := sw.SetRow("A1", values); err != nil {
		return err
	}
	for i, r := range rows {
		for c, col := range cols {
			v, style, _ := col.cell(r)
			values[c] = excelize.Cell{Value: v, StyleID: style}
		}
		ref, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(ref, values); err != nil {
			return err
		}
	}
	return sw.Flush()
}
