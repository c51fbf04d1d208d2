package search

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"
)

// The page data (see the package doc for the fields). Lists of ids are
// ascending, so each is written as the differences between neighbours,
// each difference as base-32 digits, most significant first: every digit
// but the last from the alphabet's upper half ("w"…"_"), the last from its
// lower half ("0"…"v"). A group of ten small ids is ten characters; the
// characters need no JSON escaping and are safe inside a <script> element.
const intDigits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"

// AppendIDs writes one ascending id list in the page data's form (other
// page data uses it too: build/render's answer data).
func AppendIDs(b []byte, ids []int32) []byte { return appendIDs(b, ids) }

// appendIDs writes one ascending id list.
func appendIDs(b []byte, ids []int32) []byte {
	prev := int32(0)
	for _, id := range ids {
		d := uint32(id - prev)
		prev = id
		var tmp [7]byte
		n := len(tmp) - 1
		tmp[n] = intDigits[d&31]
		for d >>= 5; d > 0; d >>= 5 {
			n--
			tmp[n] = intDigits[32+d&31]
		}
		b = append(b, tmp[n:]...)
	}
	return b
}

// DecodeIDs reads one id list written by appendIDs (for tests).
func DecodeIDs(s string) []int32 {
	var out []int32
	acc, prev := int32(0), int32(0)
	for i := 0; i < len(s); i++ {
		d := int32(strings.IndexByte(intDigits, s[i]))
		if d >= 32 {
			acc = acc<<5 | (d - 32)
			continue
		}
		prev += acc<<5 | d
		out = append(out, prev)
		acc = 0
	}
	return out
}

func appendString(b []byte, s string) []byte {
	q, _ := json.Marshal(s) // escapes <, >, &, U+2028 and U+2029: safe in a <script>
	return append(b, q...)
}

// appendLists writes id lists as one JSON string, lists separated by " ".
func appendLists(b []byte, lists [][]int32) []byte {
	b = append(b, '"')
	for i, l := range lists {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendIDs(b, l)
	}
	return append(b, '"')
}

// AppendJSON appends the index as the page's script reads it: one JSON
// object,
//
//	{"fold": {"’": "'", …},   FoldTable: character → its fold
//	 "stop": "a an …",        the stop words, space-separated
//	 "nt": 158,               how many of the words are visible text
//	 "words": "… …",          Words, space-separated (a word has no space), text first
//	 "groups": "… …",         each group's word ids (appendIDs), space-separated
//	 "implied": {"t:vmware-vm": "…", …}, the groups of each facet value's labels
//	 "rows": "… …"}           each row's other group ids, space-separated
//
// A row's groups are its "rows" entry plus the "implied" groups of its facet
// values (Piece.Of: its workload, targets, capabilities and statuses), which
// the script reads from the page's facet data: the labels are not repeated
// in every row.
func (ix *Index) AppendJSON(b []byte) []byte {
	// The hosted page and the offline file write the same data: made once.
	ix.jsonOnce.Do(func() { ix.json = ix.appendJSON(nil) })
	return append(b, ix.json...)
}

func (ix *Index) appendJSON(b []byte) []byte {
	b = append(b, `{"fold":{`...)
	for i, kv := range ix.Fold {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, kv[0])
		b = append(b, ':')
		b = appendString(b, kv[1])
	}
	b = append(b, `},"stop":`...)
	b = appendString(b, strings.Join(ix.Lexicon.StopWords(), " "))
	b = append(b, `,"nt":`...)
	b = strconv.AppendInt(b, int64(ix.NText), 10)
	b = append(b, `,"words":`...)
	b = appendString(b, strings.Join(ix.Words, " "))
	b = append(b, `,"groups":`...)
	b = appendLists(b, ix.Groups)
	b = append(b, `,"implied":{`...)
	keys := make([]string, 0, len(ix.Implied))
	for k := range ix.Implied {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, k)
		b = append(b, ':', '"')
		b = appendIDs(b, ix.Implied[k])
		b = append(b, '"')
	}
	b = append(b, `},"rows":`...)
	b = appendLists(b, ix.ExplicitRows())
	return append(b, '}')
}

// ExplicitRows are the rows' groups less those implied by their facet
// values.
func (ix *Index) ExplicitRows() [][]int32 {
	out := make([][]int32, len(ix.Rows))
	// implied marks the groups implied for the row at hand (by its index
	// plus one, so the marks need no clearing between rows).
	implied := make([]int32, len(ix.Groups))
	for i, gs := range ix.Rows {
		for _, k := range ix.RowOf[i] {
			for _, g := range ix.Implied[k] {
				implied[g] = int32(i + 1)
			}
		}
		for _, g := range gs {
			if implied[g] != int32(i+1) {
				out[i] = append(out[i], g)
			}
		}
	}
	return out
}
