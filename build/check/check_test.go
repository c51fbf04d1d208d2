package check

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

const schema = `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "required": ["locales", "rows"],
  "properties": {
    "locales": {"type": "array", "items": {"type": "string"}},
    "rows": {"type": "array", "items": {"type": "object", "required": ["id"],
      "properties": {"id": {"type": "string"}}}}
  }
}`

// site returns a small valid two-locale site, with files overridden by extra
// (an empty value deletes the file).
func site(extra map[string]string) fstest.MapFS {
	files := map[string]string{
		"index.html":              `<!doctype html><html><head><link rel="stylesheet" href="/assets/site.css"><script src="/assets/site.js" defer></script></head><body><a href="nl/">nl</a> <a href="en/index.html#rows">en</a></body></html>`,
		"assets/site.css":         `body{}`,
		"assets/site.js":          `void 0`,
		"nl/index.html":           "<!doctype html>\n<html lang=nl><head><link rel=alternate hreflang=en href=\"https://example.org/en/\"></head>\n<body><h2 id=rows>Rijen</h2><a href=\"#rows\">r</a> <a href=\"../en/#rows\">en</a> <a href=\"https://other.example/x\">x</a> <a href=\"mailto:a@b.c\">m</a>\n<script type=\"application/json\" id=data>{\"a\":1}</script></body></html>",
		"en/index.html":           "<!doctype html>\n<html lang=en><head><link rel=alternate hreflang=nl href=\"https://example.org/nl/\"></head>\n<body><h2 id=rows>Rows</h2><a name=legacy></a><a href=\"/nl/#rows\">nl</a> <a href=\"/en/#legacy\">l</a> <a href=\"/data/matrix.json\">json</a> <a href=\"/nl/#w=sql&l=nl\">state</a></body></html>",
		"data/matrix.json":        `{"locales": ["nl", "en"], "rows": [{"id": "a"}, {"id": "b"}]}`,
		"data/matrix.schema.json": schema,
	}
	for k, v := range extra {
		if v == "" {
			delete(files, k)
		} else {
			files[k] = v
		}
	}
	fsys := fstest.MapFS{}
	for k, v := range files {
		fsys[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return fsys
}

func TestSite(t *testing.T) {
	tests := []struct {
		name  string
		extra map[string]string
		want  []string // "file:line:col: code", in sorted order
	}{
		{name: "clean", want: nil},
		{
			name:  "broken link and anchor",
			extra: map[string]string{"en/extra.html": "<p>\n  <a href=\"missing.html\">x</a> <a href=\"/nl/#nope\">y</a>\n</p>", "nl/extra.html": "<p></p>"},
			want:  []string{"public/en/extra.html:2:12: broken-link", "public/en/extra.html:2:41: broken-anchor"},
		},
		{
			name:  "pretty URL and folder resolve",
			extra: map[string]string{"en/a.html": `<a href="/en/b">b</a><a href="/nl">nl</a>`, "nl/a.html": `<a href="b.html">b</a>`, "en/b.html": "x", "nl/b.html": "x"},
			want:  nil,
		},
		{
			name:  "escaping above the root",
			extra: map[string]string{"en/a.html": `<a href="../../x.html">x</a>`, "nl/a.html": "x"},
			want:  []string{"public/en/a.html:1:10: broken-link"},
		},
		{
			name:  "missing alternate",
			extra: map[string]string{"nl/only.html": "<p>alleen</p>"},
			want:  []string{"public/nl/only.html: missing-alternate"},
		},
		{
			name: "unsafe markup",
			extra: map[string]string{
				"en/x.html": "<p>\n<img src=x.png onerror=\"alert(1)\">\n<a href=\"JavaScript:alert(1)\">a</a>\n<script>alert(1)</script>\n<script type=\"application/json\">{}</script>\n</p>",
				"nl/x.html": "<p></p>", "en/x.png": "png",
			},
			want: []string{
				"public/en/x.html:2:16: event-handler",
				"public/en/x.html:3:10: unsafe-url",
				"public/en/x.html:4:1: inline-script",
			},
		},
		{
			name:  "schema violation positioned",
			extra: map[string]string{"data/matrix.json": "{\"locales\": [\"nl\", \"en\"],\n \"rows\": [{\"id\": \"a\"},\n  {\"id\": 7}]}"},
			want:  []string{"public/data/matrix.json:3:10: schema-invalid"},
		},
		{
			name:  "data missing",
			extra: map[string]string{"data/matrix.json": ""},
			want:  []string{"public/data/matrix.json: missing-file", "public/en/index.html:3:111: broken-link"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := Site(Options{FS: site(tt.extra), Root: "public", BaseURL: "https://example.org/"})
			var got []string
			for _, d := range l {
				got = append(got, fmt.Sprintf("%s: %s", d.Position, d.Code))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s\nfull:\n%v", strings.Join(got, "\n"), strings.Join(tt.want, "\n"), l)
			}
		})
	}
}

func TestLocate(t *testing.T) {
	src := []byte(`{"a": [1, {"b": "x"}], "c": {"d": null}}`)
	tests := []struct {
		loc  []string
		want string
	}{
		{nil, `{"a"`},
		{[]string{"a"}, `[1,`},
		{[]string{"a", "1", "b"}, `"x"`},
		{[]string{"c", "d"}, `null`},
	}
	for _, tt := range tests {
		off := locate(src, tt.loc)
		if !strings.HasPrefix(string(src[off:]), tt.want) {
			t.Errorf("locate(%v) = %d (%q), want at %q", tt.loc, off, src[off:], tt.want)
		}
	}
}
