package query

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
)

// Words says a verdict for a person: yes, yes with condition, no, unknown,
// not listed.
func (v Verdict) Words() string {
	switch v {
	case Conditional:
		return "yes with condition"
	case NotListed:
		return "not listed"
	}
	return string(v)
}

// ExitCode is the exit status `matrixdoc query` gives an answer: 0 yes,
// 3 conditional, 1 no, unknown or not listed, 2 ambiguous (the question
// must name one product version).
func (a *Answer) ExitCode() int {
	switch {
	case a.Ambiguous():
		return 2
	case a.Verdict == Yes:
		return 0
	case a.Verdict == Conditional:
		return 3
	}
	return 1
}

// WriteJSON writes the answer as indented JSON.
func (a *Answer) WriteJSON(w io.Writer) error {
	b, err := json.MarshalIndent(a, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

func richText(r matrix.Rich) string {
	var b strings.Builder
	for _, s := range r {
		b.WriteString(s.Text)
		if s.Href != "" && s.Href != s.Text {
			b.WriteString(" <" + s.Href + ">")
		}
	}
	return b.String()
}

func richList(rs []matrix.Rich) string {
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = richText(r)
	}
	return strings.Join(s, "; ")
}

// WriteText writes the answer for a person: the verdict in one line, then
// per row its releases and installations, what can be protected and
// recovered, and the source line.
func (a *Answer) WriteText(w io.Writer) error {
	var b strings.Builder
	if a.Ambiguous() {
		fmt.Fprintf(&b, "ambiguous: the question names %d product versions; ask about one:\n", len(a.Candidates))
		for _, c := range a.Candidates {
			fmt.Fprintf(&b, "  %-32s %s\n", c.String(), c.Name())
		}
		_, err := io.WriteString(w, b.String())
		return err
	}
	where := ""
	if a.Target != "" {
		where += " on " + a.Target
	}
	if a.Server != "" {
		where += " in " + a.Server
	}
	head := a.Verdict.Words()
	if c := a.Counted(); len(c) == 1 && a.Verdict == Conditional {
		head += ": " + richText(c[0].Condition)
	}
	fmt.Fprintf(&b, "%s — %s (%s)%s\n", head, a.Query.Name(), a.Query.String(), where)
	for _, n := range a.Notes {
		fmt.Fprintf(&b, "  note: %s\n", n)
	}
	if len(a.Ignored) > 0 {
		fmt.Fprintf(&b, "  not understood in the question: %q\n", a.Ignored)
	}
	if len(a.Results) == 0 && len(a.Nearest) > 0 {
		var s []string
		for _, n := range a.Nearest {
			s = append(s, n.String())
		}
		fmt.Fprintf(&b, "  the matrix lists: %s\n", strings.Join(s, ", "))
	}
	// One block per row: per release the verdict and the installations.
	also := false
	for i := 0; i < len(a.Results); {
		row := a.Results[i].Row
		j := i
		for j < len(a.Results) && a.Results[j].Row == row {
			j++
		}
		rs := a.Results[i:j]
		if a.Workload != "" && rs[0].Workload != a.Workload && !also {
			also = true
			fmt.Fprintf(&b, "  also listed under another workload (not counted in the answer):\n")
		}
		if len(a.Results) > 1 || rs[0].Workload != a.Workload && a.Workload != "" {
			fmt.Fprintf(&b, "  %s [%s]\n", rs[0].Version.String(), rs[0].WorkloadName)
			type cell struct {
				verdict Verdict
				cond    string
				targets []string
			}
			var servers []string
			cells := map[string]*cell{}
			for _, r := range rs {
				c := cells[r.Server]
				if c == nil {
					c = &cell{verdict: r.Verdict, cond: richText(r.Condition)}
					cells[r.Server] = c
					servers = append(servers, r.Server)
				}
				c.targets = append(c.targets, r.TargetLabel)
			}
			for _, s := range servers {
				c := cells[s]
				v := c.verdict.Words()
				if c.cond != "" {
					v += ": " + c.cond
				}
				fmt.Fprintf(&b, "    %-6s %s — %s\n", s, v, strings.Join(c.targets, ", "))
			}
		}
		if p := richList(rs[0].Protect); p != "" {
			fmt.Fprintf(&b, "    protect: %s\n", p)
		}
		if r := richList(rs[0].Recover); r != "" {
			fmt.Fprintf(&b, "    recover: %s\n", r)
		}
		fmt.Fprintf(&b, "    source: %s:%d (row %s)\n", rs[0].File, rs[0].Line, row)
		i = j
	}
	_, err := io.WriteString(w, b.String())
	return err
}
