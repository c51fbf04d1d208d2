package netlify

import (
	"net/http"
	"strconv"
	"strings"
)

// MatchRedirect finds the first redirect rule that applies to a request for
// the cleaned URL path p and returns it with its target, placeholders
// filled in. exists reports whether a URL path is served by a file: a rule
// without force is shadowed by one.
func (c *Config) MatchRedirect(r *http.Request, p string, exists func(string) bool) (*Redirect, string, bool) {
	for i := range c.Redirects {
		rule := &c.Redirects[i]
		m := rule.re.FindStringSubmatch(p)
		if m == nil || !rule.conditionsHold(r) {
			continue
		}
		if !rule.Force && exists != nil && exists(p) {
			continue
		}
		to := rule.To
		for j, name := range rule.names {
			to = strings.ReplaceAll(to, ":"+name, m[j+1])
		}
		return rule, to, true
	}
	return nil, "", false
}

// conditionsHold evaluates the rule's conditions against the request.
func (rule *Redirect) conditionsHold(r *http.Request) bool {
	if langs, ok := rule.Conditions["Language"]; ok {
		got := PreferredLanguage(r)
		match := false
		for _, want := range langs {
			if languageMatches(want, got) {
				match = true
				break
			}
		}
		if !match {
			return false
		}
	}
	if names, ok := rule.Conditions["Cookie"]; ok {
		match := false
		for _, name := range names {
			if _, err := r.Cookie(name); err == nil {
				match = true
				break
			}
		}
		if !match {
			return false
		}
	}
	return true
}

// PreferredLanguage is the language a Language condition is matched
// against: the nf_lang cookie when set (Netlify's override), else the
// Accept-Language entry with the highest weight (the first among equals),
// lower-cased. "" when there is none.
func PreferredLanguage(r *http.Request) string {
	if c, err := r.Cookie("nf_lang"); err == nil && c.Value != "" {
		return strings.ToLower(c.Value)
	}
	best, bestQ := "", -1.0
	for _, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		tag = strings.TrimSpace(tag)
		if tag == "" || tag == "*" {
			continue
		}
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				continue
			}
			q = f
		}
		if q > bestQ {
			best, bestQ = strings.ToLower(tag), q
		}
	}
	if bestQ <= 0 {
		return ""
	}
	return best
}

// languageMatches: "en" matches "en" and "en-gb"; "en-gb" only "en-gb".
func languageMatches(want, got string) bool {
	want = strings.ToLower(want)
	if want == got {
		return true
	}
	primary, _, _ := strings.Cut(got, "-")
	return !strings.Contains(want, "-") && primary == want
}
