// Package bundle turns the client sources in assets/ into the site's one
// script and one stylesheet, and minifies every text format the site writes.
//
// Input: a directory holding main.ts, the single entry point. main.ts may
// import other TypeScript files and CSS files; esbuild (its Go API, no Node.js)
// bundles them into one IIFE script and one stylesheet.
//
// Output: an *Assets with the minified bytes and content-hashed file names
// ("assets/main-<hash>.js", "assets/main-<hash>.css"), relative to the output
// root. Nothing is written to disk: package site writes the files.
//
// Invariants: the script is an IIFE with no ES-module imports, no fetch, no
// Workers, no WASM (all break on file://); the same sources give the same
// bytes and the same names (the hash is esbuild's content hash).
package bundle

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// Dir is the folder, relative to the output root, that holds the bundles.
const Dir = "assets"

// Assets is the bundled client code.
type Assets struct {
	// JSPath and CSSPath are slash-separated paths relative to the output
	// root, e.g. "assets/main-3XJ2ZQ7M.js".
	JSPath  string
	CSSPath string
	// JS and CSS are the minified contents.
	JS  []byte
	CSS []byte
}

// Files returns the output paths and contents of the bundles, for the
// caller to write.
func (a *Assets) Files() map[string][]byte {
	return map[string][]byte{a.JSPath: a.JS, a.CSSPath: a.CSS}
}

// Build bundles assetsDir/main.ts (and everything it imports) into one
// minified IIFE script and one minified stylesheet. Errors carry esbuild's
// file:line:col messages.
func Build(assetsDir string) (*Assets, error) {
	entry := filepath.Join(assetsDir, "main.ts")
	if _, err := os.Stat(entry); err != nil {
		return nil, fmt.Errorf("bundle: %w", err)
	}
	abs, err := filepath.Abs(assetsDir)
	if err != nil {
		return nil, fmt.Errorf("bundle: %w", err)
	}
	res := api.Build(api.BuildOptions{
		EntryPoints:       []string{filepath.Join(abs, "main.ts")},
		Bundle:            true,
		Format:            api.FormatIIFE,
		Platform:          api.PlatformBrowser,
		Target:            api.ES2020,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		Charset:           api.CharsetUTF8,
		LegalComments:     api.LegalCommentsNone,
		Outdir:            filepath.Join(abs, "out"),
		EntryNames:        "[name]-[hash]",
		Write:             false,
		LogLevel:          api.LogLevelSilent,
	})
	if len(res.Errors) > 0 {
		msgs := api.FormatMessages(res.Errors, api.FormatMessagesOptions{Kind: api.ErrorMessage})
		return nil, fmt.Errorf("bundle: %s", strings.TrimSpace(strings.Join(msgs, "\n")))
	}
	a := &Assets{}
	for _, f := range res.OutputFiles {
		name := path.Join(Dir, filepath.Base(f.Path))
		switch filepath.Ext(f.Path) {
		case ".js":
			a.JSPath, a.JS = name, f.Contents
		case ".css":
			a.CSSPath, a.CSS = name, f.Contents
		}
	}
	if a.JS == nil || a.CSS == nil {
		return nil, fmt.Errorf("bundle: %s must produce one script and one stylesheet (does it import its CSS?)", entry)
	}
	return a, nil
}
