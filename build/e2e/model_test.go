package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
)

// loadModel reads the built data/matrix.json: the expected answers of the
// browser tests come from it.
func loadModel(path string) (*matrix.Model, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var m matrix.Model
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(m.Rows) == 0 {
		return nil, fmt.Errorf("%s: no rows", path)
	}
	return &m, nil
}

// rowsWhere lists the ids of the shared model's rows (source order) that
// keep.
func rowsWhere(keep func(r *matrix.Row) bool) []string {
	return rowsIn(model, keep)
}

// rowsIn lists the ids of m's rows (source order) that keep.
func rowsIn(m *matrix.Model, keep func(r *matrix.Row) bool) []string {
	var out []string
	for i := range m.Rows {
		if keep(&m.Rows[i]) {
			out = append(out, m.Rows[i].ID)
		}
	}
	return out
}

// facetExpect gives, for a facet key of the page and a value, whether a
// row belongs — the rule written from the model's meaning, independently of
// the page's script.
func facetExpect(key, value string) func(r *matrix.Row) bool {
	return facetExpectIn(model, key, value)
}

// facetExpectIn is facetExpect for the site of model m (its servers).
func facetExpectIn(m *matrix.Model, key, value string) func(r *matrix.Row) bool {
	switch key {
	case "w":
		return func(r *matrix.Row) bool { return r.Workload == value }
	case "t":
		return func(r *matrix.Row) bool {
			return slices.ContainsFunc(r.Installations, func(in matrix.Installation) bool { return in.Target == value })
		}
	case "c":
		return func(r *matrix.Row) bool { return slices.Contains(r.Capabilities, value) }
	case "d":
		// Where two releases differ: another status, or another condition.
		a, b, _ := strings.Cut(value, "~")
		return func(r *matrix.Row) bool {
			sa, sb := r.Support[a], r.Support[b]
			if sa.Status != sb.Status {
				return true
			}
			for _, loc := range m.Locales {
				if richText(sa.Condition[loc]) != richText(sb.Condition[loc]) {
					return true
				}
			}
			return false
		}
	}
	for _, s := range m.Servers {
		if s.ID == key {
			return func(r *matrix.Row) bool { return r.Support[key].Status == value }
		}
	}
	return nil
}

// richText is a rich text as the reader sees it.
func richText(r matrix.Rich) string {
	var b strings.Builder
	for _, sp := range r {
		b.WriteString(sp.Text)
	}
	return b.String()
}
