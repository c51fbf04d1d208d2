package judge

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Versions of Netlify's config packages, pinned in bash .ci/test: the
// resolver and the two parsers it reads headers and redirects with.
const (
	NetlifyConfigVersion         = "25.2.6"
	NetlifyHeadersParserVersion  = "10.1.1"
	NetlifyRedirectParserVersion = "16.1.1"
)

//go:embed netlify.mjs
var netlifyScript []byte

// NetlifyHeaderRule is one [[headers]] table as Netlify resolved it.
type NetlifyHeaderRule struct {
	For    string            `json:"for"`
	Values map[string]string `json:"values"`
}

// NetlifyRedirect is one [[redirects]] table as Netlify resolved it. Status
// is nil when the file gives none (the CDN's default, 301, applies then).
type NetlifyRedirect struct {
	From       string              `json:"from"`
	To         string              `json:"to"`
	Status     *int                `json:"status"`
	Force      bool                `json:"force"`
	Conditions map[string][]string `json:"conditions"`
	// What build/netlify does not model; a rule that sets any is a rule
	// the local server would serve differently.
	Query     map[string]string `json:"query"`
	Headers   map[string]string `json:"headers"`
	Signed    string            `json:"signed"`
	RateLimit json.RawMessage   `json:"rate_limit"`
}

// NetlifyMatch is, for one URL path, the header rules whose `for` matches it
// (indices into Resolved.Headers) by @netlify/headers-parser's own
// matcher, and the headers the Netlify CLI gives the path from them.
type NetlifyMatch struct {
	Path    string            `json:"path"`
	Rules   []int             `json:"rules"`
	Headers map[string]string `json:"headers"`
}

// NetlifyResolved is what Netlify's config resolver made of a netlify.toml.
type NetlifyResolved struct {
	Versions struct {
		Config, HeadersParser, RedirectParser, Node string
	} `json:"versions"`
	// Config is the resolved file's [build], headers and redirects.
	Config struct {
		Build struct {
			Command     string            `json:"command"`
			Publish     string            `json:"publish"` // absolute
			Environment map[string]string `json:"environment"`
		} `json:"build"`
		Headers   []NetlifyHeaderRule `json:"headers"`
		Redirects []NetlifyRedirect   `json:"redirects"`
	} `json:"config"`
	// HeaderPatterns are the regular expressions (JavaScript source and
	// flags) headers-parser matches each rule's `for` with, in rule order.
	HeaderPatterns []struct {
		For, Regexp, Flags string
	} `json:"headersFor"`
	// Logs are every line the resolver logged: its warnings (a header or a
	// redirect it could not parse and dropped) and nothing else here.
	Logs    []string       `json:"logs"`
	Matches []NetlifyMatch `json:"matches"`
}

// netlifyEnv are the environment variables @netlify/config reads for a
// site, token or deploy: left out, so that nothing of the machine's (or a
// CI's own Netlify variables) makes the resolver reach for the API.
var netlifyEnv = []string{"CONTEXT", "BRANCH", "DEPLOY_ID", "BUILD_ID"}

// NetlifyResolve runs Netlify's own config resolver (@netlify/config's
// resolveConfig, offline, mode "cli") on configPath with node and returns
// what it resolved, and for each of paths the header rules that match it by
// Netlify's matcher. root is the module root (the packages sit in its
// .cache/npm) and the repository root the resolver is given.
func NetlifyResolve(ctx context.Context, root, configPath string, paths []string) (*NetlifyResolved, error) {
	modules := filepath.Join(root, npmDir)
	for _, p := range []struct{ name, version string }{
		{"@netlify/config", NetlifyConfigVersion},
		{"@netlify/headers-parser", NetlifyHeadersParserVersion},
		{"@netlify/redirect-parser", NetlifyRedirectParserVersion},
	} {
		if _, err := tool(root, p.name, p.version, "package.json"); err != nil {
			return nil, err
		}
	}
	dir, err := os.MkdirTemp("", "matrixdoc-netlify-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	script := filepath.Join(dir, "netlify.mjs")
	if err := os.WriteFile(script, netlifyScript, 0o644); err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(configPath)
	if err != nil {
		return nil, err
	}
	if paths == nil {
		paths = []string{}
	}
	in, err := json.Marshal(map[string]any{"modules": modules, "config": abs, "repositoryRoot": root, "paths": paths})
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", script)
	cmd.Dir = root
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "NETLIFY_") || slices.Contains(netlifyEnv, name) {
			continue
		}
		cmd.Env = append(cmd.Env, kv)
	}
	var out, stderr bytes.Buffer
	cmd.Stdin, cmd.Stdout, cmd.Stderr = bytes.NewReader(in), &out, &stderr
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			return nil, fmt.Errorf("netlify config: cannot run node (bash .ci/test installs it): %w", err)
		}
		return nil, fmt.Errorf("netlify config: Netlify's resolver rejected %s: %v: %s", configPath, err, clip(stderr.String()))
	}
	var res NetlifyResolved
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		return nil, fmt.Errorf("netlify config: unreadable output (%v): %s %s", err, clip(out.String()), clip(stderr.String()))
	}
	if s := strings.TrimSpace(stderr.String()); s != "" {
		res.Logs = append(res.Logs, s) // anything printed past the buffer is a finding too
	}
	v := res.Versions
	if v.Config != NetlifyConfigVersion || v.HeadersParser != NetlifyHeadersParserVersion || v.RedirectParser != NetlifyRedirectParserVersion {
		return nil, fmt.Errorf("netlify config: ran @netlify/config %s, headers-parser %s, redirect-parser %s, not the pinned %s, %s, %s",
			v.Config, v.HeadersParser, v.RedirectParser, NetlifyConfigVersion, NetlifyHeadersParserVersion, NetlifyRedirectParserVersion)
	}
	if len(res.Matches) != len(paths) {
		return nil, fmt.Errorf("netlify config: %d paths matched, %d asked", len(res.Matches), len(paths))
	}
	return &res, nil
}
