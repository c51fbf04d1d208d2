package matrix

import (
	"fmt"

	"github.com/mabs-matrix/matrixdoc/build/diag"
)

// unknowns reports a word the phrasebooks lack once per document, however
// often it occurs: at its first place, with every other place as Related
// and the count in the message, so a docs team reads one line per entry to
// add, not one per cell — and no place is lost.
type unknowns struct {
	l     *diag.List
	at    map[string]int // code and key → index of its diagnostic in *l
	count map[int]int    // index → occurrences
}

func newUnknowns(l *diag.List) *unknowns {
	return &unknowns{l: l, at: map[string]int{}, count: map[int]int{}}
}

// warn reports the word key (in Norm form) under code at pos, or adds pos
// to the warning already made for it.
func (u *unknowns) warn(pos diag.Position, code, key, format string, args ...any) {
	k := code + "\x00" + key
	if i, ok := u.at[k]; ok {
		(*u.l)[i].Related = append((*u.l)[i].Related, pos)
		u.count[i]++
		return
	}
	u.l.Warnf(pos, code, format, args...)
	i := len(*u.l) - 1
	u.at[k] = i
	u.count[i] = 1
}

// flush writes the counts into the messages of words met more than once.
func (u *unknowns) flush() {
	for i, n := range u.count {
		if n > 1 {
			(*u.l)[i].Message += fmt.Sprintf(" (%d places in this file; the others are listed as related)", n)
		}
	}
}
