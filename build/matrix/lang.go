package matrix

import (
	"slices"
	"sync"

	"github.com/mabs-matrix/matrixdoc/build/diag"
	"github.com/mabs-matrix/matrixdoc/build/phrase"
	"github.com/mabs-matrix/matrixdoc/build/product"
	"github.com/mabs-matrix/matrixdoc/build/source"
)

// The per-language knowledge of the compiler is data: the phrasebooks of
// package phrase (build/phrase/books/<tag>.yaml, plus a content folder's
// <locale>/phrasebook.yaml). This file only says which ids they may use.

// phraseVocab is what a phrasebook may name: the model's closed
// vocabularies, so a book cannot invent a target or a capability.
func phraseVocab() phrase.Vocab {
	v := phrase.Vocab{VersionKeys: product.VersionKeys}
	for _, t := range Targets {
		if t != TargetUnknown {
			v.Targets = append(v.Targets, string(t))
		}
	}
	for _, c := range Capabilities {
		v.Capabilities = append(v.Capabilities, string(c))
	}
	return v
}

// builtin parses the embedded phrasebooks once per process.
var builtin = sync.OnceValues(func() (*phrase.Set, diag.List) {
	return phrase.Embedded(phraseVocab())
})

// phrasebooks is the embedded books plus the content folder's own, with
// the diagnostics of any bad one (errors: a bad phrasebook fails the build).
func phrasebooks(c *source.Content, set *phrase.Set, bl diag.List) (*phrase.Set, diag.List) {
	l := slices.Clone(bl)
	locs := make([]string, 0, len(c.Phrasebooks))
	for loc := range c.Phrasebooks {
		locs = append(locs, loc)
	}
	slices.Sort(locs)
	v := phraseVocab()
	for _, loc := range locs {
		f := c.Phrasebooks[loc]
		var fl diag.List
		set, fl = set.WithContent(loc, f.Path, f.Src, v)
		l = append(l, fl...)
	}
	return set, l
}

// LanguageName is what a locale's language calls itself, from its
// phrasebook ("Čeština"), for a language switch whose UI strings do not
// name it; "" when no book names it.
func LanguageName(locale string) string {
	set, _ := builtin()
	return set.Name(locale)
}
