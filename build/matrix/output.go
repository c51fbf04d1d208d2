package matrix

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
)

// JSON serializes the model as indented JSON with a trailing newline. Map
// keys are sorted by encoding/json and every list is in model order, so the
// same model always gives the same bytes. HTML-significant characters are
// escaped (\u003c), so the output can be embedded in a <script> element.
// It is WriteJSON into memory.
func JSON(m *Model) ([]byte, error) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, m); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteJSON writes exactly the bytes JSON returns to w, without ever holding
// the whole document: the model around the rows is encoded once, and the
// rows one at a time into a reused buffer by rowJSON (at 10,000 rows the
// JSON is 26 MB; json.MarshalIndent held it twice, compact and indented).
func WriteJSON(w io.Writer, m *Model) error {
	// The model without its rows; rows: null marks where they go. Top-level
	// keys are the only lines indented by exactly two spaces.
	shell := *m
	shell.Rows, shell.Facts = nil, nil
	head, err := json.MarshalIndent(&shell, "", "  ")
	if err != nil {
		return err
	}
	marker := []byte("\n  \"rows\": null")
	at := bytes.Index(head, marker)
	if at < 0 {
		return errors.New("matrix: rows field not found in the encoded model")
	}
	at += len(marker) - len("null")

	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(head[:at])
	switch {
	case m.Rows == nil:
		bw.WriteString("null")
	case len(m.Rows) == 0:
		bw.WriteString("[]")
	default:
		// Each row as MarshalIndent would write it two levels deep.
		var w rowJSON
		bw.WriteString("[\n")
		for i := range m.Rows {
			w.b = append(w.b[:0], "    "...)
			w.row(&m.Rows[i], 2)
			if i < len(m.Rows)-1 {
				w.b = append(w.b, ',')
			}
			w.b = append(w.b, '\n')
			bw.Write(w.b)
		}
		bw.WriteString("  ]")
	}
	if err := writeSpliced(bw, head[at+len("null"):], []splice{factsSplice(m.Facts)}); err != nil {
		return err
	}
	bw.WriteByte('\n')
	return bw.Flush()
}

// csvHeader is the fixed part of the CSV header; per-server columns
// ("support.v2", "condition.v2") follow "installations".
var csvHeader = []string{"id", "locale", "line", "workload", "workload_name", "section", "versions", "targets", "installations"}

// CSV writes one line per row and locale (RFC 4180 quoting by
// encoding/csv), after a header row. Lists are joined with " | "; rich
// text is written as its plain text (link targets are in the JSON only).
// It is WriteCSV into memory.
func CSV(m *Model) []byte {
	var buf bytes.Buffer
	_ = WriteCSV(&buf, m) // a bytes.Buffer never fails
	return buf.Bytes()
}

// WriteCSV writes the bytes CSV returns to w, a record at a time.
func WriteCSV(out io.Writer, m *Model) error {
	w := csv.NewWriter(out)
	w.UseCRLF = true // RFC 4180
	head := append([]string(nil), csvHeader...)
	for _, s := range m.Servers {
		head = append(head, "support."+s.ID, "condition."+s.ID)
	}
	head = append(head, "protect", "recover", "notes", "capabilities")
	if err := w.Write(head); err != nil {
		return err
	}
	names := map[string]L{}
	for _, wl := range m.Workloads {
		names[wl.ID] = wl.Name
	}
	rec := make([]string, 0, len(head))
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
			rec = append(rec[:0],
				r.ID, loc, strconv.Itoa(r.Line[loc]), r.Workload, names[r.Workload][loc], r.Section,
				join(r.Versions[loc]), join(targets), join(texts),
			)
			for _, s := range m.Servers {
				sup := r.Support[s.ID]
				rec = append(rec, sup.Status, sup.Condition[loc].Plain())
			}
			rec = append(rec, joinRich(r.Protect[loc]), joinRich(r.Recover[loc]), joinRich(r.Notes[loc]), join(r.Capabilities))
			if err := w.Write(rec); err != nil {
				return err
			}
		}
	}
	w.Flush()
	return w.Error()
}

func join(s []string) string { return strings.Join(s, " | ") }

func joinRich(rs []Rich) string {
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = r.Plain()
	}
	return join(s)
}
