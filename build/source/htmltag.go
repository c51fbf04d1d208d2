package source

import (
	"strings"
)

// tag is one raw HTML tag as goldmark hands it over in an ast.RawHTML node
// (CommonMark inline raw HTML is always a single tag, comment, processing
// instruction, declaration or CDATA section). Only what the sanitizer needs
// to classify it is kept.
type tag struct {
	name    string // lower case; "" for comments and other non-tags
	closing bool   // </name>
	comment bool   // <!-- … -->
	attrs   map[string]string
}

// parseTag reads the tag at the start of s. It is lenient: anything it cannot
// read is a tag with an empty name, which every caller treats as unknown.
func parseTag(s string) tag {
	var t tag
	if strings.HasPrefix(s, "<!--") {
		t.comment = true
		return t
	}
	if len(s) < 2 || s[0] != '<' {
		return t
	}
	i := 1
	if s[i] == '/' {
		t.closing = true
		i++
	}
	j := i
	for j < len(s) && isNameByte(s[j]) {
		j++
	}
	t.name = strings.ToLower(s[i:j])
	for j < len(s) {
		for j < len(s) && isSpaceByte(s[j]) {
			j++
		}
		if j >= len(s) || s[j] == '>' || s[j] == '/' {
			j++
			continue
		}
		k := j
		for k < len(s) && !isSpaceByte(s[k]) && s[k] != '=' && s[k] != '>' && s[k] != '/' {
			k++
		}
		if k == j { // a stray byte; step over it
			j++
			continue
		}
		name := strings.ToLower(s[j:k])
		j = k
		for j < len(s) && isSpaceByte(s[j]) {
			j++
		}
		val := ""
		if j < len(s) && s[j] == '=' {
			j++
			for j < len(s) && isSpaceByte(s[j]) {
				j++
			}
			if j < len(s) && (s[j] == '"' || s[j] == '\'') {
				q := s[j]
				e := strings.IndexByte(s[j+1:], q)
				if e < 0 {
					e = len(s) - j - 1
				}
				val = s[j+1 : j+1+e]
				j += e + 2
			} else {
				k := j
				for k < len(s) && !isSpaceByte(s[k]) && s[k] != '>' {
					k++
				}
				val = s[j:k]
				j = k
			}
		}
		if t.attrs == nil {
			t.attrs = map[string]string{}
		}
		if _, dup := t.attrs[name]; !dup {
			t.attrs[name] = val
		}
	}
	return t
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// tagKind is what the sanitizer makes of a raw tag.
type tagKind int

const (
	tagUnknown   tagKind = iota // dropped with a warning
	tagBreak                    // <br>, <br/>, <br />
	tagBadBreak                 // </br>: malformed, read as a break with a warning
	tagAnchor                   // <a name="…"> or <a id="…"> without href: a heading anchor
	tagAnchorEnd                // </a>
	tagMTTarget                 // <span data-ttu-id=…>: the translation
	tagMTSource                 // <span data-stu-id=…>: the original, inside a twin
	tagMTHidden                 // <span class="sxs-lookup">: the hidden source-language twin
	tagSpanEnd                  // </span>
	tagComment                  // <!-- … -->: no content, dropped silently
)

// classify sorts a raw tag into the few kinds the source files really use.
func classify(t tag) tagKind {
	switch {
	case t.comment:
		return tagComment
	case t.name == "br" && !t.closing:
		return tagBreak
	case t.name == "br" && t.closing:
		return tagBadBreak
	case t.name == "a" && t.closing:
		return tagAnchorEnd
	case t.name == "a":
		_, hasHref := t.attrs["href"]
		_, hasName := t.attrs["name"]
		_, hasID := t.attrs["id"]
		if !hasHref && (hasName || hasID) && onlyAttrs(t, "name", "id") {
			return tagAnchor
		}
	case t.name == "span" && t.closing:
		return tagSpanEnd
	case t.name == "span":
		if t.attrs["class"] == "sxs-lookup" && onlyAttrs(t, "class") {
			return tagMTHidden
		}
		if _, ok := t.attrs["data-ttu-id"]; ok && onlyAttrs(t, "data-ttu-id") {
			return tagMTTarget
		}
		if _, ok := t.attrs["data-stu-id"]; ok && onlyAttrs(t, "data-stu-id") {
			return tagMTSource
		}
	}
	return tagUnknown
}

// onlyAttrs reports whether t carries no attribute but the allowed ones, so
// that <a name="x" onclick=…> or <span data-ttu-id=1 style=…> are not waved
// through as harmless.
func onlyAttrs(t tag, allowed ...string) bool {
	for k := range t.attrs {
		ok := false
		for _, a := range allowed {
			if k == a {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// anchorName is the id a heading anchor gives.
func anchorName(t tag) string {
	if v := strings.TrimSpace(t.attrs["name"]); v != "" {
		return v
	}
	return strings.TrimSpace(t.attrs["id"])
}
