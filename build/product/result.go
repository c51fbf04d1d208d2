package product

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mabs-matrix/matrixdoc/build/phrase"
)

// Version is one product version an entry names.
type Version struct {
	Product Product
	// Version is the version as the product names it ("2012 R2", "8.1",
	// "20H2", "Vista"); "" when the entry names the product without one
	// ("Linux running as Hyper-V or VMware guest").
	Version string
	// Qualifiers are in canonical order (SP, CU, then Qualifiers' order).
	Qualifiers []Qualifier
}

// String is "windows-server 2012 R2 [SP1, Datacenter]".
func (v Version) String() string {
	var b strings.Builder
	b.WriteString(string(v.Product))
	if v.Version != "" {
		b.WriteString(" " + v.Version)
	}
	if len(v.Qualifiers) > 0 {
		qs := make([]string, len(v.Qualifiers))
		for i, q := range v.Qualifiers {
			qs[i] = string(q)
		}
		b.WriteString(" [" + strings.Join(qs, ", ") + "]")
	}
	return b.String()
}

// Range is a byte range [Start, End) of an entry's text.
type Range struct{ Start, End int }

// Result is what Parse understood of one entry.
type Result struct {
	// Versions are the product versions the entry names, in text order.
	Versions []Version
	// Shared are the qualifiers of an entry that names no version of its
	// own, such as a line "(Including Windows Server Core edition)" under
	// the versions: they qualify every version of the other entries of the
	// cell.
	Shared []Qualifier
	// Parsed are the ranges of text Versions and Shared were read from;
	// Unparsed the ranges nothing was understood of. Both are sorted and
	// disjoint, and every byte of the text that is not white space is in
	// exactly one of them.
	Parsed, Unparsed []Range
	// FromTwin is true when the versions were read from the entry's
	// English twin (the whole text then counts as parsed).
	FromTwin bool
}

// OK reports whether the whole entry was understood.
func (r Result) OK() bool { return len(r.Unparsed) == 0 }

// WithQualifiers returns v with qs added, each once, in canonical order.
func WithQualifiers(v Version, qs ...Qualifier) Version {
	v.Qualifiers = addQuals(slices.Clone(v.Qualifiers), qs)
	return v
}

// Covers checks the package's no-loss invariant for a Result of text: the
// ranges are sorted, disjoint, non-empty and inside the text, and every
// byte of it that is not white space is in one of them. Tests and fuzzing
// call it; nil means it holds.
func (r Result) Covers(text string) error {
	type span struct {
		Range
		parsed bool
	}
	all := make([]span, 0, len(r.Parsed)+len(r.Unparsed))
	for _, x := range r.Parsed {
		all = append(all, span{x, true})
	}
	for _, x := range r.Unparsed {
		all = append(all, span{x, false})
	}
	slices.SortFunc(all, func(a, b span) int { return a.Start - b.Start })
	end := 0
	for _, s := range all {
		if s.Start < end || s.End <= s.Start || s.End > len(text) {
			return fmt.Errorf("ranges overlap, are empty or leave the text: %v", all)
		}
		if gap := text[end:s.Start]; strings.TrimFunc(gap, isSpace) != "" {
			return fmt.Errorf("%q is in no range", gap)
		}
		end = s.End
	}
	if gap := text[end:]; strings.TrimFunc(gap, isSpace) != "" {
		return fmt.Errorf("%q is in no range", gap)
	}
	return nil
}

// isSpace is white space as the lexer skips it (phrase.FoldRune's).
func isSpace(r rune) bool { return phrase.FoldRune(r) == ' ' }
