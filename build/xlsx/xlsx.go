// Package xlsx writes the matrix as an Excel workbook (data/matrix.xlsx):
// the file an administrator opens in Excel. The CSV is comma-separated,
// which a Dutch Excel does not split into columns; a workbook needs no
// import step.
//
// Input: a compiled *matrix.Model and the UI strings of its locales.
// Output: the workbook's bytes, written with excelize's stream writer —
// one sheet per locale (named by its lang.<locale> string, else the
// locale), one row per
// table row of that locale after a header row: workload, version entries,
// product versions, installation targets, per server release its support
// as a word (the status label, so it never reads by colour alone; the cell
// is also coloured) and its condition, protect, recover, notes, row id and
// source line.
//
// Invariants:
//   - the header row is frozen and has an autofilter over every row;
//   - links stay live: a cell whose text holds a link (a condition's KB
//     article, a note's documentation page) is a hyperlink to the first of
//     them;
//   - deterministic: fixed document properties (the source's date, no
//     clock), sheets and cells in model order — the same model gives the
//     same bytes;
//   - a UI string it needs and does not find is an error naming the key,
//     as for the pages.
package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
)

// Input is what the workbook is made from.
type Input struct {
	Model *matrix.Model
	// Strings are the UI strings per locale (content/<locale>/strings.yaml);
	// StringsFile names each locale's file in errors.
	Strings     map[string]map[string]string
	StringsFile map[string]string
}

// Write writes the workbook to w.
func Write(w io.Writer, in Input) error {
	f, err := build(in)
	if err != nil {
		return err
	}
	defer f.Close()
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		return err
	}
	return sortedZip(w, b.Bytes())
}

// sortedZip copies a zip archive with its entries in a fixed order:
// excelize writes the parts of a workbook in map order, so two writes of
// one model would differ. [Content_Types].xml comes first, as Office
// writes it; entries are copied as they are, compressed, with excelize's
// zero modification times.
func sortedZip(w io.Writer, src []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return err
	}
	files := slices.Clone(zr.File)
	rank := func(name string) string {
		if name == "[Content_Types].xml" {
			return ""
		}
		return name
	}
	slices.SortFunc(files, func(a, b *zip.File) int { return strings.Compare(rank(a.Name), rank(b.Name)) })
	zw := zip.NewWriter(w)
	for _, f := range files {
		if err := zw.Copy(f); err != nil {
			return err
		}
	}
	return zw.Close()
}

// label looks a UI string up; a missing one is an error, as for pages.
type labels struct {
	in  Input
	loc string
}

func (l labels) get(key string, pairs ...string) (string, error) {
	v, ok := l.in.Strings[l.loc][key]
	if !ok {
		file := l.in.StringsFile[l.loc]
		if file == "" {
			file = l.loc + "/strings.yaml"
		}
		return "", fmt.Errorf("%s: missing string %q (locale %s)", file, key, l.loc)
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		v = strings.ReplaceAll(v, "{"+pairs[i]+"}", pairs[i+1])
	}
	return v, nil
}

// styles are the workbook's cell styles.
type styles struct {
	header, text int
	status       map[string]int
}

func newStyles(f *excelize.File) (styles, error) {
	s := styles{status: map[string]int{}}
	var err error
	if s.header, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E2F3"}},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
	}); err != nil {
		return s, err
	}
	if s.text, err = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}); err != nil {
		return s, err
	}
	// Colour helps the eye; the word in the cell says it.
	fills := map[matrix.Status]string{
		matrix.StatusSupported: "E2EFDA", matrix.StatusConditional: "FFF2CC",
		matrix.StatusUnsupported: "F8CBAD", matrix.StatusUnknown: "E7E6E6",
	}
	for _, status := range matrix.Statuses { // in vocabulary order: style ids are part of the bytes
		fill := fills[status]
		if s.status[string(status)], err = f.NewStyle(&excelize.Style{
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fill}},
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
		}); err != nil {
			return s, err
		}
	}
	return s, nil
}

func build(in Input) (*excelize.File, error) {
	m := in.Model
	f := excelize.NewFile()
	date := m.Source.Date
	if date == "" {
		date = "1970-01-01"
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: m.Source.Title[m.DefaultLocale], Creator: "matrixdoc", LastModifiedBy: "matrixdoc",
		Created: date + "T00:00:00Z", Modified: date + "T00:00:00Z", Language: m.DefaultLocale,
	}); err != nil {
		return nil, err
	}
	if err := f.SetAppProps(&excelize.AppProperties{Application: "matrixdoc"}); err != nil {
		return nil, err
	}
	st, err := newStyles(f)
	if err != nil {
		return nil, err
	}
	statusLabel := map[string]matrix.L{}
	for _, t := range m.Vocabularies.Statuses {
		statusLabel[t.ID] = t.Label
	}
	targetLabel := map[string]matrix.L{}
	for _, t := range m.Vocabularies.Targets {
		targetLabel[t.ID] = t.Label
	}
	names := map[string]matrix.L{}
	for _, w := range m.Workloads {
		names[w.ID] = w.Name
	}
	for i, loc := range m.Locales {
		lb := labels{in, loc}
		// The sheet is named by the language's name ("Nederlands"), or by
		// the locale when there is none Excel accepts (31 characters, none
		// of []:*?/\).
		sheet, err := lb.get("lang." + loc)
		if err != nil || len([]rune(sheet)) > 31 || strings.ContainsAny(sheet, "[]:*?/\\") || sheet == "" {
			sheet = loc
		}
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sheet); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(sheet); err != nil {
			return nil, err
		}
		s := &sheetWriter{f: f, name: sheet, m: m, loc: loc, lb: lb, st: st,
			statusLabel: statusLabel, targetLabel: targetLabel, names: names}
		if err := s.write(); err != nil {
			return nil, err
		}
	}
	// The first sheet is the active one already (excelize's new file); no
	// SetActiveSheet: it would read every streamed sheet back into memory.
	return f, nil
}
