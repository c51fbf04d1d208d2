package matrix

import (
	"slices"
	"strconv"
	"strings"

	"github.com/mabs-matrix/matrixdoc/build/diag"
	"github.com/mabs-matrix/matrixdoc/build/phrase"
)

// cellSupport is the support one cell gives, before merging locales.
type cellSupport struct {
	Status    Status
	Condition Rich // nil when there is no qualifier
	Pos       diag.Position
}

// parseSupport reads a per-release support cell: a yes/no word of the
// language, optionally followed by a qualifier in parentheses ("Y (met
// UR1)") or on following lines ("J<br/><br/>Niet-Nano server"). A
// qualifier turns "supported" into "conditional" and is kept as the
// condition, links intact. A word the language's books lack is read from
// the cell's English original when the file has one; else the status is
// unknown, reported once per word with the entry to add.
func (dc *docCtx) parseSupport(c cellText, twin *cellText) cellSupport {
	lines := c.lines()
	if len(lines) == 0 {
		dc.l.Warnf(c.Pos, "unknown-support-value", "empty support cell")
		return cellSupport{Status: StatusUnknown, Pos: c.Pos}
	}
	first := lines[0]
	t := first.text()
	word := supportWord(t)
	out := cellSupport{Status: StatusUnknown, Pos: first.pos(0)}
	yes, m, ok := dc.lg.Support(norm(word))
	if ok && twin != nil && len(twin.lines()) > 0 {
		// Machine translation can change a fact; Microsoft's original wins.
		tw := supportWord(twin.lines()[0].text())
		if tyes, _, tok := dc.en.Support(norm(tw)); tok && tyes != yes {
			dc.l.Warnf(out.Pos, "translation-disagrees", "support value %q means %s, but the English original %q says %s; the original is used",
				word, yesNo(yes), tw, yesNo(tyes))
			yes = tyes
		}
	}
	switch {
	case ok && m.Leak:
		dc.un.warn(out.Pos, "english-support-value", norm(word), "English %q where %s expected", word, dc.lg.Expect())
	case !ok && twin != nil && len(twin.lines()) > 0:
		tw := supportWord(twin.lines()[0].text())
		if yes, _, ok = dc.en.Support(norm(tw)); ok {
			dc.un.warn(out.Pos, "unknown-support-word", norm(word),
				"support value %q is not in the %s phrasebook; read as %s from the English original %q — add it to support.%s in %s",
				word, dc.lg.Tag, yesNo(yes), tw, yesNo(yes), dc.book())
		}
	}
	if !ok {
		dc.un.warn(out.Pos, "unknown-support-value", norm(word),
			"unknown support value %q (status unknown) — if it means yes or no, add it to support.yes or support.no in %s", t, dc.book())
		return out
	}
	out.Status = StatusUnsupported
	if yes {
		out.Status = StatusSupported
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

// supportWord is the first word of a support cell's first line: up to a
// space or "(", trailing punctuation dropped.
func supportWord(t string) string {
	end := strings.IndexAny(t, " (（")
	if end < 0 {
		end = len(t)
	}
	return strings.TrimRight(t[:end], ",;:.")
}

func yesNo(yes bool) string {
	if yes {
		return "yes"
	}
	return "no"
}

// parseRelease reads a release name such as "V3", "v2", "V3 UR1" (also
// "V3UR1", "V3-UR1" and machine translation's "UR1 V3") or "V3 RTM" into an id ("v3", "v2", "v3-ur1"; RTM is the
// release itself, "v3"). Words before the release ("Azure Backup Server
// v2", "Serveur v1") are skipped; anything after it but an update rollup or
// RTM makes it not a release.
func parseRelease(s string) (string, bool) {
	toks := strings.Fields(releaseSeparators.Replace(norm(s)))
	for k := len(toks) - 1; k >= 0; k-- {
		base, ur, ok := releaseToken(toks[k])
		if !ok {
			continue
		}
		rest := toks[k+1:]
		// Machine translation sometimes turns "V3 UR1" round ("UR1 V3").
		if ur == "" && len(rest) == 0 && k > 0 && isNumbered(toks[k-1], "ur") {
			ur = toks[k-1]
		}
		switch {
		case len(rest) == 0 && ur != "":
			return base + "-" + ur, true
		case len(rest) == 0:
			return base, true
		case len(rest) == 1 && ur == "" && isNumbered(rest[0], "ur"):
			return base + "-" + rest[0], true
		case len(rest) == 1 && ur == "" && rest[0] == "rtm":
			return base, true
		}
		return "", false
	}
	return "", false
}

// releaseToken reads "v3" or "v3ur1" into its release and rollup.
func releaseToken(tok string) (base, ur string, ok bool) {
	if isNumbered(tok, "v") {
		return tok, "", true
	}
	if i := strings.Index(tok, "ur"); i > 1 && isNumbered(tok[:i], "v") && isNumbered(tok[i:], "ur") {
		return tok[:i], tok[i:], true
	}
	return "", "", false
}

// releaseSeparators split release names ("V3, V2*") into tokens.
var releaseSeparators = strings.NewReplacer(",", " ", "*", " ", "-", " ", "_", " ")

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
	Releases []string
	Names    []string
	None     bool // "Niet ondersteund": no release supports the row
	// Later are the releases named with "and later" ("V3 UR2 and later"):
	// every later release of the document is supported too.
	Later     []string
	Unknown   bool
	Condition Rich
	Pos       diag.Position
}

// parseReleases reads a cell of a single "supported server" column: a
// comma-separated list of releases ("V3, V2", "V3 UR1") or a "not
// supported" phrase, with an optional qualifier on following lines.
func (dc *docCtx) parseReleases(c cellText, twin *cellText) releaseCell {
	lines := c.lines()
	if len(lines) == 0 {
		dc.l.Warnf(c.Pos, "unknown-support-value", "empty support cell")
		return releaseCell{Unknown: true, Pos: c.Pos}
	}
	first := lines[0]
	t := first.text()
	out := releaseCell{Pos: first.pos(0)}
	_, none := dc.lg.NoRelease(norm(strings.TrimRight(t, ".,;:!。")))
	if !none && twin != nil && len(twin.lines()) > 0 {
		tw := twin.lines()[0].text()
		if _, ok := dc.en.NoRelease(norm(strings.TrimRight(tw, ".,;:!。"))); ok {
			none = true
			dc.un.warn(out.Pos, "unknown-support-word", norm(t),
				"%q is not in the %s phrasebook; read as \"not supported\" from the English original %q — add it to support.none in %s", t, dc.lg.Tag, tw, dc.book())
		}
	}
	if none {
		out.None = true
	} else {
		// "V3, V2", "V3 UR1 및 V3 UR2", "V3 UR2 and later": split on commas
		// and "and"/"or", but not inside an "and later".
		parts := splitList(maskLater(dc.lg, t), append(dc.lg.Words("and"), dc.lg.Words("or")...))
		var bad [][2]int
		cut := newCutter(first)
		for _, r := range parts {
			part := cut.trimmed(r[0], r[1], "")
			name := part.text()
			rest, later := dc.lg.Later(norm(name))
			id, ok := parseRelease(rest)
			if !ok {
				bad = append(bad, r)
				continue
			}
			out.Releases = append(out.Releases, id)
			out.Names = append(out.Names, name)
			if later {
				out.Later = append(out.Later, id)
			}
		}
		switch {
		case len(bad) == len(parts):
			// Nothing in the cell is a release: one warning for the cell.
			out.Unknown = true
			dc.un.warn(out.Pos, "unknown-support-value", norm(t),
				"%q names no server release (status unknown) — a release is written like V3, V3 UR1 or V4; if it says no release supports the row, add it to support.none in %s", t, dc.book())
		case len(bad) > 0:
			out.Unknown = true
			for _, r := range bad {
				name := cut.trimmed(r[0], r[1], "").text()
				dc.un.warn(cut.pos(r[0]), "unknown-support-value", norm(name),
					"unknown server release %q (status unknown) — a release is written like V3, V3 UR1 or V4", name)
			}
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
	case slices.Contains(rc.Releases, id) || slices.ContainsFunc(rc.Later, func(l string) bool { return releaseBefore(l, id) }):
		s.Status = StatusSupported
		if rc.Condition != nil {
			s.Status = StatusConditional
			s.Condition = rc.Condition
		}
	}
	return s
}

// maskLater returns t with every "and later" phrase of the language blanked
// (same length), so a list split does not cut one in two.
func maskLater(lg *phrase.Lang, t string) string {
	var b []byte
	for _, bk := range lg.Books {
		for _, p := range bk.Later {
			for i := 0; i < len(t); i++ {
				if !wordBoundaryBefore(t, i) && !strings.HasPrefix(p.Text, "+") {
					continue
				}
				if n, ok := phrase.HasFoldPrefix(t[i:], p.Text); ok {
					if b == nil {
						b = []byte(t)
					}
					for k := i; k < i+n; k++ {
						b[k] = '_'
					}
					i += n - 1
				}
			}
		}
	}
	if b == nil {
		return t
	}
	return string(b)
}

// releaseBefore reports whether release a comes before release b ("v3" <
// "v3-ur1" < "v3-ur2" < "v4").
func releaseBefore(a, b string) bool {
	na, ua := releaseOrder(a)
	nb, ub := releaseOrder(b)
	return na < nb || na == nb && ua < ub
}

// releaseOrder is a release id's number and update rollup ("v3-ur2" → 3, 2).
func releaseOrder(id string) (int, int) {
	base, ur, _ := strings.Cut(id, "-")
	n, _ := strconv.Atoi(strings.TrimPrefix(base, "v"))
	u, _ := strconv.Atoi(strings.TrimPrefix(ur, "ur"))
	return n, u
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
