package xlsx

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
	"github.com/mabs-matrix/matrixdoc/build/source"
)

func seedInput(t *testing.T) Input {
	t.Helper()
	c, l := source.Load(os.DirFS("../../content"))
	if l.HasErrors() {
		t.Fatal(l)
	}
	m, ml := matrix.Compile(c)
	if ml.HasErrors() {
		t.Fatal(ml)
	}
	return Input{Model: m, Strings: c.Strings, StringsFile: c.StringsFile}
}

func write(t *testing.T, in Input) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, in); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestWorkbook opens the seed's workbook with excelize as a reader: a
// sheet per locale, the localized header frozen with an autofilter over
// every row, one row per table row, statuses as words, a live hyperlink
// where the source has a link.
func TestWorkbook(t *testing.T) {
	in := seedInput(t)
	b := write(t, in)
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Nederlands", "English"}) {
		t.Fatalf("sheets %q", got)
	}
	for _, c := range []struct {
		sheet, loc, workload, v2, line string // line: the Windows Server 2016 row in that locale's file
	}{{"Nederlands", "nl", "Workload", "Ondersteuning in v2", "41"}, {"English", "en", "Workload", "Support in v2", "36"}} {
		rows, err := f.GetRows(c.sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 1+66 {
			t.Errorf("%s: %d rows, want header + 66", c.sheet, len(rows))
		}
		head := rows[0]
		if head[0] != c.workload || !slices.Contains(head, c.v2) {
			t.Errorf("%s: header %q", c.sheet, head)
		}
		v2 := slices.Index(head, c.v2)
		// The Windows Server 2016 row: v2 conditional, v1 unsupported — as words.
		var row []string
		for _, r := range rows[1:] {
			if r[len(r)-1] == c.line {
				row = r
			}
		}
		status := map[string]string{}
		for _, term := range in.Model.Vocabularies.Statuses {
			status[term.ID] = term.Label[c.loc]
		}
		if row == nil || row[v2] != status["conditional"] || row[v2+2] != status["unsupported"] {
			t.Errorf("%s: line %s = %q, want %q then %q", c.sheet, c.line, row, status["conditional"], status["unsupported"])
		}
		if !strings.Contains(strings.Join(rows[1], " "), "system-center-vmm 2012 [SP1]") {
			t.Errorf("%s: first row has no product versions: %q", c.sheet, rows[1])
		}
		panes, err := f.GetPanes(c.sheet)
		if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
			t.Errorf("%s: header not frozen: %+v %v", c.sheet, panes, err)
		}
	}
	// The autofilter covers the header and every row (a defined name).
	var filters []string
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" {
			filters = append(filters, dn.Scope+" "+dn.RefersTo)
		}
	}
	if !slices.Equal(filters, []string{"Nederlands 'Nederlands'!$A$1:$M$67", "English 'English'!$A$1:$M$67"}) {
		t.Errorf("autofilters %q", filters)
	}
	// A hyperlink: every cell whose text holds an absolute link is one.
	links := 0
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for i := range rows {
			for j := range rows[i] {
				ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if ok, target, err := f.GetCellHyperLink(sheet, ref); err == nil && ok {
					links++
					if !strings.HasPrefix(target, "https://") {
						t.Errorf("%s %s: link %q", sheet, ref, target)
					}
				}
			}
		}
	}
	want := 0
	for _, r := range in.Model.Rows {
		for _, loc := range in.Model.Locales {
			for _, s := range r.Support {
				if firstLink(s.Condition[loc]) != "" {
					want++
				}
			}
			for _, l := range [][]matrix.Rich{r.Protect[loc], r.Recover[loc], r.Notes[loc]} {
				for _, it := range l {
					if firstLink(it) != "" {
						want++
						break
					}
				}
			}
		}
	}
	if links == 0 || links != want {
		t.Errorf("%d hyperlinks, want %d", links, want)
	}
}

// TestDeterministic: the same model gives the same bytes.
func TestDeterministic(t *testing.T) {
	in := seedInput(t)
	a, b := write(t, in), write(t, in)
	if !bytes.Equal(a, b) {
		t.Error("two workbooks of the same model differ")
	}
	f, err := excelize.OpenReader(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := f.GetDocProps()
	if err != nil || p.Creator != "matrixdoc" || p.Created != in.Model.Source.Date+"T00:00:00Z" || p.Modified != p.Created {
		t.Errorf("document properties %+v (%v): want matrixdoc and the source's date, no clock", p, err)
	}
}

// TestMissingString: a header string missing from a locale is an error
// naming the key and the file.
func TestMissingString(t *testing.T) {
	in := seedInput(t)
	nl := map[string]string{}
	for k, v := range in.Strings["nl"] {
		nl[k] = v
	}
	delete(nl, "data.products")
	in.Strings = map[string]map[string]string{"nl": nl, "en": in.Strings["en"]}
	err := Write(&bytes.Buffer{}, in)
	if err == nil || !strings.Contains(err.Error(), `missing string "data.products"`) || !strings.Contains(err.Error(), "nl/strings.yaml") {
		t.Errorf("err = %v", err)
	}
}
