package render

import (
	"bytes"
	"html/template"
	"strconv"
	"sync"
)

// chunkStore holds HTML written by rowhtml.go that is already minimal. Views
// carry a marker in its place; the minifier sees only the small page around
// it, and expand puts the chunks back afterwards. At 10,000 rows this halves
// the build: minifying the rows again was most of its cost.
type chunkStore struct {
	mu   sync.Mutex
	list [][]byte
}

// Markers are private-use code points: they never occur in content, and the
// minifier keeps them as text.
const (
	markOpen  = "\uE000"
	markClose = "\uE001"
)

// add stores h and returns the marker that stands for it.
func (c *chunkStore) add(h template.HTML) template.HTML {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.list = append(c.list, []byte(h))
	return template.HTML(markOpen + strconv.Itoa(len(c.list)-1) + markClose)
}

// expand replaces every marker in b with its chunk.
func (c *chunkStore) expand(b []byte) []byte {
	if !bytes.Contains(b, []byte(markOpen)) {
		return b
	}
	var out bytes.Buffer
	for {
		i := bytes.Index(b, []byte(markOpen))
		if i < 0 {
			out.Write(b)
			return out.Bytes()
		}
		out.Write(b[:i])
		rest := b[i+len(markOpen):]
		j := bytes.Index(rest, []byte(markClose))
		n, err := strconv.Atoi(string(rest[:max(j, 0)]))
		if j < 0 || err != nil || n >= len(c.list) {
			// Not one of ours: keep the text as it was.
			out.WriteString(markOpen)
			b = rest
			continue
		}
		if out.Len() == 0 {
			out.Grow(len(b) + len(c.list[n]))
		}
		out.Write(c.list[n])
		b = rest[j+len(markClose):]
	}
}
