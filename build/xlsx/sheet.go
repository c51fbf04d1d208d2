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
	// cell is the value of the column for a row and its style.
	cell func(r *matrix.Row) (value any, style int)
	// link is the link a row's cell carries ("" none); nil for a column
	// whose cells hold no links. It is apart from cell: the links are set
	// in a pass of their own, before the values are streamed.
	link func(r *matrix.Row) string
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
	text := func(v string) (any, int) { return v, s.st.text }
	loc := s.loc
	cols = append(cols,
		column{head("col.workload"), 26, func(r *matrix.Row) (any, int) { return text(s.names[r.Workload][loc]) }, nil},
		column{head("col.version"), 30, func(r *matrix.Row) (any, int) { return text(strings.Join(r.Versions[loc], "\n")) }, nil},
		column{head("data.products"), 34, func(r *matrix.Row) (any, int) {
			ps := make([]string, len(r.Products))
			for i, p := range r.Products {
				ps[i] = p.String()
			}
			return text(strings.Join(ps, "\n"))
		}, nil},
		column{head("col.installation"), 26, func(r *matrix.Row) (any, int) {
			ts := make([]string, len(r.Installations))
			for i, in := range r.Installations {
				ts[i] = s.targetLabel[in.Target][loc]
			}
			return text(strings.Join(ts, "\n"))
		}, nil},
	)
	for _, srv := range s.m.Servers {
		id := srv.ID
		cols = append(cols,
			column{head("filter.server", "server", id), 14, func(r *matrix.Row) (any, int) {
				st := r.Support[id].Status
				style, ok := s.st.status[st]
				if !ok {
					style = s.st.text
				}
				return s.statusLabel[st][loc], style
			}, nil},
			column{head("data.condition", "server", id), 30,
				func(r *matrix.Row) (any, int) { return r.Support[id].Condition[loc].Plain(), s.st.text },
				func(r *matrix.Row) string { return firstLink(r.Support[id].Condition[loc]) }},
		)
	}
	// list is a column of rich text items, one a line, linking to the
	// first item's link.
	list := func(head string, width float64, get func(r *matrix.Row) []matrix.Rich) column {
		return column{head, width,
			func(r *matrix.Row) (any, int) { return plainLines(get(r)), s.st.text },
			func(r *matrix.Row) string {
				for _, it := range get(r) {
					if link := firstLink(it); link != "" {
						return link
					}
				}
				return ""
			}}
	}
	cols = append(cols,
		list(head("row.protect"), 40, func(r *matrix.Row) []matrix.Rich { return r.Protect[loc] }),
		list(head("row.recover"), 40, func(r *matrix.Row) []matrix.Rich { return r.Recover[loc] }),
		list(head("row.notes"), 50, func(r *matrix.Row) []matrix.Rich { return r.Notes[loc] }),
		column{head("data.row"), 44, func(r *matrix.Row) (any, int) { return text(r.ID) }, nil},
		column{head("data.line"), 10, func(r *matrix.Row) (any, int) { return r.Line[loc], s.st.text }, nil},
	)
	return cols, firstErr
}

// plainLines is the plain text of items, one a line.
func plainLines(items []matrix.Rich) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0].Plain()
	}
	n := len(items) - 1
	for _, it := range items {
		for _, sp := range it {
			n += len(sp.Text)
		}
	}
	var b strings.Builder
	b.Grow(n)
	for i, it := range items {
		if i > 0 {
			b.WriteByte('\n')
		}
		for _, sp := range it {
			b.WriteString(sp.Text)
		}
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
			if col.link == nil {
				continue
			}
			if link := col.link(r); link != "" {
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
	// The row's values point into cells, reused from row to row: a Cell
	// boxed into an interface is an allocation per cell.
	cells := make([]excelize.Cell, len(cols))
	values := make([]any, len(cols))
	for c, col := range cols {
		cells[c] = excelize.Cell{Value: col.head, StyleID: s.st.header}
		values[c] = &cells[c]
	}
	if err := sw.SetRow("A1", values); err != nil {
		return err
	}
	for i, r := range rows {
		for c, col := range cols {
			cells[c].Value, cells[c].StyleID = col.cell(r)
		}
		ref, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(ref, values); err != nil {
			return err
		}
	}
	return sw.Flush()
}
