package matrix

import (
	"slices"
	"strings"

	"github.com/mabs-matrix/matrixdoc/build/diag"
)

// cellSupport is the support one cell gives, before merging locales.
type cellSupport struct {
	Status    Status
	Condition Rich // nil when there is no qualifier
	Pos       diag.Position
}

// parseSupport reads a per-release support cell: a yes/no word of the
// locale, optionally followed by a qualifier in parentheses ("Y (met UR1)")
// or on following lines ("J<br/><br/>Niet-Nano server"). A qualifier turns
// "supported" into "conditional" and is kept as the condition, links intact.
func parseSupport(locale string, c cellText, l *diag.List) cellSupport {
	lines := c.lines()
	if len(lines) == 0 {
		l.Warnf(c.Pos, "unknown-support-value", "empty support cell")
		return cellSupport{Status: StatusUnknown, Pos: c.Pos}
	}
	first := lines[0]
	t := first.text()
	end := strings.IndexAny(t, " (")
	if end < 0 {
		end = len(t)
	}
	word := strings.TrimRight(t[:end], ",;:.")
	out := cellSupport{Status: StatusUnknown, Pos: first.pos(0)}
	words := lookup(supportWords, locale)
	w := norm(word)
	switch {
	case slices.Contains(words.Yes, w):
		out.Status = StatusSupported
	case slices.Contains(words.No, w):
		out.Status = StatusUnsupported
	case slices.Contains(supportWords["en"].Yes, w):
		out.Status = StatusSupported
		l.Warnf(out.Pos, "english-support-value", "English %q where %s expected", word, words.Expect)
	case slices.Contains(supportWords["en"].No, w):
		out.Status = StatusUnsupported
		l.Warnf(out.Pos, "english-support-value", "English %q where %s expected", word, words.Expect)
	default:
		l.Warnf(out.Pos, "unknown-support-value", "unknown support value %q (status unknown)", t)
		return out
	}
	var cond []line
	if rest := first.trimmed(len(word), len(t), ",;:"); len(rest) > 0 {
		rt := rest.text()
		if strings.HasPrefix(rt, "(") && closeParen(rt, 0) == len(rt)-1 {
			rest = rest.trimmed(1, len(rt)-1, "")
		}
		if len(rest) > 0 {
			cond = append(cond, rest)
		}
	}
	cond = append(cond, lines[1:]...)
	if len(cond) > 0 {
		out.Condition = joinLines(cond).rich()
		if out.Status == StatusSupported {
			out.Status = StatusConditional
		}
	}
	return out
}

// parseRelease reads a release name such as "V3", "v2" or "V3 UR1" into an
// id ("v3", "v2", "v3-ur1"). Words before the release ("Azure Backup Server
// v2", "Serveur v1") are skipped; anything after it but an update rollup
// makes it not a release.
func parseRelease(s string) (string, bool) {
	toks := strings.Fields(releaseSeparators.Replace(norm(s)))
	for k := len(toks) - 1; k >= 0; k-- {
		if !isNumbered(toks[k], "v") {
			continue
		}
		rest := toks[k+1:]
		switch {
		case len(rest) == 0:
			return toks[k], true
		case len(rest) == 1 && isNumbered(rest[0], "ur"):
			return toks[k] + "-" + rest[0], true
		}
		return "", false
	}
	return "", false
}

// releaseSeparators split release names ("V3, V2*") into tokens.
var releaseSeparators = strings.NewReplacer(",", " ", "*", " ")

// isNumbered reports whether tok is prefix followed by digits ("v3").
func isNumbered(tok, prefix string) bool {
	d, ok := strings.CutPrefix(tok, prefix)
	if !ok || d == "" {
		return false
	}
	for _, r := range d {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// releaseCell is a parsed "supported Azure Backup Server" cell.
type releaseCell struct {
	// Releases are the release ids named, in cell order; Names their text.
	Releases  []string
	Names     []string
	None      bool // "Niet ondersteund": no release supports the row
	Unknown   bool
	Condition Rich
	Pos       diag.Position
}

// parseReleases reads a cell of a single "supported server" column: a
// comma-separated list of releases ("V3, V2", "V3 UR1") or a "not
// supported" phrase, with an optional qualifier on following lines.
func parseReleases(locale string, c cellText, l *diag.List) releaseCell {
	lines := c.lines()
	if len(lines) == 0 {
		l.Warnf(c.Pos, "unknown-support-value", "empty support cell")
		return releaseCell{Unknown: true, Pos: c.Pos}
	}
	first := lines[0]
	t := first.text()
	out := releaseCell{Pos: first.pos(0)}
	if slices.Contains(lookup(notSupported, locale), norm(t)) {
		out.None = true
	} else {
		cut := newCutter(first)
		for _, r := range splitTop(t, ',') {
			part := cut.trimmed(r[0], r[1], "")
			name := part.text()
			id, ok := parseRelease(name)
			if !ok {
				l.Warnf(cut.pos(r[0]), "unknown-support-value", "unknown server release %q (status unknown)", name)
				out.Unknown = true
				continue
			}
			out.Releases = append(out.Releases, id)
			out.Names = append(out.Names, name)
		}
	}
	if len(lines) > 1 {
		out.Condition = joinLines(lines[1:]).rich()
	}
	return out
}

// status is the support the cell gives release id.
func (rc releaseCell) status(id string) cellSupport {
	s := cellSupport{Pos: rc.Pos, Status: StatusUnsupported}
	switch {
	case rc.Unknown:
		s.Status = StatusUnknown
	case slices.Contains(rc.Releases, id):
		s.Status = StatusSupported
		if rc.Condition != nil {
			s.Status = StatusConditional
			s.Condition = rc.Condition
		}
	}
	return s
}

// closeParen returns the index of the ")" closing the "(" at s[open], or -1.
func closeParen(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}
