package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"gopkg.in/yaml.v2"
)

// uiStrings reads content/<loc>/strings.yaml, for expected texts written
// from the same strings the pages are.
func uiStrings(t *testing.T, loc string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, "content", loc, "strings.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if err := yaml.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s/strings.yaml: %v", loc, err)
	}
	return m
}

// fillIn replaces each {name} of pattern, pairs given as name, value, ….
func fillIn(pattern string, pairs ...string) string {
	for i := 0; i+1 < len(pairs); i += 2 {
		pattern = strings.ReplaceAll(pattern, "{"+pairs[i]+"}", pairs[i+1])
	}
	return pattern
}

// lowerFirst is a label as a word inside a sentence: the first letter in
// lower case, unless the label holds an abbreviation (two capitals in a row).
func lowerFirst(label string) string {
	prev := false
	for _, r := range label {
		up := unicode.IsUpper(r)
		if up && prev {
			return label
		}
		prev = up
	}
	rs := []rune(label)
	if len(rs) == 0 {
		return label
	}
	return string(unicode.ToLower(rs[0])) + string(rs[1:])
}
