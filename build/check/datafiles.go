package check

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"path"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/mabs-matrix/matrixdoc/build/diag"
)

// Per-workload data files and their index (build/matrix): each validates
// against a $defs entry of matrix.schema.json, and the index lists exactly
// the workload files there are.
const (
	IndexJSON   = "data/index.json"
	WorkloadDir = "data/workloads"
)

// ValidateDataFiles validates data/index.json and data/workloads/*.json
// in fsys against matrix.schema.json's #/$defs/indexFile and
// #/$defs/workloadFile; a site without an index (one built before these
// files existed) has nothing to check. name maps a site path to the file
// name diagnostics print.
func ValidateDataFiles(fsys fs.FS, name func(string) string) diag.List {
	var l diag.List
	indexSrc, err := fs.ReadFile(fsys, IndexJSON)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	schemaSrc, serr := fs.ReadFile(fsys, MatrixSchema)
	if err != nil || serr != nil {
		l.Errorf(diag.Position{File: name(IndexJSON)}, CodeUnreadable, "cannot read the index or the schema: %v", errors.Join(err, serr))
		return l
	}
	schemaDoc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaSrc))
	if err != nil {
		return l // ValidateData reports a schema that is not JSON
	}
	comp := jsonschema.NewCompiler()
	if err := comp.AddResource(schemaURL, schemaDoc); err != nil {
		return l
	}
	validate := func(file, def string, src []byte) {
		sch, err := comp.Compile(schemaURL + "#/$defs/" + def)
		if err != nil {
			l.Errorf(diag.Position{File: name(MatrixSchema)}, CodeSchemaInvalid, "the schema has no usable $defs/%s: %v", def, err)
			return
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
		if err != nil {
			l.Errorf(jsonErrPos(name(file), src, err), CodeSchemaInvalid, "not JSON: %v", err)
			return
		}
		var ve *jsonschema.ValidationError
		if err := sch.Validate(inst); errors.As(err, &ve) {
			lines := diag.NewLineIndex(name(file), src)
			printer := message.NewPrinter(language.English)
			for _, leaf := range leaves(ve) {
				l.Errorf(lines.Pos(locate(src, leaf.InstanceLocation)), CodeSchemaInvalid, "%s does not match the schema: %s",
					pointer(leaf.InstanceLocation), leaf.ErrorKind.LocalizedString(printer))
			}
		} else if err != nil {
			l.Errorf(diag.Position{File: name(file)}, CodeSchemaInvalid, "validation failed: %v", err)
		}
	}
	validate(IndexJSON, "indexFile", indexSrc)
	files, _ := fs.Glob(fsys, WorkloadDir+"/*.json")
	for _, f := range files {
		src, err := fs.ReadFile(fsys, f)
		if err != nil {
			l.Errorf(diag.Position{File: name(f)}, CodeUnreadable, "cannot read: %v", err)
			continue
		}
		validate(f, "workloadFile", src)
	}
	// Every file the index lists exists, and every file is listed.
	var idx struct {
		Result []struct {
			Path string `json:"path"`
		} `json:"result"`
	}
	if json.Unmarshal(indexSrc, &idx) == nil {
		listed := map[string]bool{}
		for _, e := range idx.Result {
			p := path.Join("data", e.Path)
			listed[p] = true
			if _, err := fs.Stat(fsys, p); err != nil {
				l.Errorf(diag.Position{File: name(IndexJSON)}, CodeMissingFile, "the index lists %s, which is not in the site", e.Path)
			}
		}
		for _, f := range files {
			if !listed[f] {
				l.Errorf(diag.Position{File: name(f)}, CodeMissingFile, "%s is not listed in %s", f, IndexJSON)
			}
		}
	}
	return l
}
