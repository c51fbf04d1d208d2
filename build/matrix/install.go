package matrix

import (
	"bytes"
	"strings"

	"github.com/mabs-matrix/matrixdoc/build/diag"
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
func parseInstallations(locale string, c cellText, l *diag.List) []cellInstall {
	var out []cellInstall
	for _, ln := range c.lines() {
		ln = ln.trimmed(0, len(ln.text()), ",;-")
		if len(ln) == 0 {
			continue
		}
		t := ln.text()
		if tg, ok := classifyTarget(locale, t); ok {
			out = append(out, cellInstall{Target: tg, Text: t, Pos: ln.pos(0)})
			continue
		}
		if parts := splitTop(t, ','); len(parts) > 1 {
			var split []cellInstall
			cut := newCutter(ln)
			for _, r := range parts {
				p := cut.trimmed(r[0], r[1], "")
				tg, ok := classifyTarget(locale, p.text())
				if !ok {
					split = nil
					break
				}
				split = append(split, cellInstall{Target: tg, Text: p.text(), Pos: cut.pos(r[0])})
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
func classifyTarget(locale, phrase string) (Target, bool) {
	head := phrase
	if i := strings.IndexByte(head, '('); i >= 0 {
		head = head[:i]
	}
	head = norm(head)
	if head == "" {
		return TargetUnknown, false
	}
	found := TargetUnknown
	for _, r := range lookup(targetRules, locale) {
		if !matchesAny(head, r.Any) {
			continue
		}
		if found != TargetUnknown && found != r.Target {
			return TargetUnknown, false // ambiguous: never guess
		}
		found = r.Target
	}
	return found, found != TargetUnknown
}

func matchesAny(head string, alts [][]string) bool {
	for _, all := range alts {
		ok := true
		for _, w := range all {
			if !containsWord(head, w) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// containsWord reports whether w occurs in s starting at a word start (so
// "vm" is not found in "vmware-machine" … but is in "hyper-v vm").
func containsWord(s, w string) bool {
	return wordIndex(s, w) >= 0
}

// wordIndex is the index of the first occurrence of w in s that starts at a
// word start and, for words of up to three letters, ends at a word end.
func wordIndex(s, w string) int { return wordIndexFrom(s, w, 0) }

// wordIndexFrom is wordIndex looking at occurrences from byte from on.
func wordIndexFrom[T string | []byte](s T, w string, from int) int {
	for from <= len(s)-len(w) {
		i := index(s[from:], w)
		if i < 0 {
			return -1
		}
		i += from
		end := i + len(w)
		startOK := i == 0 || !isWordByte(s[i-1])
		endOK := len(w) > 3 || end == len(s) || !isWordByte(s[end])
		if startOK && endOK {
			return i
		}
		from = i + 1
	}
	return -1
}

// index is strings.Index or bytes.Index.
func index[T string | []byte](s T, w string) int {
	if b, ok := any(s).([]byte); ok {
		return bytes.Index(b, []byte(w))
	}
	return strings.Index(string(s), w)
}

// isWordByte: letters, digits and the bytes of multi-byte (accented) letters.
func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}
