package judge

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// page is one Lighthouse run: a page kind in one language.
type page struct {
	name  string
	path  string
	extra []string // more Lighthouse flags
}

// lighthousePages are every page kind, in each language the kind has: the
// matrix and the largest workload page per locale, the 404 page and the
// language picker (each one page in every language).
//
// The 404 page is audited at /404.html: Lighthouse refuses to audit a
// response with status 404, and a missed URL is served this same file. The
// picker's script sends the reader on to a matrix at once, so Lighthouse
// would report on that matrix: it is audited with the script blocked, as
// the page it is.
func lighthousePages(t *testing.T) []page {
	t.Helper()
	m := readModel(t)
	if len(m.Workloads) == 0 {
		t.Fatal("the site has no workloads")
	}
	big := m.Workloads[0]
	for _, w := range m.Workloads {
		if len(w.Rows) > len(big.Rows) {
			big = w
		}
	}
	var out []page
	for _, loc := range m.Locales {
		out = append(out,
			page{"matrix-" + loc, "/" + loc + "/", nil},
			page{"workload-" + loc, "/" + loc + "/workloads/" + big.ID + "/", nil})
	}
	return append(out,
		page{"404", "/404.html", nil},
		page{"picker", "/index.html", []string{"--blocked-url-patterns=*.js"}})
}

// TestLighthouse: on every page kind, in both languages, Lighthouse
// (mobile, default throttling) scores accessibility, best practices and SEO
// 100, and the load's cumulative layout shift stays under 0.1. Performance
// is logged, not asserted: under simulated throttling it follows the
// machine's load.
func TestLighthouse(t *testing.T) {
	cli, err := LighthouseCLI(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	outDir := filepath.Join(repoRoot, "testoutput", "lighthouse")
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		t.Fatal(err)
	}
	var table []string
	for _, p := range lighthousePages(t) {
		t.Run(p.name, func(t *testing.T) {
			rep, err := Audit(context.Background(), cli, origin+p.path, p.extra...)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(outDir, p.name+".json"), rep.JSON, 0o644); err != nil {
				t.Error(err)
			}
			if !strings.HasSuffix(rep.FinalURL, p.path) {
				t.Errorf("the report is about %s, not %s", rep.FinalURL, p.path)
			}
			for _, c := range []string{"accessibility", "best-practices", "seo"} {
				s, ok := rep.Scores[c]
				if !ok {
					t.Errorf("%s: no %s score", p.path, c)
				} else if s < 100 {
					t.Errorf("%s: %s %d, want 100", p.path, c, s)
				}
			}
			if rep.CLS >= 0.1 {
				t.Errorf("%s: cumulative layout shift %.3f, want < 0.1", p.path, rep.CLS)
			}
			for _, f := range rep.Failing {
				if strings.HasPrefix(f, "performance/") {
					t.Logf("%s: %s", p.path, f)
				} else {
					t.Errorf("%s: %s", p.path, f)
				}
			}
			for _, w := range rep.Warnings {
				t.Logf("%s: Lighthouse warns: %s", p.path, w)
			}
			table = append(table, fmt.Sprintf("%-12s %-34s %5d %5d %5d %5d  %.3f",
				p.name, p.path, rep.Scores["performance"], rep.Scores["accessibility"], rep.Scores["best-practices"], rep.Scores["seo"], rep.CLS))
		})
	}
	t.Logf("Lighthouse %s, mobile, simulated throttling (reports in testoutput/lighthouse/):\n%-12s %-34s %5s %5s %5s %5s  %s\n%s",
		LighthouseVersion, "page", "path", "perf", "a11y", "bp", "seo", "CLS", strings.Join(table, "\n"))
}
