package source

import (
	"bytes"
	"sort"
	"unicode/utf8"

	"github.com/mabs-matrix/matrixdoc/build/diag"
)

// bom is the UTF-8 byte order mark some editors put at the start of a file.
var bom = []byte{0xEF, 0xBB, 0xBF}

// input is one file prepared for goldmark: the BOM cut off and every CRLF
// turned into LF, so that goldmark, goldmark-meta and yaml.v2 all see plain
// LF text. Positions must still name the original bytes, so input remembers
// what it removed and maps offsets back before asking the LineIndex.
type input struct {
	orig []byte // the file as read
	body []byte // what goldmark parses
	base int    // bytes cut from the front (the BOM)
	// crs holds, for every CRLF turned into LF, the offset in body of that LF.
	// Sorted ascending.
	crs []int
	idx *diag.LineIndex
}

func newInput(path string, src []byte) *input {
	in := &input{orig: src, idx: diag.NewLineIndex(path, src)}
	body := src
	if bytes.HasPrefix(body, bom) {
		in.base = len(bom)
		body = body[len(bom):]
	}
	if bytes.Contains(body, []byte("\r\n")) {
		out := make([]byte, 0, len(body))
		for i := 0; i < len(body); i++ {
			if body[i] == '\r' && i+1 < len(body) && body[i+1] == '\n' {
				in.crs = append(in.crs, len(out))
				continue
			}
			out = append(out, body[i])
		}
		body = out
	}
	in.body = body
	return in
}

// origOffset maps an offset in body to the offset of the same byte in orig.
func (in *input) origOffset(off int) int {
	// Every CR removed at or before off shifts it by one: a CR sits right
	// before the LF recorded in crs, so an offset equal to that LF is after it.
	n := sort.SearchInts(in.crs, off+1)
	return off + in.base + n
}

// pos returns the position in the original file of body offset off.
func (in *input) pos(off int) diag.Position {
	if off < 0 {
		off = 0
	}
	return in.idx.Pos(in.origOffset(off))
}

// filePos is the position meaning "the whole file".
func (in *input) filePos() diag.Position { return diag.Position{File: in.idx.File()} }

// firstInvalidUTF8 returns the offset in src of the first byte that is not
// part of a valid UTF-8 sequence, or -1.
func firstInvalidUTF8(src []byte) int {
	for i := 0; i < len(src); {
		if src[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// lineEnd returns the offset of the '\n' ending the line that holds off (or
// len(b) on the last line).
func lineEnd(b []byte, off int) int {
	if off >= len(b) {
		return len(b)
	}
	if off < 0 {
		off = 0
	}
	if i := bytes.IndexByte(b[off:], '\n'); i >= 0 {
		return off + i
	}
	return len(b)
}
