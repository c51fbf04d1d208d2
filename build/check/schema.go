package check

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strconv"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/mabs-matrix/matrixdoc/build/diag"
)

// schemaURL is the name the schema is registered under; validation does not
// depend on the $id the schema declares.
const schemaURL = "file:///matrix.schema.json"

// data validates data/matrix.json against data/matrix.schema.json.
func (c *checker) data() {
	c.list = append(c.list, ValidateData(c.opts.FS, c.name)...)
	c.list = append(c.list, ValidateDataFiles(c.opts.FS, c.name)...)
}

// ValidateData validates data/matrix.json in fsys against
// data/matrix.schema.json from the same folder. name maps a site path to the
// file name diagnostics print. Each schema violation is one error positioned
// at the offending value.
func ValidateData(fsys fs.FS, name func(string) string) diag.List {
	var l diag.List
	schemaSrc, err1 := fs.ReadFile(fsys, MatrixSchema)
	dataSrc, err2 := fs.ReadFile(fsys, MatrixJSON)
	for _, e := range []struct {
		file string
		err  error
	}{{MatrixSchema, err1}, {MatrixJSON, err2}} {
		if e.err != nil {
			l.Errorf(diag.Position{File: name(e.file)}, CodeMissingFile, "cannot read: %v", e.err)
		}
	}
	if l.HasErrors() {
		return l
	}
	schemaDoc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaSrc))
	if err != nil {
		l.Errorf(jsonErrPos(name(MatrixSchema), schemaSrc, err), CodeSchemaInvalid, "not JSON: %v", err)
		return l
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(dataSrc))
	if err != nil {
		l.Errorf(jsonErrPos(name(MatrixJSON), dataSrc, err), CodeSchemaInvalid, "not JSON: %v", err)
		return l
	}
	comp := jsonschema.NewCompiler()
	if err := comp.AddResource(schemaURL, schemaDoc); err != nil {
		l.Errorf(diag.Position{File: name(MatrixSchema)}, CodeSchemaInvalid, "unusable schema: %v", err)
		return l
	}
	sch, err := comp.Compile(schemaURL)
	if err != nil {
		l.Errorf(diag.Position{File: name(MatrixSchema)}, CodeSchemaInvalid, "schema does not compile: %v", err)
		return l
	}
	err = sch.Validate(inst)
	var ve *jsonschema.ValidationError
	if err == nil {
		return l
	}
	if !errors.As(err, &ve) {
		l.Errorf(diag.Position{File: name(MatrixJSON)}, CodeSchemaInvalid, "validation failed: %v", err)
		return l
	}
	lines := diag.NewLineIndex(name(MatrixJSON), dataSrc)
	printer := message.NewPrinter(language.English)
	for _, leaf := range leaves(ve) {
		pos := lines.Pos(locate(dataSrc, leaf.InstanceLocation))
		l.Errorf(pos, CodeSchemaInvalid, "%s does not match the schema: %s", pointer(leaf.InstanceLocation), leaf.ErrorKind.LocalizedString(printer))
	}
	return l
}

// leaves returns the innermost causes: the specific violations, not the
// "allOf failed" wrappers around them.
func leaves(e *jsonschema.ValidationError) []*jsonschema.ValidationError {
	if len(e.Causes) == 0 {
		return []*jsonschema.ValidationError{e}
	}
	var out []*jsonschema.ValidationError
	for _, c := range e.Causes {
		out = append(out, leaves(c)...)
	}
	return out
}

func pointer(loc []string) string {
	if len(loc) == 0 {
		return "the document"
	}
	var b bytes.Buffer
	for _, s := range loc {
		b.WriteByte('/')
		b.WriteString(s)
	}
	return b.String()
}

func jsonErrPos(file string, src []byte, err error) diag.Position {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return diag.NewLineIndex(file, src).Pos(int(se.Offset) - 1)
	}
	return diag.Position{File: file}
}

// locate returns the byte offset in src of the value at the JSON pointer
// path loc (the deepest existing ancestor when the path does not exist).
func locate(src []byte, loc []string) int {
	dec := json.NewDecoder(bytes.NewReader(src))
	off, _ := walkTo(dec, src, loc)
	return off
}

func walkTo(dec *json.Decoder, src []byte, loc []string) (int, error) {
	start := skipSpace(src, int(dec.InputOffset()))
	if len(loc) == 0 {
		return start, nil
	}
	tok, err := dec.Token()
	if err != nil {
		return start, err
	}
	switch tok {
	case json.Delim('{'):
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return start, err
			}
			if k == loc[0] {
				return walkTo(dec, src, loc[1:])
			}
			if err := skipValue(dec); err != nil {
				return start, err
			}
		}
	case json.Delim('['):
		want, err := strconv.Atoi(loc[0])
		if err != nil {
			return start, err
		}
		for i := 0; dec.More(); i++ {
			if i == want {
				return walkTo(dec, src, loc[1:])
			}
			if err := skipValue(dec); err != nil {
				return start, err
			}
		}
	}
	return start, fmt.Errorf("no %q", loc[0])
}

// skipSpace moves off past whitespace and the ':' or ',' that the decoder
// leaves before a value.
func skipSpace(src []byte, off int) int {
	for off < len(src) {
		switch src[off] {
		case ' ', '\t', '\r', '\n', ':', ',':
			off++
			continue
		}
		break
	}
	return off
}

func skipValue(dec *json.Decoder) error {
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth == 0 {
			return nil
		}
	}
}
