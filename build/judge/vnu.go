package judge

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// Versions of the tools, pinned in bash .ci/test: a new release may add
// rules, so a bump is a change of its own.
const (
	VNUVersion        = "26.9.27"
	LighthouseVersion = "12.2.3"
)

// ModuleRoot walks up from the working directory to the folder with go.mod
// (tests run in their package's folder; the tools sit below the root).
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

// npmDir is where bash .ci/test installs npm packages, below the module root.
var npmDir = filepath.Join(".cache", "npm", "node_modules")

// tool returns the path of an installed tool file below the module root,
// or an error that says how to install it.
func tool(root, pkg, version, file string) (string, error) {
	dir := filepath.Join(root, npmDir, pkg)
	p := filepath.Join(dir, file)
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("%s@%s is missing (%s): run the README's test command, bash .ci/test, which installs it", pkg, version, p)
	}
	var meta struct{ Version string }
	if b, err := os.ReadFile(filepath.Join(dir, "package.json")); err == nil && json.Unmarshal(b, &meta) == nil && meta.Version != version {
		return "", fmt.Errorf("%s is version %s, not the pinned %s: run bash .ci/test, which installs the pinned one", pkg, meta.Version, version)
	}
	return p, nil
}

// VNUJar returns the path of vnu.jar below the module root.
func VNUJar(root string) (string, error) {
	return tool(root, "vnu-jar", VNUVersion, filepath.Join("build", "dist", "vnu.jar"))
}

// Message is one finding of the Nu HTML Checker.
type Message struct {
	// File is the checked file's path as given to Check.
	File string
	// Line and Col are 1-based (the start of the highlighted range).
	Line, Col int
	// Type is "error", "info" (SubType "warning" for warnings) or
	// "non-document-error" (the file could not be checked).
	Type, SubType string
	Message       string
	Extract       string
}

// Error reports whether the message fails a page: an error in the markup or
// a file the checker could not read.
func (m Message) Error() bool { return m.Type == "error" || m.Type == "non-document-error" }

// String is file:line:col: type: message.
func (m Message) String() string {
	kind := m.Type
	if m.SubType != "" {
		kind = m.SubType
	}
	return fmt.Sprintf("%s:%d:%d: %s: %s (%q)", m.File, m.Line, m.Col, kind, m.Message, m.Extract)
}

// canaryHTML is a document with a known error that Check adds to every
// run: the checker says nothing of a file it did not read, so a run that
// does not report the canary checked nothing.
const canaryHTML = "<!DOCTYPE html>\n<html lang=\"en\"><title>canary</title><main></main><main></main>\n"

// Check runs the checker once over files (HTML documents) and returns every
// message it gives on them, warnings included, in its order. An error is
// returned when the checker cannot run, its output is not what it
// documents, or it missed the canary.
func Check(jar string, files []string) ([]Message, error) {
	if len(files) == 0 {
		return nil, errors.New("vnu: no files to check")
	}
	dir, err := os.MkdirTemp("", "matrixdoc-vnu-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	canary := filepath.Join(dir, "canary.html")
	if err := os.WriteFile(canary, []byte(canaryHTML), 0o644); err != nil {
		return nil, err
	}
	byPath := map[string]string{} // the checker names files by file: URL
	args := []string{"-jar", jar, "--format", "json", "--stdout"}
	for _, f := range append(slices.Clip(files), canary) {
		abs, err := filepath.Abs(f)
		if err != nil {
			return nil, err
		}
		if _, err := os.Stat(abs); err != nil {
			return nil, fmt.Errorf("vnu: %w", err) // the checker itself says nothing of a missing file
		}
		byPath[filepath.ToSlash(abs)] = f
		args = append(args, abs)
	}
	cmd := exec.Command("java", args...)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	err = cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return nil, fmt.Errorf("vnu: cannot run java (Java 17 is needed; bash .ci/test installs it): %w", err)
	}
	var res struct {
		Messages []struct {
			Type        string
			SubType     string
			URL         string
			FirstLine   int
			LastLine    int
			FirstColumn int
			LastColumn  int
			Message     string
			Extract     string
		}
	}
	if jerr := json.Unmarshal(out.Bytes(), &res); jerr != nil {
		return nil, fmt.Errorf("vnu: unreadable output (%v): %s %s", jerr, clip(out.String()), clip(stderr.String()))
	}
	msgs := make([]Message, 0, len(res.Messages))
	sawCanary := false
	for _, m := range res.Messages {
		file := m.URL
		if u, err := url.Parse(m.URL); err == nil && u.Scheme == "file" {
			if f, ok := byPath[u.Path]; ok {
				file = f
			}
		}
		line := m.FirstLine
		if line == 0 {
			line = m.LastLine // vnu leaves firstLine out when it equals lastLine
		}
		col := m.FirstColumn
		if col == 0 {
			col = m.LastColumn
		}
		msg := Message{File: file, Line: line, Col: col, Type: m.Type, SubType: m.SubType, Message: m.Message, Extract: m.Extract}
		if file == canary {
			sawCanary = sawCanary || (msg.Error() && strings.Contains(msg.Message, "main"))
			continue
		}
		msgs = append(msgs, msg)
	}
	if !sawCanary {
		return nil, fmt.Errorf("vnu: the canary's two <main> elements were not reported, so nothing was checked: %s %s", clip(out.String()), clip(stderr.String()))
	}
	return msgs, nil
}

// clip shortens tool output for an error message.
func clip(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 600 {
		return s[:600] + "…"
	}
	return s
}
