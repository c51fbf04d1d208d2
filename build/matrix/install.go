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
// lines included) and maps each phrase to a Target by the locale's rules.
// A phrase that lists several targets with commas ("Physical server,
// On-premises Hyper-V VM, Windows VM in VMWare") is split when every part is
// recognised. A phrase nothing (or more than one target) matches is
// TargetUnknown with a warning.
func parseInstallations(lg *phrase.Lang, c cellText, l *diag.List) []cellInstall {
	var out []cellInstall
	for _, ln := range c.lines() {
		ln = ln.trimmed(0, len(ln.text()), ",;-")
		if len(ln) == 0 {
			continue
		}
		t := ln.text()
		if tg, ok := classifyTarget(lg, t); ok {
			out = append(out, cellInstall{Target: tg, Text: t, Pos: ln.pos(0)})
			continue
		}
		if parts := splitTop(t, ','); len(parts) > 1 {
			var split []cellInstall
			for _, r := range parts {
				p := ln.trimmed(r[0], r[1], "")
				tg, ok := classifyTarget(lg, p.text())
				if !ok {
					split = nil
					break
				}
				split = append(split, cellInstall{Target: tg, Text: p.text(), Pos: ln.pos(r[0])})
			}
			if split != nil {
				out = append(out, split...)
				continue
			}
		}
		l.Warnf(ln.pos(0), "unknown-installation", "unknown installation %q (target unknown)", t)
		out = append(out, cellInstall{Target: TargetUnknown, Text: t, Pos: ln.pos(0)})
	}
	if len(out) == 0 {
		l.Warnf(c.Pos, "unknown-installation", "empty installation cell")
	}
	return out
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
