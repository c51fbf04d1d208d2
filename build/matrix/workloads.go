package matrix

import (
	"bufio"
	"encoding/json"
	"io"
	"net/url"
	"slices"
	"strings"
)

// Per-workload data files, in the shape of endoflife.date's API: an index
// (data/index.json) listing every workload with the URL of its file, and
// one file per workload (data/workloads/<id>.json) holding its rows and
// facts, for a tool that wants one product without reading the whole
// matrix. Both validate against matrix.schema.json's $defs (workloadFile,
// indexFile) and are written like matrix.json, rows and facts by hand.

// Paths of the files, relative to the data folder.
const (
	IndexFile   = "index.json"
	WorkloadDir = "workloads"
)

// WorkloadPath is the path of a workload's file, relative to the data
// folder: "workloads/sql-server.json".
func WorkloadPath(id string) string { return WorkloadDir + "/" + id + ".json" }

// WorkloadFile is one workload's file.
type WorkloadFile struct {
	Schema        string   `json:"$schema,omitempty"`
	SchemaVersion string   `json:"schemaVersion"`
	Locales       []string `json:"locales"`
	DefaultLocale string   `json:"defaultLocale"`
	Workload      Workload `json:"workload"`
	// Products are the product ids the workload's facts name, in order of
	// first appearance.
	Products []string `json:"products"`
	Servers  []Server `json:"servers"`
	Rows     []Row    `json:"rows"`
	Facts    []Fact   `json:"facts"`
}

// Index is data/index.json: every workload, with its file's URL.
type Index struct {
	Schema        string       `json:"$schema,omitempty"`
	SchemaVersion string       `json:"schemaVersion"`
	Total         int          `json:"total"`
	Result        []IndexEntry `json:"result"`
}

// IndexEntry is one workload of the index.
type IndexEntry struct {
	ID       string   `json:"id"`
	Name     L        `json:"name"`
	Products []string `json:"products"`
	Rows     int      `json:"rows"`
	Facts    int      `json:"facts"`
	// Path is the file relative to the data folder; URL the file's
	// absolute address when the site has a base URL, else Path.
	Path string `json:"path"`
	URL  string `json:"url"`
}

// workloadParts are the rows and facts of each workload, as indexes into
// the model, in model order.
type workloadParts struct {
	rows, facts []int
	products    []string
}

func splitWorkloads(m *Model) []workloadParts {
	at := make(map[string]int, len(m.Workloads))
	parts := make([]workloadParts, len(m.Workloads))
	for i, w := range m.Workloads {
		at[w.ID] = i
	}
	for i := range m.Rows {
		if k, ok := at[m.Rows[i].Workload]; ok {
			parts[k].rows = append(parts[k].rows, i)
		}
	}
	for i := range m.Facts {
		if k, ok := at[m.Facts[i].Workload]; ok {
			p := &parts[k]
			p.facts = append(p.facts, i)
			if !slices.Contains(p.products, m.Facts[i].Product) {
				p.products = append(p.products, m.Facts[i].Product)
			}
		}
	}
	return parts
}

// BuildIndex is the index of m's workloads; baseURL (the site's, may be
// "") makes the URLs absolute.
func BuildIndex(m *Model, baseURL string) Index {
	idx := Index{Schema: SchemaFile + "#/$defs/indexFile", SchemaVersion: SchemaVersion, Total: len(m.Workloads), Result: []IndexEntry{}}
	base, err := url.Parse(strings.TrimSuffix(baseURL, "/") + "/data/")
	if baseURL == "" || err != nil || base.Scheme == "" {
		base = nil
	}
	for i, p := range splitWorkloads(m) {
		w := m.Workloads[i]
		e := IndexEntry{ID: w.ID, Name: w.Name, Products: nonNilStrs(p.products), Rows: len(p.rows), Facts: len(p.facts), Path: WorkloadPath(w.ID)}
		e.URL = e.Path
		if base != nil {
			e.URL = base.JoinPath(WorkloadDir, w.ID+".json").String()
		}
		idx.Result = append(idx.Result, e)
	}
	return idx
}

// WriteIndex writes the index, indented, with a trailing newline.
func WriteIndex(w io.Writer, m *Model, baseURL string) error {
	b, err := json.MarshalIndent(BuildIndex(m, baseURL), "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// WriteWorkloads writes every workload's file through file (path relative
// to the data folder, and a function writing its bytes), in model order.
// Each file is exactly json.MarshalIndent(WorkloadFile) plus a newline.
func WriteWorkloads(m *Model, file func(path string, write func(io.Writer) error) error) error {
	for i, p := range splitWorkloads(m) {
		w := m.Workloads[i]
		if err := file(WorkloadPath(w.ID), func(out io.Writer) error { return writeWorkload(out, m, w, p) }); err != nil {
			return err
		}
	}
	return nil
}

func writeWorkload(out io.Writer, m *Model, w Workload, p workloadParts) error {
	shell := WorkloadFile{
		Schema: "../" + SchemaFile + "#/$defs/workloadFile", SchemaVersion: m.SchemaVersion,
		Locales: m.Locales, DefaultLocale: m.DefaultLocale, Workload: w, Products: nonNilStrs(p.products), Servers: m.Servers,
	}
	head, err := json.MarshalIndent(&shell, "", "  ")
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(out, 64<<10)
	err = writeSpliced(bw, head, []splice{
		{"rows", func(bw *bufio.Writer) {
			writeTopArray(bw, false, len(p.rows), func(jw *rowJSON, i int) { jw.row(&m.Rows[p.rows[i]], 2) })
		}},
		{"facts", func(bw *bufio.Writer) {
			writeTopArray(bw, false, len(p.facts), func(jw *rowJSON, i int) { jw.fact(&m.Facts[p.facts[i]], 2) })
		}},
	})
	if err != nil {
		return err
	}
	bw.WriteByte('\n')
	return bw.Flush()
}

func nonNilStrs(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// SchemaFile is the schema's file name, next to matrix.json.
const SchemaFile = schemaFileName

// dataFileSchemas are the $defs of the per-workload file and the index.
func dataFileSchemas(row obj) obj {
	return obj{
		"workloadFile": object("data/workloads/<id>.json: the rows and facts of one workload.", obj{
			"$schema":       obj{"type": "string", "description": "The schema: ../matrix.schema.json#/$defs/workloadFile."},
			"schemaVersion": obj{"type": "string", "pattern": semverPattern, "description": "As in matrix.json."},
			"locales":       obj{"type": "array", "items": ref("locale"), "minItems": 1, "uniqueItems": true, "description": "Locales, the default first."},
			"defaultLocale": ref("locale"),
			"workload": object("The workload.", obj{
				"id":   obj{"type": "string", "pattern": idPattern, "description": "English ASCII slug."},
				"name": ref("L"),
				"rows": array("Row ids in source order.", obj{"type": "string"}),
			}),
			"products": obj{"type": "array", "uniqueItems": true, "items": obj{"type": "string"}, "description": "The product ids its facts name."},
			"servers": array("The server releases of the matrix.", object("A server release.", obj{
				"id":   obj{"type": "string", "pattern": serverPattern, "description": "Release id."},
				"name": ref("L"),
			})),
			"rows":  array("The workload's rows, as in matrix.json.", row),
			"facts": array("The facts of those rows.", ref("fact")),
		}, "$schema"),
		"indexFile": object("data/index.json: every workload, with the URL of its file.", obj{
			"$schema":       obj{"type": "string", "description": "The schema: matrix.schema.json#/$defs/indexFile."},
			"schemaVersion": obj{"type": "string", "pattern": semverPattern, "description": "As in matrix.json."},
			"total":         obj{"type": "integer", "minimum": 0, "description": "The number of workloads."},
			"result": array("The workloads, in matrix order.", object("One workload and its file.", obj{
				"id":       obj{"type": "string", "pattern": idPattern, "description": "The workload id."},
				"name":     ref("L"),
				"products": obj{"type": "array", "uniqueItems": true, "items": obj{"type": "string"}, "description": "The product ids its facts name."},
				"rows":     obj{"type": "integer", "minimum": 0, "description": "Rows in its file."},
				"facts":    obj{"type": "integer", "minimum": 0, "description": "Facts in its file."},
				"path":     str("The file, relative to the data folder (workloads/<id>.json)."),
				"url":      str("The file's absolute URL when the site has a base URL, else its path."),
			})),
		}, "$schema"),
	}
}
