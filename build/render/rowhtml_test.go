package render

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
)

// Text and links from the model cannot inject markup or script through the
// Go-written rows, details and grid.
func TestRowHTMLEscapes(t *testing.T) {
	in := fixtureInput(t)
	r := &in.Model.Rows[3]
	r.Versions["en"] = []string{`2008 <script>alert(1)</script>`}
	r.Installations[0].Text["en"] = `"onmouseover="x`
	r.Protect["en"] = []matrix.Rich{{{Text: "evil", Href: "javascript:alert(1)"}, {Text: "<img src=x>"}}}
	r.Support["v2"] = matrix.Support{Status: "conditional", Condition: matrix.LRich{"en": {{Text: "ok", Href: "https://example.com/?a=1&b=2"}}}}
	out, err := Site(in)
	if err != nil {
		t.Fatal(err)
	}
	checkOfflineData(t, out[DownloadPath])
	for _, p := range []string{"en/index.html", "en/workloads/servers/index.html"} {
		d := parseDoc(t, p, out[p])
		for _, el := range elements(d.root, "") {
			switch el.Data {
			case "img":
				t.Errorf("%s: injected <img>", p)
			case "script":
				if typ, _ := attr(el, "type"); typ == "" && hasAttr(el, "src") == false {
					t.Errorf("%s: injected <script>", p)
				}
			}
			if hasAttr(el, "onmouseover") {
				t.Errorf("%s: injected attribute on <%s>", p, el.Data)
			}
			if h, _ := attr(el, "href"); strings.HasPrefix(strings.ToLower(h), "javascript:") {
				t.Errorf("%s: javascript: link survived", p)
			}
		}
		txt := text(d.root)
		for _, want := range []string{"<script>alert(1)</script>", "<img src=x>"} {
			if !strings.Contains(txt, want) {
				t.Errorf("%s: text %q not shown as text", p, want)
			}
		}
		found := false
		for _, a := range elements(d.root, "a") {
			if h, _ := attr(a, "href"); h == "https://example.com/?a=1&b=2" {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: condition link lost or mangled", p)
		}
	}
}

// checkOfflineData: the offline file carries the hostile text as data (the
// script builds the DOM with textContent), unable to end its <script>
// element, with the javascript: link made inert and the https link intact.
func checkOfflineData(t *testing.T, page []byte) {
	t.Helper()
	d := parseDoc(t, DownloadPath, page)
	el := byID(d.root, "offline-data")
	if el == nil {
		t.Fatal("offline file: no #offline-data")
	}
	raw := text(el)
	if strings.ContainsAny(raw, "<>") {
		t.Errorf("offline data has a raw < or >: it could end its <script> element")
	}
	var data struct {
		Text []string `json:"text"`
	}
	if err := json.Unmarshal([]byte(raw), &data); err != nil {
		t.Fatalf("offline data: %v", err)
	}
	have := map[string]bool{}
	for _, s := range data.Text {
		have[s] = true
	}
	for _, want := range []string{"2008 <script>alert(1)</script>", "<img src=x>", `"onmouseover="x`, "#", "https://example.com/?a=1&b=2"} {
		if !have[want] {
			t.Errorf("offline data lacks the text %q", want)
		}
	}
	if have["javascript:alert(1)"] {
		t.Errorf("offline data keeps a javascript: link")
	}
}
