package judge

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/mabs-matrix/matrixdoc/build/e2e/browser"
)

// LighthouseCLI returns the path of Lighthouse's command-line entry point
// below the module root.
func LighthouseCLI(root string) (string, error) {
	return tool(root, "lighthouse", LighthouseVersion, filepath.Join("cli", "index.js"))
}

// chromeFlags are the flags Lighthouse starts Chromium with: headless, no
// sandbox (root in containers), and every background service that would
// reach for the network (closed here) off — the flags of build/e2e/browser.
var chromeFlags = []string{
	"--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
	"--disable-background-networking", "--disable-component-update", "--disable-sync",
	"--disable-extensions", "--disable-default-apps",
}

// Categories are the Lighthouse categories an audit scores, in report order.
var Categories = []string{"performance", "accessibility", "best-practices", "seo"}

// Report is what a Lighthouse run found on one page.
type Report struct {
	URL      string // the URL asked for
	FinalURL string // the page the report is about
	// Scores maps a category to its score, 0–100; a category Lighthouse
	// could not score is missing.
	Scores map[string]int
	// CLS is the cumulative layout shift of the load.
	CLS float64
	// Failing are the audits with a score under 1 that count in a category
	// (weight > 0, or any in accessibility, best practices and SEO), as
	// "category/audit-id: title (display value) [item…]".
	Failing []string
	// Warnings are Lighthouse's run warnings.
	Warnings []string
	// JSON is the whole report.
	JSON []byte
}

// Audit runs Lighthouse (default settings: mobile, simulated throttling)
// with Debian's Chromium over url and reads its report. extra are more
// Lighthouse flags (e.g. --blocked-url-patterns).
func Audit(ctx context.Context, cli, url string, extra ...string) (*Report, error) {
	if _, err := os.Stat(browser.Path); err != nil {
		return nil, fmt.Errorf("Chromium is missing (%s): run the README's test command, bash .ci/test, which installs it", browser.Path)
	}
	dir, err := os.MkdirTemp("", "matrixdoc-lighthouse-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	out := filepath.Join(dir, "report.json")
	args := append([]string{cli, url,
		"--chrome-flags=" + strings.Join(chromeFlags, " "),
		"--only-categories=" + strings.Join(Categories, ","),
		"--output=json", "--output-path=" + out, "--quiet",
	}, extra...)
	ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", args...)
	cmd.Env = append(os.Environ(), "CHROME_PATH="+browser.Path, "TMPDIR="+dir)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			return nil, fmt.Errorf("lighthouse: cannot run node (bash .ci/test installs it): %w", err)
		}
		return nil, fmt.Errorf("lighthouse %s: %v: %s", url, err, clip(stderr.String()))
	}
	b, err := os.ReadFile(out)
	if err != nil {
		return nil, fmt.Errorf("lighthouse %s wrote no report: %v: %s", url, err, clip(stderr.String()))
	}
	rep, err := parseReport(b)
	if err != nil {
		return nil, fmt.Errorf("lighthouse %s: %w", url, err)
	}
	rep.URL = url
	return rep, nil
}

// parseReport reads a Lighthouse JSON report (the "lhr").
func parseReport(b []byte) (*Report, error) {
	var lhr struct {
		LighthouseVersion string
		FinalDisplayedURL string `json:"finalDisplayedUrl"`
		RuntimeError      *struct{ Code, Message string }
		RunWarnings       []string
		Categories        map[string]struct {
			Score     *float64
			AuditRefs []struct {
				ID     string
				Weight float64
			}
		}
		Audits map[string]struct {
			Title        string
			Score        *float64
			DisplayValue string
			NumericValue *float64
			Details      struct {
				Items []map[string]any
			}
		}
	}
	if err := json.Unmarshal(b, &lhr); err != nil {
		return nil, fmt.Errorf("unreadable report: %w", err)
	}
	if lhr.RuntimeError != nil && lhr.RuntimeError.Code != "" {
		return nil, fmt.Errorf("runtime error %s: %s", lhr.RuntimeError.Code, lhr.RuntimeError.Message)
	}
	if lhr.LighthouseVersion != LighthouseVersion {
		return nil, fmt.Errorf("report of Lighthouse %s, not the pinned %s", lhr.LighthouseVersion, LighthouseVersion)
	}
	rep := &Report{FinalURL: lhr.FinalDisplayedURL, Scores: map[string]int{}, Warnings: lhr.RunWarnings, JSON: b}
	for _, name := range Categories {
		c, ok := lhr.Categories[name]
		if !ok || c.Score == nil {
			continue
		}
		rep.Scores[name] = int(*c.Score*100 + 0.5)
		for _, ref := range c.AuditRefs {
			a := lhr.Audits[ref.ID]
			if a.Score == nil || *a.Score >= 1 || (ref.Weight == 0 && name == "performance") {
				continue
			}
			f := fmt.Sprintf("%s/%s: %s", name, ref.ID, a.Title)
			if a.DisplayValue != "" {
				f += " (" + a.DisplayValue + ")"
			}
			for i, it := range a.Details.Items {
				if i == 5 {
					f += " …"
					break
				}
				f += " [" + item(it) + "]"
			}
			rep.Failing = append(rep.Failing, f)
		}
	}
	cls, ok := lhr.Audits["cumulative-layout-shift"]
	if !ok || cls.NumericValue == nil {
		return nil, errors.New("the report has no cumulative layout shift")
	}
	rep.CLS = *cls.NumericValue
	return rep, nil
}

// item is a failing audit's detail row in a line: the element or URL it
// names and its text.
func item(it map[string]any) string {
	var parts []string
	if n, ok := it["node"].(map[string]any); ok {
		for _, k := range []string{"selector", "snippet", "explanation"} {
			if s, ok := n[k].(string); ok && s != "" {
				parts = append(parts, strings.ReplaceAll(s, "\n", " "))
			}
		}
	}
	keys := make([]string, 0, len(it))
	for k := range it {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if s, ok := it[k].(string); ok && k != "node" {
			parts = append(parts, k+"="+s)
		}
	}
	return strings.Join(parts, " ")
}
