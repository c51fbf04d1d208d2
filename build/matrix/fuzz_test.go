package matrix

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzNormalizeCell runs every cell-normalizing function over arbitrary
// cell text (with <br/> breaks and [label](url) links): none may panic,
// every diagnostic must carry a position inside the cell's line, and no
// text may be lost or made up (checkNormalized). The
// seeds are hand-picked cells and every distinct cell of the content
// documents' tables.
func FuzzNormalizeCell(f *testing.F) {
	for _, s := range realCells(f) {
		f.Add(s)
	}
	for _, s := range []string{
		"J", "Y (met UR1)", "O (avec UR1)", "J<br/><br/>Niet-Nano server",
		"J<br /><br />U moet SP1 en installeer [Windows Management Frame 4.0](https://www.microsoft.com/en-us/download/details.aspx?id=40855)",
		"V3, V2<br />Niet Nano-server", "Niet ondersteund", "V3 UR1",
		"Fysieke server <br /><br /> On-premises Hyper-V virtuele machine <br /> <br /> virtuele Azure-machine",
		"Physical  server,    On-premises Hyper-V VM,    Windows VM in VMWare",
		"Volume, share, map, bestand, systeemstatus/bare metal), ontdubbelde volumes",
		"Hyper-V moet worden uitgevoerd op Windows Server 2016. Beveiligen: Volledige virtuele machine<br /><br />Herstellen: Volledige virtuele machine",
		"(Alle implementatiescenario's) beveiligen: zelfstandige Exchange server, database (DAG)<br /><br />(Alle implementatiescenario's) herstellen: Postvak",
		"((", "))", "[", "](", "<br", "\xff\xfe", "é)", "Protéger : x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.ContainsAny(s, "\n|") {
			return // a table cell is one line without pipes
		}
		cell := mkCell(s, 5, 3)
		for _, loc := range []string{"nl", "en", "fr", "xx"} {
			l := checkNormalized(loc, cell, func(format string, args ...any) {
				t.Fatalf(loc+": "+format, args...)
			})
			for _, d := range l {
				if d.Col > 3+len(s) {
					t.Fatalf("diagnostic past the cell: %s", d)
				}
			}
		}
	})
}

// realCells returns every distinct cell, as written, of the tables of the
// content documents (a table line split at its unescaped pipes; a seed
// needs no parser). The corpus would add a thousand more, and the fuzzer
// runs each seed before it starts: they would cost more time than they add
// coverage.
func realCells(f *testing.F) []string {
	docs, _ := filepath.Glob("../../content/*/*.md")
	seen := map[string]bool{}
	var out []string
	for _, p := range docs {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		for _, line := range bytes.Split(b, []byte("\n")) {
			line = bytes.TrimSpace(line)
			if !bytes.HasPrefix(line, []byte("|")) || bytes.HasPrefix(line, []byte("|-")) || bytes.HasPrefix(line, []byte("| -")) {
				continue
			}
			line = bytes.TrimSuffix(bytes.TrimPrefix(line, []byte("|")), []byte("|"))
			start := 0
			for i := 0; i <= len(line); i++ {
				if i < len(line) && (line[i] != '|' || i > 0 && line[i-1] == '\\') {
					continue
				}
				if c := string(line[start:i]); !seen[c] {
					seen[c] = true
					out = append(out, c)
				}
				start = i + 1
			}
		}
	}
	return out
}
