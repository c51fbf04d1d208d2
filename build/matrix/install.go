package matrix

import (
	"strings"

	"github.com/mabs-matrix/matrixdoc/build/diag"
	"github.com/mabs-matrix/matrixdoc/build/phrase"
)

// cellInstall is one installation phrase of one locale.
type cellInstall struct {
	Target Target
	Text   string
	Pos    diag.Position
}

// parseInstallations splits an installation cell on line breaks (blank
// lines included) and maps each phrase to a Target by the language's rules.
// A phrase that lists several targets with commas or the language's "or"
// ("Physical server, On-premises Hyper-V VM, Stack VM or VMware VM") is
// split when every part is recognised. A phrase nothing (or more than one
// target) matches is read from the same line of the English original when
// the file has one; else it is TargetUnknown, reported once per phrase.
func (dc *docCtx) parseInstallations(c cellText, twin *cellText) []cellInstall {
	var out []cellInstall
	var tlines []line
	if twin != nil {
		tlines = twin.lines()
	}
	lines := c.lines()
	for k, ln := range lines {
		ln = ln.trimmed(0, len(ln.text()), ",;-")
		if len(ln) == 0 {
			continue
		}
		t := ln.text()
		if got := dc.targets(dc.lg, ln); got != nil {
			if len(tlines) == len(lines) && len(got) == 1 {
				// Machine translation can change a fact; Microsoft's original wins.
				tl := tlines[k].trimmed(0, len(tlines[k].text()), ",;-")
				if tg := dc.targets(dc.en, tl); len(tg) == 1 && tg[0].Target != got[0].Target {
					dc.l.Warnf(ln.pos(0), "translation-disagrees", "installation %q reads as %s, but the English original %q says %s; the original is used",
						t, got[0].Target, tl.text(), tg[0].Target)
					got[0].Target = tg[0].Target
				}
			}
			out = append(out, got...)
			continue
		}
		if len(tlines) == len(lines) {
			tl := tlines[k].trimmed(0, len(tlines[k].text()), ",;-")
			if got := dc.targets(dc.en, tl); len(got) == 1 {
				dc.un.warn(ln.pos(0), "unknown-installation-phrase", norm(t),
					"installation %q is not in the %s phrasebook; read as %s from the English original %q — add it to installations.%s in %s",
					t, dc.lg.Tag, got[0].Target, tl.text(), got[0].Target, dc.book())
				out = append(out, cellInstall{Target: got[0].Target, Text: t, Pos: ln.pos(0)})
				continue
			}
		}
		dc.un.warn(ln.pos(0), "unknown-installation", norm(t),
			"unknown installation %q (target unknown) — add it to installations.<target> in %s", t, dc.book())
		out = append(out, cellInstall{Target: TargetUnknown, Text: t, Pos: ln.pos(0)})
	}
	if len(out) == 0 {
		dc.l.Warnf(c.Pos, "unknown-installation", "empty installation cell")
	}
	return out
}

// targets reads one line as one target, or as a list of targets separated
// by commas or "or" words when every part is one; nil when neither.
func (dc *docCtx) targets(lg *phrase.Lang, ln line) []cellInstall {
	t := ln.text()
	if tg, ok := classifyTarget(lg, t); ok {
		return []cellInstall{{Target: tg, Text: t, Pos: ln.pos(0)}}
	}
	parts := splitList(t, lg.Words("or"))
	if len(parts) < 2 {
		return nil
	}
	var split []cellInstall
	cut := newCutter(ln)
	for _, r := range parts {
		p := cut.trimmed(r[0], r[1], "")
		tg, ok := classifyTarget(lg, p.text())
		if !ok {
			return nil
		}
		split = append(split, cellInstall{Target: tg, Text: p.text(), Pos: cut.pos(r[0])})
	}
	return split
}

// classifyTarget maps one phrase to a Target. Only the head of the phrase,
// before any parenthesised explanation, counts: "Windows virtuele machine
// in VMWare (beveiligt werkbelasting …)" is about VMware. Exactly one
// target must match.
func classifyTarget(lg *phrase.Lang, text string) (Target, bool) {
	head := norm(text)
	if i := strings.IndexByte(head, '('); i >= 0 {
		head = strings.TrimSpace(head[:i])
	}
	if head == "" {
		return TargetUnknown, false
	}
	id, _, _, ok := lg.Target(head)
	if !ok {
		return TargetUnknown, false // unknown, or ambiguous: never guess
	}
	return Target(id), true
}
