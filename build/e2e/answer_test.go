package e2e

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
)

// answerLine is one sentence of the answer panel as a reader sees it.
type answerLine struct {
	Kind, Server, Text string
}

// answerJS reads the answer panel: its sentences and the links to rows.
const answerJS = `(() => {
  const out = $root().querySelector("[data-answer-text]");
  return {Lines: Array.from(out.querySelectorAll(".answer-line")).map((p) => ({Kind: p.dataset.kind || "", Server: p.dataset.server || "",
      Text: Array.from(p.childNodes).filter((n) => !(n.getAttribute && n.getAttribute("aria-hidden"))).map((n) => n.textContent).join("").replace(/\s+/g, " ").trim()})),
    Rows: Array.from(out.querySelectorAll(".answer-rows a")).map((a) => decodeURIComponent(a.getAttribute("href").slice(1)))};
})()`

type answerState struct {
	Lines []answerLine
	Rows  []string
}

// ask chooses a question in the answer panel: workload id, version label
// as written, target id, server id ("" leaves a question to the table).
func (tb *tab) ask(w, version, target, server string) answerState {
	tb.t.Helper()
	tb.do(fmt.Sprintf(`const sel = (k) => $root().querySelector("[data-answer] select[name=" + k + "]");
	  const put = (k, v) => { const s = sel(k); s.value = v; s.dispatchEvent(new Event("change", {bubbles: true})); };
	  put("aw", %s);
	  const o = Array.from(sel("av").options).find((o) => o.text === %s);
	  put("av", o ? o.value : "");
	  put("at", %s); put("as", %s)`, js(w), js(version), js(target), js(server)))
	tb.settle()
	var st answerState
	tb.q(answerJS, &st)
	return st
}

// question is one question of the answer panel with what the model says.
type question struct {
	w, version, target, server string
	rows                       []*matrix.Row
}

// choicesOf are the answer panel's version choices row r gives on loc's
// page: its product versions by brand name and version, qualifiers aside
// ("SQL Server 2012" for "SQL Server 2012 met SP1"); an entry of an
// unknown product as written.
func choicesOf(loc string, r *matrix.Row) []string {
	var out []string
	for _, p := range r.Products {
		l := p.Label()
		if l == "" && p.Entry < len(r.Versions[loc]) {
			l = strings.TrimSpace(r.Versions[loc][p.Entry])
		}
		if l != "" && !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// behind lists the rows of workload w whose choices hold version and that
// are installed on target.
func behind(loc, w, version, target string) []*matrix.Row {
	var out []*matrix.Row
	for i := range model.Rows {
		r := &model.Rows[i]
		if r.Workload == w && slices.Contains(choicesOf(loc, r), version) &&
			slices.ContainsFunc(r.Installations, func(in matrix.Installation) bool { return in.Target == target }) {
			out = append(out, r)
		}
	}
	return out
}

// findQuestion finds, in the model, a question whose rows all have status
// st for the server (st "" : a question no row answers — not listed).
func findQuestion(loc, st string) (question, bool) {
	used := map[string]bool{}
	for _, r := range model.Rows {
		for _, in := range r.Installations {
			used[in.Target] = true
		}
	}
	for i := range model.Rows {
		r := &model.Rows[i]
		for _, v := range choicesOf(loc, r) {
			for _, term := range model.Vocabularies.Targets {
				if !used[term.ID] {
					continue
				}
				rs := behind(loc, r.Workload, v, term.ID)
				for _, srv := range model.Servers {
					if st == "" && len(rs) == 0 {
						return question{r.Workload, v, term.ID, srv.ID, nil}, true
					}
					if st == "" || len(rs) == 0 {
						continue
					}
					all := true
					for _, x := range rs {
						all = all && x.Support[srv.ID].Status == st
					}
					if all {
						return question{r.Workload, v, term.ID, srv.ID, rs}, true
					}
				}
			}
		}
	}
	return question{}, false
}

// whatOf is the sentence's list of what the rows protect: their
// capabilities' labels, in vocabulary order.
func whatOf(loc string, rs []*matrix.Row) string {
	var names []string
	for _, c := range model.Vocabularies.Capabilities {
		if slices.ContainsFunc(rs, func(r *matrix.Row) bool { return slices.Contains(r.Capabilities, c.ID) }) {
			names = append(names, lowerFirst(c.Label[loc]))
		}
	}
	return strings.Join(names, ", ")
}

// TestAnswerPanel: each of the four kinds of answer, in both languages,
// with questions found in the model: the sentence is the page's string
// filled with the server, the product version, the installation and
// what can be protected; a condition is quoted; "not listed" is not "no";
// the links go to the rows behind the answer.
func TestAnswerPanel(t *testing.T) {
	for _, loc := range model.Locales {
		t.Run(loc, func(t *testing.T) {
			ui := uiStrings(t, loc)
			tb := newTab(t)
			tb.openMatrix(loc, "")
			servers := map[string]string{}
			for _, s := range model.Servers {
				servers[s.ID] = s.Name[loc]
			}
			for _, c := range []struct{ kind, status string }{
				{"yes", "supported"}, {"conditional", "conditional"}, {"no", "unsupported"}, {"unlisted", ""},
			} {
				q, ok := findQuestion(loc, c.status)
				if !ok {
					t.Errorf("the model has no question answered %q", c.kind)
					continue
				}
				st := tb.ask(q.w, q.version, q.target, q.server)
				if len(st.Lines) != 1 {
					t.Errorf("%s %+v: %d answers %+v, want one", c.kind, q, len(st.Lines), st.Lines)
					continue
				}
				line := st.Lines[0]
				what := ""
				if w := whatOf(loc, q.rows); w != "" {
					what = fillIn(ui["answer.what"], "list", w)
				}
				cond := ""
				for _, r := range q.rows {
					if cond != "" {
						cond += "; "
					}
					cond += richText(r.Support[q.server].Condition[loc])
				}
				want := fillIn(ui["answer."+c.kind], "server", servers[q.server], "version", q.version,
					"target", ui["answer.on."+q.target], "what", what, "condition", cond)
				if line.Kind != c.kind || line.Server != q.server || line.Text != want {
					t.Errorf("%s %+v:\n got %s %q\nwant %s %q", c.kind, q, line.Kind, line.Text, c.kind, want)
				}
				var ids []string
				for _, r := range q.rows {
					ids = append(ids, r.ID)
				}
				if !slices.Equal(st.Rows, ids) {
					t.Errorf("%s: the answer links to %v, want %v", c.kind, st.Rows, ids)
				}
			}
			// "Not listed" reads differently from "No".
			if ui["answer.unlisted"] == ui["answer.no"] || strings.HasPrefix(ui["answer.unlisted"], strings.Fields(ui["answer.no"])[0]) {
				t.Errorf("%s: not listed and no read alike: %q, %q", loc, ui["answer.unlisted"], ui["answer.no"])
			}

			// Left to the table: the search narrows the table to one row, and
			// the panel answers for every release from that row.
			tb.ask("", "", "", "")
			row := sqlVMwareRow(t)
			tb.do(`$setQ("sql 2014 vmware")`)
			tb.settle()
			var st answerState
			tb.q(answerJS, &st)
			r := model.Rows[slices.IndexFunc(model.Rows, func(r matrix.Row) bool { return r.ID == row })]
			if len(st.Lines) != len(model.Servers) {
				t.Fatalf("sql 2014 vmware: %d answers %+v, want one per release", len(st.Lines), st.Lines)
			}
			kinds := map[string]string{"supported": "yes", "conditional": "conditional", "unsupported": "no"}
			for k, srv := range model.Servers {
				if l := st.Lines[k]; l.Server != srv.ID || l.Kind != kinds[r.Support[srv.ID].Status] {
					t.Errorf("sql 2014 vmware, %s: answer %+v, the row says %s", srv.ID, l, r.Support[srv.ID].Status)
				}
			}
			if !slices.Equal(st.Rows, []string{row}) {
				t.Errorf("sql 2014 vmware: links %v, want %s", st.Rows, row)
			}
			// A release named in the search is the one answered for.
			last := model.Servers[len(model.Servers)-1]
			tb.do(`$setQ(` + js("sql 2014 vmware "+last.ID) + `)`)
			tb.settle()
			var one answerState
			tb.q(answerJS, &one)
			if len(one.Lines) != 1 || one.Lines[0].Server != last.ID || one.Lines[0].Kind != kinds[r.Support[last.ID].Status] {
				t.Errorf("sql 2014 vmware %s: answers %+v, want one for %s", last.ID, one.Lines, last.ID)
			}
			tb.do(`$setQ("sql 2014 vmware")`)

			// The row link keeps the search and shows the row.
			tb.do(`$root().querySelector("[data-answer-text] .answer-rows a").click()`)
			tb.wait(`location.hash === ` + js("#"+row))
			if q := tb.str(`(() => {` + pageJS + `; return $search().value; })()`); q != "sql 2014 vmware" {
				t.Errorf("following the answer's row link cleared the search (%q)", q)
			}
			sameIDs(t, "after the row link", tb.visible(), []string{row})

			// An unanswered question says what to choose.
			tb.do(`$setQ("")`)
			st = tb.ask("", "", "", "")
			if len(st.Lines) != 1 || st.Lines[0].Kind != "choose" || st.Lines[0].Text != ui["answer.choose"] {
				t.Errorf("no question: %+v", st.Lines)
			}
		})
	}
}

// TestAnswerOffline: the offline file's panel answers as the hosted page's.
// (One tab at a time: a tab in the background gets no animation frames,
// and the panel settles after a frame.)
func TestAnswerOffline(t *testing.T) {
	qs := []string{"sql 2014 vmware", "sharepoint 2013 azure", "exchange 2013 vmware " + model.Servers[0].ID}
	for _, loc := range model.Locales {
		answers := func(tb *tab) []answerState {
			var out []answerState
			for _, q := range qs {
				tb.do(`$setQ(` + js(q) + `)`)
				tb.settle()
				var a answerState
				tb.q(answerJS, &a)
				out = append(out, a)
			}
			return out
		}
		hosted := newTab(t)
		hosted.openMatrix(loc, "")
		want := answers(hosted)
		off := newTab(t)
		off.allowFile = true
		off.open(offlineURL() + "#l=" + loc)
		off.waitApp()
		got := answers(off)
		for k := range got {
			for j, id := range got[k].Rows {
				got[k].Rows[j] = strings.TrimPrefix(id, loc+"-") // offline ids carry the locale
			}
		}
		for k, q := range qs {
			a, b := want[k], got[k]
			if len(a.Lines) == 0 || a.Lines[0].Kind == "choose" {
				t.Errorf("%s %q: the hosted page answers %+v", loc, q, a.Lines)
			}
			if !slices.EqualFunc(a.Lines, b.Lines, func(x, y answerLine) bool { return x == y }) || !slices.Equal(a.Rows, b.Rows) {
				t.Errorf("%s %q: hosted %+v, offline %+v", loc, q, a, b)
			}
		}
	}
}
