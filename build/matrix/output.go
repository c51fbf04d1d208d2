package matrix

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
)

// JSON serializes the model as indented JSON with a trailing newline. Map
// keys are sorted by encoding/json and every list is in model order, so the
// same model always gives the same bytes. HTML-significant characters are
// escaped (\u003c), so the output can be embedded in a <script> element.
func JSON(m *Model) ([]byte, error) {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// csvHeader is the fixed part of the CSV header; per-server columns
// ("support.v2", "condition.v2") follow "installations".
var csvHeader = []string{"id", "locale", "line", "workload", "workload_name", "section", "versions", "targets", "installations"}

// CSV writes one line per row and locale (RFC 4180 quoting by
// encoding/csv), after a header row. Lists are joined with " | "; rich
// text is written as its plain text (link targets are in the JSON only).
func CSV(m *Model) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.UseCRLF = true // RFC 4180
	head := append([]string(nil), csvHeader...)
	for _, s := range m.Servers {
		head = append(head, "support."+s.ID, "condition."+s.ID)
	}
	head = append(head, "protect", "recover", "notes", "capabilities")
	_ = w.Write(head)
	names := map[string]L{}
	for _, wl := range m.Workloads {
		names[wl.ID] = wl.Name
	}
	for _, r := range m.Rows {
		targets := make([]string, len(r.Installations))
		for i, in := range r.Installations {
			targets[i] = in.Target
		}
		for _, loc := range m.Locales {
			if _, ok := r.Line[loc]; !ok {
				continue
			}
			texts := make([]string, len(r.Installations))
			for i, in := range r.Installations {
				texts[i] = in.Text[loc]
			}
			rec := []string{
				r.ID, loc, strconv.Itoa(r.Line[loc]), r.Workload, names[r.Workload][loc], r.Section,
				join(r.Versions[loc]), join(targets), join(texts),
			}
			for _, s := range m.Servers {
				sup := r.Support[s.ID]
				rec = append(rec, sup.Status, sup.Condition[loc].plain())
			}
			rec = append(rec, joinRich(r.Protect[loc]), joinRich(r.Recover[loc]), joinRich(r.Notes[loc]), join(r.Capabilities))
			_ = w.Write(rec)
		}
	}
	w.Flush()
	return buf.Bytes()
}

func join(s []string) string { return strings.Join(s, " | ") }

func joinRich(rs []Rich) string {
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = r.plain()
	}
	return join(s)
}
