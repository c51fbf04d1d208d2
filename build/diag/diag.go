// Package diag holds the one diagnostic type every stage of the compiler reports.
//
// A stage never stops at the first problem: it collects Diagnostics in a List and
// returns it next to its result. The CLI prints them one way, in the Go
// toolchain's style:
//
//	content/nl/backup-mabs-protection-matrix.md:41:118: warning: unbalanced ")" in cell [unbalanced-paren]
//
// Positions are 1-based; Col counts bytes, as go vet and gc do. Positions are
// computed once, from byte offsets, by a LineIndex; no stage does its own
// line counting.
package diag

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Severity says whether a diagnostic fails the build.
type Severity int

const (
	// Warning is reported and the build goes on (unless --strict).
	Warning Severity = iota
	// Error fails the build: no output is written.
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// MarshalJSON writes the severity as its word.
func (s Severity) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// Position is a place in a source file. Line and Col are 1-based; Col counts bytes.
// A zero Line means "the whole file".
type Position struct {
	File string `json:"file"`
	Line int    `json:"line,omitempty"`
	Col  int    `json:"col,omitempty"`
}

func (p Position) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Diagnostic is one finding about the input.
type Diagnostic struct {
	Position
	Severity Severity `json:"severity"`
	// Code is a stable, kebab-case identifier of the kind of finding
	// (for editors and for tests), e.g. "unknown-support-value".
	Code    string `json:"code"`
	Message string `json:"message"`
	// Related are other places the message speaks of (the other locale's row
	// in a cross-language mismatch, the first of two duplicate rows).
	Related []Position `json:"related,omitempty"`
}

// String renders the diagnostic as "file:line:col: severity: message [code]".
func (d Diagnostic) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s: %s", d.Position, d.Severity, d.Message)
	if d.Code != "" {
		fmt.Fprintf(&b, " [%s]", d.Code)
	}
	return b.String()
}

// List is an ordered collection of diagnostics.
type List []Diagnostic

// Warnf appends a warning.
func (l *List) Warnf(pos Position, code, format string, args ...any) {
	*l = append(*l, Diagnostic{Position: pos, Severity: Warning, Code: code, Message: fmt.Sprintf(format, args...)})
}

// Errorf appends an error.
func (l *List) Errorf(pos Position, code, format string, args ...any) {
	*l = append(*l, Diagnostic{Position: pos, Severity: Error, Code: code, Message: fmt.Sprintf(format, args...)})
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Count returns the number of errors and warnings.
func (l List) Count() (errors, warnings int) {
	for _, d := range l {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return
}

// Strict returns a copy in which every warning is an error (the --strict flag).
func (l List) Strict() List {
	out := make(List, len(l))
	for i, d := range l {
		d.Severity = Error
		out[i] = d
	}
	return out
}

// Sort orders the list by file, line, column, then message, so output is
// deterministic whatever order the stages ran in.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Message < b.Message
	})
}

// Print writes one line per diagnostic.
func (l List) Print(w io.Writer) {
	for _, d := range l {
		fmt.Fprintln(w, d.String())
	}
}

// PrintJSON writes one JSON object per line (the --format json output).
func (l List) PrintJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	for _, d := range l {
		if err := enc.Encode(d); err != nil {
			return err
		}
	}
	return nil
}

// LineIndex turns byte offsets of one file into positions.
type LineIndex struct {
	file   string
	starts []int // byte offset of the start of each line
}

// NewLineIndex indexes src, whose name in diagnostics is file.
func NewLineIndex(file string, src []byte) *LineIndex {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &LineIndex{file: file, starts: starts}
}

// File is the name positions carry.
func (x *LineIndex) File() string { return x.file }

// Pos returns the position of byte offset off (clamped to the file).
func (x *LineIndex) Pos(off int) Position {
	if off < 0 {
		off = 0
	}
	i := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	return Position{File: x.file, Line: i + 1, Col: off - x.starts[i] + 1}
}

// LineStart returns the byte offset at which 1-based line n starts.
func (x *LineIndex) LineStart(n int) int {
	if n < 1 {
		return 0
	}
	if n > len(x.starts) {
		return x.starts[len(x.starts)-1]
	}
	return x.starts[n-1]
}
