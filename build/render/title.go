package render

import (
	"strings"
	"unicode"
)

// Meta is what a locale's front matter says about its pages beyond the
// model: the title to show and whether the text is a machine translation.
type Meta struct {
	// Title is the front matter's title as written ("" when absent).
	Title string
	// MachineTranslated is set by ms.translationtype: MT.
	MachineTranslated bool
}

// The page title of a locale — <title>, the <h1>, the breadcrumb, the
// offline file's title — is, in order:
//
//  1. the front matter's title, when realTitle accepts it;
//  2. else the document's first-level heading (the model's source title),
//     when realTitle accepts that;
//  3. else the site's name (strings "site.name").
//
// realTitle accepts a title once the publisher's site name after the last
// "|" is cut off ("What Azure Backup Server can back up | Microsoft Docs"
// → "What Azure Backup Server can back up"; the corpus localizes it as
// "| Documentos de Microsoft", "| Документы Microsoft", …), unless what is
// left
//   - is empty or holds no letter,
//   - holds a control character (a line break), or
//   - starts with a localization pipeline's marker glued to the first word
//     (titleMarkers: the corpus's "aaaWhat serveru Azure Backup můžete
//     zálohovat" is half English, half machine translation).
//
// A clumsy but genuine machine-translated title ("Wat Azure Backup-Server
// kan een back-up") is a real title: the page says it is machine translated.

// titleMarkers are prefixes a localization pipeline leaves in front of a
// title it has not finished; with an upper-case letter right after them
// they are not part of a word.
var titleMarkers = []string{"aaa"}

// realTitle returns t made fit for a page, and whether it is a real title.
func realTitle(t string) (string, bool) {
	t = strings.TrimSpace(t)
	if i := strings.LastIndex(t, "|"); i >= 0 {
		t = strings.TrimSpace(t[:i])
	}
	letter := false
	for _, r := range t {
		if unicode.IsControl(r) {
			return "", false
		}
		letter = letter || unicode.IsLetter(r)
	}
	if !letter {
		return "", false
	}
	for _, m := range titleMarkers {
		if rest, ok := strings.CutPrefix(t, m); ok && rest != "" {
			if r := []rune(rest)[0]; unicode.IsUpper(r) {
				return "", false
			}
		}
	}
	return t, true
}

// pageTitle picks a locale's page title: the front matter's, the heading's,
// or the site's name (see above).
func pageTitle(frontMatter, heading, siteName string) string {
	if t, ok := realTitle(frontMatter); ok {
		return t
	}
	if t, ok := realTitle(heading); ok {
		return t
	}
	return siteName
}

// noticeLocale is the locale of the original a machine translation points
// to: the notice says "the English original is authoritative".
const noticeLocale = "en"

// notice is the machine-translation notice of a locale's pages.
type notice struct {
	Text     string
	LinkText string
	// Original is the locale of the original ("" when the site has no
	// original to link to: the notice then has no link).
	Original string
	// Href is the same place in the original: set per page.
	Href string
	// Offline marks the offline file, where the link switches the view.
	Offline bool
}

// notice returns the notice of loc's pages, or nil when loc's document is
// not a machine translation.
func (r *renderer) notice(loc string) *notice {
	if !r.in.Meta[loc].MachineTranslated {
		return nil
	}
	s := r.strs[loc]
	n := &notice{Text: s.get("mt.notice")}
	if loc != noticeLocale && r.strs[noticeLocale] != nil && !r.in.Meta[noticeLocale].MachineTranslated {
		n.Original, n.LinkText = noticeLocale, s.get("mt.original")
	}
	return n
}

// at is the notice with its link to rel (the page's path below the
// locale folder, "" for the matrix) in the original, from a page depth
// folders below the root.
func (n *notice) at(rel string, depth int) *notice {
	if n == nil {
		return nil
	}
	c := *n
	if c.Original != "" {
		c.Href = strings.Repeat("../", depth) + c.Original + "/" + rel
	}
	return &c
}

// offlineAt is the notice in the offline file: its link shows the same
// view in the original (offline.ts keeps the view and the filter state).
func (n *notice) offlineAt() *notice {
	if n == nil {
		return nil
	}
	c := *n
	c.Offline = true
	if c.Original != "" {
		c.Href = "#l=" + c.Original
	}
	return &c
}
