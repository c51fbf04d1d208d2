package query

import (
	"errors"
	"testing"
)

// FuzzAsk: whatever the question, Ask never panics; it answers, lists
// candidates, or returns a usage error. Every candidate can be asked
// alone by its id form ("sql-server 2012 SP1") and is then no longer
// ambiguous; every counted result answers the question read.
func FuzzAsk(f *testing.F) {
	for _, s := range []string{"sql 2014", "2012", "exchange", "Win2016", "windows server 2012 r2", "SQL Server 2012 met SP1",
		"sql-server", "vmware", "2012, 2016", "\xff", "", "linux 5"} {
		f.Add(s, "", "", uint8(0))
	}
	f.Add("sql 2014", "v2", "vmware", uint8(1))
	ix := seed()
	langs := []string{"", "nl", "en"}
	f.Fuzz(func(t *testing.T, text, server, target string, n uint8) {
		q := Question{Text: text, Server: server, Target: target, Lang: langs[int(n)%len(langs)]}
		a, err := ix.Ask(q)
		if err != nil {
			var ue *UsageError
			if !errors.As(err, &ue) || a != nil {
				t.Fatalf("%+v: %v (answer %v)", q, err, a)
			}
			return
		}
		if a.Ambiguous() {
			if len(a.Results) != 0 || a.ExitCode() != 2 {
				t.Fatalf("%+v: ambiguous with results", q)
			}
			for _, c := range a.Candidates {
				b, err := ix.Ask(Question{Text: c.Product + " " + c.Version + " " + spaced(c.Qualifiers)})
				if err != nil || b.Ambiguous() && c.Version != "" {
					t.Fatalf("%+v: candidate %s cannot be asked alone: %v %v", q, c, err, b)
				}
			}
			return
		}
		for _, r := range a.Counted() {
			if r.Product != a.Query.Product || r.Version.Version != a.Query.Version || verdictOf(r.Status) != r.Verdict || better(r.Verdict, a.Verdict) {
				t.Fatalf("%+v: result %+v does not answer %s (%s)", q, r, a.Query, a.Verdict)
			}
		}
	})
}

func spaced(qs []string) string {
	s := ""
	for _, q := range qs {
		s += q + " "
	}
	return s
}
