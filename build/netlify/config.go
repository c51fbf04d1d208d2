// Package netlify reads the site's netlify.toml and serves a folder the way
// Netlify would serve it with that file: the same headers, the same redirects,
// the same 404 page. It exists so that what the tests and `matrixdoc serve`
// see is what the deployed site sends — one source of truth for hosting rules.
//
// Input: the path of a netlify.toml (Load) and a publish folder (Handler).
// Output: a typed Config and an http.Handler.
//
// What is modelled, following Netlify's documented behaviour and its open
// source parsers:
//
//   - [build]: command, publish, environment.
//   - [[headers]]: `for` and header names are trimmed, and a value is
//     trimmed with each comma and the white space around it made ", " (so a
//     TOML multi-line value is one line), as Netlify's headers-parser does.
//     `for` path patterns — `*` as a whole segment matches the
//     rest of the path (the slash before it optional), `*` inside a segment
//     matches anything, `:name` matches one segment; matching is
//     case-insensitive and ignores one trailing slash. Every rule that matches
//     a request path applies. When two matching rules set the same header the
//     values are joined with ", " here, while the Netlify CLI keeps the later
//     rule's value and the CDN does not document what it does — which is why
//     netlify.toml keeps rules disjoint per header name, and why Overlaps
//     exists to check it.
//   - [[redirects]]: first matching rule wins; a rule without force is
//     shadowed by an existing file; status 301/302/303/307/308 redirects,
//     200 and 404 rewrite (serve `to` with that status). `:splat` and
//     `:name` are substituted into `to`. Conditions: Language (the nf_lang
//     cookie overrides Accept-Language, as on Netlify) and Cookie; role,
//     language and country may be spelled in lower case, as Netlify allows.
//   - Pretty URLs: /a/ serves /a/index.html, /a (a folder) redirects to /a/.
//   - A path that is no file gets /404.html with status 404.
//
// build/judge's TestNetlifyResolver holds this reading to Netlify's own
// (@netlify/config) rule for rule. Where headers-parser leaves a `*` inside
// a segment unescaped (so "." there is any character), this package reads
// the rest of the segment literally; netlify.toml uses no such pattern, and
// that test keeps it so.
//
// Invariants: Load rejects keys it does not know (a typo in netlify.toml is an
// error, not a silently ignored rule) and conditions the local server cannot
// evaluate (Country, Role), so nothing in the file is quietly not applied.
package netlify

import (
	"errors"
	"fmt"
	"maps"
	"net/http"
	"regexp"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// Config is a parsed netlify.toml.
type Config struct {
	Build     Build        `toml:"build"`
	Headers   []HeaderRule `toml:"headers"`
	Redirects []Redirect   `toml:"redirects"`
}

// Build is the [build] table.
type Build struct {
	Command     string            `toml:"command"`
	Publish     string            `toml:"publish"`
	Environment map[string]string `toml:"environment"`
}

// HeaderRule is one [[headers]] table: extra response headers for every path
// that matches For.
type HeaderRule struct {
	For    string            `toml:"for"`
	Values map[string]string `toml:"values"`

	re *regexp.Regexp
}

// Redirect is one [[redirects]] table.
type Redirect struct {
	From       string              `toml:"from"`
	To         string              `toml:"to"`
	Status     int                 `toml:"status"`
	Force      bool                `toml:"force"`
	Conditions map[string][]string `toml:"conditions"`

	re    *regexp.Regexp
	names []string // capture group names of re, in order ("splat" for *)
}

// Load reads and checks a netlify.toml.
func Load(path string) (*Config, error) {
	var cfg Config
	md, err := toml.DecodeFile(path, &cfg)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := cfg.compile(md); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &cfg, nil
}

// Parse reads and checks netlify.toml text (for tests of small configs).
func Parse(text string) (*Config, error) {
	var cfg Config
	md, err := toml.Decode(text, &cfg)
	if err != nil {
		return nil, err
	}
	if err := cfg.compile(md); err != nil {
		return nil, err
	}
	return &cfg, nil
}

// compile validates the decoded file and prepares the path matchers.
func (c *Config) compile(md toml.MetaData) error {
	var errs []error
	if und := md.Undecoded(); len(und) > 0 {
		keys := make([]string, len(und))
		for i, k := range und {
			keys[i] = k.String()
		}
		errs = append(errs, fmt.Errorf("unknown keys: %s", strings.Join(keys, ", ")))
	}
	for i := range c.Headers {
		h := &c.Headers[i]
		h.For = strings.TrimSpace(h.For) // as Netlify's headers-parser reads it
		if !strings.HasPrefix(h.For, "/") {
			errs = append(errs, fmt.Errorf("headers[%d]: for = %q must start with /", i, h.For))
			continue
		}
		if len(h.Values) == 0 {
			// Netlify drops such a rule without a word.
			errs = append(errs, fmt.Errorf("headers[%d] (%s): no values", i, h.For))
		}
		values := make(map[string]string, len(h.Values))
		for rawName, rawValue := range h.Values {
			name, v := strings.TrimSpace(rawName), normalizeValue(rawValue)
			if name == "" {
				errs = append(errs, fmt.Errorf("headers[%d] (%s): empty header name", i, h.For))
				continue
			}
			if _, dup := values[name]; dup {
				errs = append(errs, fmt.Errorf("headers[%d] (%s): %s is set twice", i, h.For, name))
			}
			if strings.ContainsAny(v, "\r\n") {
				errs = append(errs, fmt.Errorf("headers[%d] (%s): %s: a line break not after a comma stays in the value; write it on one line", i, h.For, name))
			}
			values[name] = v
		}
		h.Values = values
		for j := range i {
			if o := &c.Headers[j]; o.For == h.For && maps.Equal(o.Values, h.Values) {
				// Netlify keeps only the last of identical rules; here both
				// would apply and join their values.
				errs = append(errs, fmt.Errorf("headers[%d] (%s): the same rule as headers[%d]", i, h.For, j))
			}
		}
		h.re, _ = pattern(h.For)
	}
	for i := range c.Redirects {
		r := &c.Redirects[i]
		if !strings.HasPrefix(r.From, "/") {
			errs = append(errs, fmt.Errorf("redirects[%d]: from = %q must start with /", i, r.From))
			continue
		}
		if r.Status == 0 {
			r.Status = http.StatusMovedPermanently // Netlify's default
		}
		switch r.Status {
		case 200, 301, 302, 303, 307, 308, 404:
		default:
			errs = append(errs, fmt.Errorf("redirects[%d] (%s): status %d is not supported", i, r.From, r.Status))
		}
		if r.Status == 200 || r.Status == 404 {
			if !strings.HasPrefix(r.To, "/") {
				errs = append(errs, fmt.Errorf("redirects[%d] (%s): a rewrite must go to a local path, not %q", i, r.From, r.To))
			}
		}
		r.Conditions = normalizeConditions(r.Conditions)
		for k := range r.Conditions {
			switch k {
			case "Language", "Cookie":
			default:
				errs = append(errs, fmt.Errorf("redirects[%d] (%s): condition %q cannot be evaluated locally", i, r.From, k))
			}
		}
		r.re, r.names = pattern(r.From)
	}
	return errors.Join(errs...)
}

// multipleValues is where Netlify's headers-parser splits a header value:
// at each comma, with the white space around it.
var multipleValues = regexp.MustCompile(`\s*,\s*`)

// normalizeValue is a header value as Netlify serves it: trimmed, and each
// comma with the white space around it made ", " — so a value written over
// several lines (a TOML multi-line string, as Netlify's docs show for
// Cache-Control) becomes one line.
func normalizeValue(v string) string {
	return multipleValues.ReplaceAllString(strings.TrimSpace(v), ", ")
}

// normalizeConditions spells the conditions Netlify accepts in lower case
// (role, language, country) as it does, capitalized; given both spellings,
// the lower-case one wins, as in its redirect-parser.
func normalizeConditions(in map[string][]string) map[string][]string {
	if len(in) == 0 {
		return in
	}
	out := make(map[string][]string, len(in))
	for k, v := range in {
		out[k] = v
	}
	for _, k := range []string{"Role", "Language", "Country"} {
		lower := strings.ToLower(k)
		v, ok := out[lower]
		if !ok {
			continue
		}
		delete(out, lower)
		out[k] = v
	}
	return out
}

// pattern turns a Netlify path pattern into an anchored, case-insensitive
// regular expression, segment by segment, and names its capture groups.
func pattern(p string) (*regexp.Regexp, []string) {
	var parts, names []string
	for _, seg := range strings.Split(p, "/") {
		seg = strings.TrimRight(seg, " \t")
		if seg == "" {
			continue
		}
		switch {
		case strings.HasPrefix(seg, ":"):
			parts = append(parts, "([^/]+)")
			names = append(names, seg[1:])
		case seg == "*":
			// The whole segment, slash before it included, is optional:
			// "/assets/*" matches "/assets" and "/assets/a/b.js".
			parts = append(parts, "?(.*)")
			names = append(names, "splat")
		case strings.Contains(seg, "*"):
			pieces := strings.Split(seg, "*")
			for i := range pieces {
				pieces[i] = regexp.QuoteMeta(pieces[i])
			}
			parts = append(parts, strings.Join(pieces, "(.*)"))
			for range len(pieces) - 1 {
				names = append(names, "splat")
			}
		default:
			parts = append(parts, regexp.QuoteMeta(seg))
		}
	}
	return regexp.MustCompile("(?i)^/" + strings.Join(parts, "/") + "/?$"), names
}

// Matches reports whether the rule applies to the URL path.
func (h *HeaderRule) Matches(urlPath string) bool { return h.re.MatchString(urlPath) }

// HeaderRulesFor lists the header rules that apply to a URL path, in file
// order.
func (c *Config) HeaderRulesFor(urlPath string) []*HeaderRule {
	var out []*HeaderRule
	for i := range c.Headers {
		if c.Headers[i].Matches(urlPath) {
			out = append(out, &c.Headers[i])
		}
	}
	return out
}

// HeadersFor returns the headers netlify.toml adds to a response for the URL
// path. Values of a header set by several matching rules are joined with ", ".
func (c *Config) HeadersFor(urlPath string) http.Header {
	out := http.Header{}
	for _, r := range c.HeaderRulesFor(urlPath) {
		for name, v := range r.Values {
			if prev := out.Get(name); prev != "" {
				v = prev + ", " + v
			}
			out.Set(name, v)
		}
	}
	return out
}

// Overlaps lists the header names (canonical form, sorted) that more than one
// rule sets for the URL path — values Netlify would combine.
func (c *Config) Overlaps(urlPath string) []string {
	seen := map[string]int{}
	for _, r := range c.HeaderRulesFor(urlPath) {
		for name := range r.Values {
			seen[http.CanonicalHeaderKey(name)]++
		}
	}
	var out []string
	for name, n := range seen {
		if n > 1 {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}
