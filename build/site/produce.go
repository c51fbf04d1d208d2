package site

import (
	"os"
	"path"
	"path/filepath"

	"github.com/mabs-matrix/matrixdoc/build/bundle"
	"github.com/mabs-matrix/matrixdoc/build/diag"
	"github.com/mabs-matrix/matrixdoc/build/matrix"
	"github.com/mabs-matrix/matrixdoc/build/render"
	"github.com/mabs-matrix/matrixdoc/build/source"
)

// Paths of the data files, relative to the output folder.
const (
	DataJSON   = "data/matrix.json"
	DataSchema = "data/matrix.schema.json"
	DataCSV    = "data/matrix.csv"
)

// produce renders every output file of a compiled model, in memory.
func produce(opts Options, content *source.Content, model *matrix.Model) (map[string][]byte, diag.List) {
	var l diag.List
	files := map[string][]byte{}

	js, err := matrix.JSON(model)
	if err != nil {
		l.Errorf(diag.Position{File: filepath.ToSlash(opts.Content)}, CodeData, "cannot serialize the model: %v", err)
		return nil, l
	}
	files[DataJSON] = js
	files[DataSchema] = matrix.Schema()
	files[DataCSV] = matrix.CSV(model)

	assets, err := bundle.Build(opts.Assets)
	if err != nil {
		l.Errorf(diag.Position{File: filepath.ToSlash(opts.Assets)}, CodeBundle, "%v", err)
		return nil, l
	}
	for name, b := range assets.Files() {
		files[name] = b
	}

	// Strings files as diagnostics name them: under the content folder.
	stringsFile := map[string]string{}
	for loc, f := range content.StringsFile {
		stringsFile[loc] = path.Join(filepath.ToSlash(opts.Content), f)
	}
	pages, err := render.Site(render.Input{
		Model:       model,
		Strings:     content.Strings,
		StringsFile: stringsFile,
		Templates:   os.DirFS(opts.Templates),
		Assets:      assets,
		BaseURL:     content.BaseURL,
	})
	if err != nil {
		l.Errorf(diag.Position{File: filepath.ToSlash(opts.Templates)}, CodeRender, "%v", err)
		return nil, l
	}
	for name, b := range pages {
		if _, dup := files[name]; dup && name != assets.JSPath && name != assets.CSSPath {
			l.Errorf(diag.Position{File: filepath.ToSlash(opts.Templates)}, CodeRender, "two stages write %s", name)
		}
		files[name] = b
	}
	return files, l
}
