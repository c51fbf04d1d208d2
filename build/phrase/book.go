package phrase

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mabs-matrix/matrixdoc/build/diag"
	"gopkg.in/yaml.v3"
)

// Column is what a table column means.
type Column string

// The columns a header phrase can name, in the order headers are tried:
// "Azure Backup Server installation" is the installation column although it
// also names the server.
const (
	ColInstallation    Column = "installation"
	ColSupportedServer Column = "supported-server"
	ColProtection      Column = "protection"
	ColVersion         Column = "version"
	ColWorkload        Column = "workload"
	// ColRelease words make, with a release token, a per-release column.
	ColRelease Column = "release"
	// ColReleaseNumber words followed by a number name a release in a
	// header ("Сервер версии 2" is v2).
	ColReleaseNumber Column = "release-number"
)

// Columns lists every Column in the order headers are tried.
var Columns = []Column{ColInstallation, ColSupportedServer, ColProtection, ColVersion, ColWorkload, ColRelease, ColReleaseNumber}

// Phrase is one entry of a phrasebook, in Norm form, with its place.
type Phrase struct {
	Text string
	Pos  diag.Position
}

// Rule is an installation phrase: every word of All occurs in the phrase's
// head at a word start, and no word of None does.
type Rule struct {
	All, None []string
	Pos       diag.Position
}

// Book is one parsed, validated phrasebook.
type Book struct {
	Tag    string // "nl", "pt-br", "root"
	Name   string
	Parent string // "" means the tag minus its last subtag
	File   string

	Columns       map[Column][]Phrase
	Yes, No, None []Phrase
	// Later follow a release to mean it and every later one ("V3 UR2 and
	// later").
	Later []Phrase
	// Installations maps a target id to its rules, in book order.
	Installations map[string][]Rule
	// Protect and Recover are paragraph labels, each ending in ":".
	Protect, Recover []Phrase
	// RecoveryWords mark an unlabelled list as what can be recovered;
	// ProtectWords mark a note as naming protectable things.
	RecoveryWords, ProtectWords []Phrase
	// NotWords negate a note: "… can't protect a DAG" names no capability.
	NotWords []Phrase
	// Capabilities maps a capability id ("" for ignore) to its keywords.
	Capabilities map[string][]Phrase
	// Workloads maps a workload id to its phrases; WorkloadOrder is the
	// order of the ids in the book.
	Workloads     map[string][]Phrase
	WorkloadOrder []string
	// WorkloadVersions maps a workload id to phrases of a version cell that
	// tell the workload when its own cell is not understood ("windows
	// server" → servers).
	WorkloadVersions map[string][]Phrase
	// VersionWords maps a versions key ("and", "or", …) to its words.
	VersionWords map[string][]Phrase
}

// Vocab names the ids a phrasebook may use; anything else is an error.
type Vocab struct {
	Targets      []string
	Capabilities []string
	// VersionKeys are the keys of the versions section.
	VersionKeys []string
}

// ParseBook parses and validates one phrasebook. file names it in
// diagnostics; tag is the language the file must be for ("" accepts the
// file's own). A book is returned only when the list has no errors.
func ParseBook(file, tag string, src []byte, v Vocab) (*Book, diag.List) {
	return parseBook(file, tag, false, src, v)
}

// parseBook is ParseBook; relaxed also accepts a book whose language is a
// parent or a variant of tag (a content folder "nl-nl" may hold "language:
// nl").
func parseBook(file, tag string, relaxed bool, src []byte, v Vocab) (*Book, diag.List) {
	p := &bookParser{file: file, vocab: v}
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		p.l.Errorf(p.yamlErrPos(err, src), "bad-phrasebook", "malformed YAML: %s", yamlMessage(err.Error()))
		return nil, p.l
	}
	b := &Book{
		File: file, Columns: map[Column][]Phrase{}, Installations: map[string][]Rule{},
		Capabilities: map[string][]Phrase{}, Workloads: map[string][]Phrase{}, WorkloadVersions: map[string][]Phrase{}, VersionWords: map[string][]Phrase{},
	}
	if len(root.Content) == 0 {
		p.l.Errorf(diag.Position{File: file, Line: 1, Col: 1}, "bad-phrasebook", "empty phrasebook: it needs at least 'language:'")
		return nil, p.l
	}
	doc := root.Content[0]
	if !p.isMap(doc, "a phrasebook") {
		return nil, p.l
	}
	p.fields(doc, func(key string, k, val *yaml.Node) {
		switch key {
		case "language":
			b.Tag = strings.ToLower(p.scalar(val, key))
		case "name":
			b.Name = p.scalar(val, key)
		case "parent":
			b.Parent = strings.ToLower(p.scalar(val, key))
		case "columns":
			p.section(val, key, func(k2 string, kn, vn *yaml.Node) {
				col := Column(k2)
				if !slices.Contains(Columns, col) {
					p.errAt(kn, "unknown column %q (want one of %s)", k2, joinQuoted(Columns))
					return
				}
				b.Columns[col] = p.phrases(vn, key+"."+k2)
			})
			// The release words only qualify a header; each of the other
			// columns owns its phrases.
			named := map[Column][]Phrase{}
			for c, ps := range b.Columns {
				if c != ColRelease && c != ColReleaseNumber {
					named[c] = ps
				}
			}
			uniqueAcross(p, key, named)
		case "support":
			p.section(val, key, func(k2 string, kn, vn *yaml.Node) {
				switch k2 {
				case "yes":
					b.Yes = p.phrases(vn, "support.yes")
				case "no":
					b.No = p.phrases(vn, "support.no")
				case "none":
					b.None = p.phrases(vn, "support.none")
				case "later":
					b.Later = p.phrases(vn, "support.later")
				default:
					p.errAt(kn, "unknown key support.%s (want yes, no, none or later)", k2)
				}
			})
			uniqueAcross(p, key, map[string][]Phrase{"yes": b.Yes, "no": b.No})
		case "installations":
			p.section(val, key, func(k2 string, kn, vn *yaml.Node) {
				if !slices.Contains(v.Targets, k2) {
					p.errAt(kn, "unknown installation target %q (want one of %s)", k2, joinQuoted(v.Targets))
					return
				}
				for _, ph := range p.phrases(vn, key+"."+k2) {
					if r, ok := p.rule(ph); ok {
						b.Installations[k2] = append(b.Installations[k2], r)
					}
				}
			})
		case "labels":
			p.section(val, key, func(k2 string, kn, vn *yaml.Node) {
				switch k2 {
				case "protect", "recover":
					ps := p.phrases(vn, "labels."+k2)
					for _, ph := range ps {
						if !strings.HasSuffix(ph.Text, ":") {
							p.l.Errorf(ph.Pos, "bad-phrasebook", "label %q must end with ':' (it is the text up to the list)", ph.Text)
						}
					}
					if k2 == "protect" {
						b.Protect = ps
					} else {
						b.Recover = ps
					}
				case "recovery-words":
					b.RecoveryWords = p.phrases(vn, "labels."+k2)
				case "protect-words":
					b.ProtectWords = p.phrases(vn, "labels."+k2)
				case "not-words":
					b.NotWords = p.phrases(vn, "labels."+k2)
				default:
					p.errAt(kn, "unknown key labels.%s (want protect, recover, recovery-words, protect-words or not-words)", k2)
				}
			})
			uniqueAcross(p, key, map[string][]Phrase{"protect": b.Protect, "recover": b.Recover})
		case "capabilities":
			p.section(val, key, func(k2 string, kn, vn *yaml.Node) {
				id := k2
				if k2 == "ignore" {
					id = ""
				} else if !slices.Contains(v.Capabilities, k2) {
					p.errAt(kn, "unknown capability %q (want ignore or one of %s)", k2, joinQuoted(v.Capabilities))
					return
				}
				b.Capabilities[id] = p.phrases(vn, key+"."+k2)
			})
			uniqueAcross(p, key, b.Capabilities)
		case "workloads":
			p.section(val, key, func(k2 string, kn, vn *yaml.Node) {
				if !isSlug(k2) {
					p.errAt(kn, "workload id %q must be lower-case ASCII letters, digits and hyphens", k2)
					return
				}
				b.Workloads[k2] = p.phrases(vn, key+"."+k2)
				b.WorkloadOrder = append(b.WorkloadOrder, k2)
			})
			uniqueAcross(p, key, b.Workloads)
		case "workload-versions":
			p.section(val, key, func(k2 string, kn, vn *yaml.Node) {
				if !isSlug(k2) {
					p.errAt(kn, "workload id %q must be lower-case ASCII letters, digits and hyphens", k2)
					return
				}
				b.WorkloadVersions[k2] = p.phrases(vn, key+"."+k2)
			})
			uniqueAcross(p, key, b.WorkloadVersions)
		case "versions":
			p.section(val, key, func(k2 string, kn, vn *yaml.Node) {
				if !slices.Contains(v.VersionKeys, k2) {
					p.errAt(kn, "unknown key versions.%s (want one of %s)", k2, joinQuoted(v.VersionKeys))
					return
				}
				b.VersionWords[k2] = p.phrases(vn, key+"."+k2)
			})
		default:
			p.errAt(k, "unknown key %q (want language, name, parent, columns, support, installations, labels, capabilities, workloads, workload-versions or versions)", key)
		}
	})
	switch {
	case b.Tag == "" && tag == "":
		p.l.Errorf(p.pos(doc), "bad-phrasebook", "the phrasebook has no 'language:'")
	case b.Tag == "":
		b.Tag = tag
	case tag != "" && b.Tag != tag && !(relaxed && (strings.HasPrefix(tag, b.Tag+"-") || strings.HasPrefix(b.Tag, tag+"-"))):
		p.l.Errorf(p.keyPos(doc, "language"), "bad-phrasebook", "language %q does not match this file's language %q", b.Tag, tag)
	}
	if b.Tag != "" && !isTag(b.Tag) {
		p.l.Errorf(p.keyPos(doc, "language"), "bad-phrasebook", "language %q is not a language tag (like nl, pt-br, zh-tw)", b.Tag)
	}
	if p.l.HasErrors() {
		return nil, p.l
	}
	return b, p.l
}

// bookParser walks one phrasebook's YAML tree, collecting diagnostics.
type bookParser struct {
	file  string
	vocab Vocab
	l     diag.List
}

func (p *bookParser) pos(n *yaml.Node) diag.Position {
	return diag.Position{File: p.file, Line: n.Line, Col: n.Column}
}

func (p *bookParser) errAt(n *yaml.Node, format string, args ...any) {
	p.l.Errorf(p.pos(n), "bad-phrasebook", format, args...)
}

func (p *bookParser) isMap(n *yaml.Node, what string) bool {
	if n.Kind != yaml.MappingNode {
		p.errAt(n, "%s must be a mapping of keys to values", what)
		return false
	}
	return true
}

// fields calls f for every key of mapping n, reporting a key given twice.
func (p *bookParser) fields(n *yaml.Node, f func(key string, k, v *yaml.Node)) {
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			p.errAt(k, "keys must be plain words")
			continue
		}
		if seen[k.Value] {
			p.errAt(k, "key %q is given twice", k.Value)
			continue
		}
		seen[k.Value] = true
		f(k.Value, k, v)
	}
}

func (p *bookParser) section(n *yaml.Node, key string, f func(key string, k, v *yaml.Node)) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return // "versions:" with nothing under it
	}
	if !p.isMap(n, key) {
		return
	}
	p.fields(n, f)
}

func (p *bookParser) scalar(n *yaml.Node, key string) string {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		p.errAt(n, "%s must be a single text value", key)
		return ""
	}
	return strings.TrimSpace(n.Value)
}

// phrases reads a sequence of strings (a single string is accepted as a
// list of one), each in Norm form; an empty one or one given twice is an error.
func (p *bookParser) phrases(n *yaml.Node, key string) []Phrase {
	var items []*yaml.Node
	switch {
	case n.Kind == yaml.SequenceNode:
		items = n.Content
	case n.Kind == yaml.ScalarNode && n.Tag != "!!null":
		items = []*yaml.Node{n}
	case n.Kind == yaml.ScalarNode:
		return nil
	default:
		p.errAt(n, "%s must be a list of phrases", key)
		return nil
	}
	out := make([]Phrase, 0, len(items))
	seen := map[string]bool{}
	for _, it := range items {
		if it.Kind != yaml.ScalarNode || it.Tag == "!!null" {
			p.errAt(it, "%s: each entry must be a phrase (text)", key)
			continue
		}
		t := Norm(it.Value)
		if t == "" {
			p.errAt(it, "%s: empty phrase", key)
			continue
		}
		if seen[t] {
			p.errAt(it, "%s: phrase %q is listed twice", key, t)
			continue
		}
		seen[t] = true
		out = append(out, Phrase{Text: t, Pos: p.pos(it)})
	}
	return out
}

// uniqueAcross reports a phrase given to two keys of one section: it would
// mean two things.
func uniqueAcross[K ~string](p *bookParser, section string, m map[K][]Phrase) {
	type entry struct {
		key string
		ph  Phrase
	}
	var all []entry
	for k, list := range m {
		for _, ph := range list {
			all = append(all, entry{displayKey(string(k)), ph})
		}
	}
	// The later of two entries in the file is the one reported.
	slices.SortFunc(all, func(a, b entry) int {
		if a.ph.Pos.Line != b.ph.Pos.Line {
			return a.ph.Pos.Line - b.ph.Pos.Line
		}
		return a.ph.Pos.Col - b.ph.Pos.Col
	})
	owner := map[string]string{}
	for _, e := range all {
		if o, ok := owner[e.ph.Text]; ok && o != e.key {
			p.l.Errorf(e.ph.Pos, "bad-phrasebook", "%s: phrase %q is under both %q and %q", section, e.ph.Text, o, e.key)
			continue
		}
		owner[e.ph.Text] = e.key
	}
}

func displayKey(k string) string {
	if k == "" {
		return "ignore"
	}
	return k
}

// rule parses "a + b ! c": all of a and b, none of c.
func (p *bookParser) rule(ph Phrase) (Rule, bool) {
	r := Rule{Pos: ph.Pos}
	parts := strings.Split(ph.Text, "!")
	for _, w := range strings.Split(parts[0], "+") {
		if w = strings.TrimSpace(w); w != "" {
			r.All = append(r.All, w)
		}
	}
	for _, w := range parts[1:] {
		if w = strings.TrimSpace(w); w != "" {
			r.None = append(r.None, w)
		}
	}
	if len(r.All) == 0 {
		p.l.Errorf(ph.Pos, "bad-phrasebook", "installation phrase %q names no words ('a + b ! c': a and b, not c)", ph.Text)
		return r, false
	}
	return r, true
}

// keyPos is the position of key in mapping n, or of n.
func (p *bookParser) keyPos(n *yaml.Node, key string) diag.Position {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return p.pos(n.Content[i+1])
		}
	}
	return p.pos(n)
}

// yamlErrPos reads the line out of a yaml.v3 error ("yaml: line 3: …").
func (p *bookParser) yamlErrPos(err error, src []byte) diag.Position {
	var line int
	msg := err.Error()
	if i := strings.Index(msg, "line "); i >= 0 {
		fmt.Sscanf(msg[i+len("line "):], "%d", &line)
	}
	if line <= 0 || line > strings.Count(string(src), "\n")+1 {
		line = 1
	}
	return diag.Position{File: p.file, Line: line, Col: 1}
}

// yamlMessage drops yaml's "yaml: line N: " prefix (the position says it).
func yamlMessage(msg string) string {
	msg = strings.TrimPrefix(msg, "yaml: ")
	if strings.HasPrefix(msg, "line ") {
		if i := strings.Index(msg, ": "); i >= 0 {
			msg = msg[i+2:]
		}
	}
	return strings.Join(strings.Fields(msg), " ")
}

func joinQuoted[T ~string](xs []T) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = string(x)
	}
	return strings.Join(q, ", ")
}

// isSlug: lower-case ASCII letters, digits and inner hyphens.
func isSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// isTag accepts "root" and language tags: 2–3 letters, then subtags of 2–8
// letters or digits.
func isTag(s string) bool {
	if s == "root" {
		return true
	}
	parts := strings.Split(s, "-")
	if n := len(parts[0]); n < 2 || n > 3 {
		return false
	}
	for i, part := range parts {
		if len(part) < 2 || len(part) > 8 || !isSlug(part) || i == 0 && strings.ContainsAny(part, "0123456789") {
			return false
		}
	}
	return true
}
