package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"time"
)

// benchCase is one content folder measured as a whole process.
type benchCase struct {
	name    string
	rows    int // rows per locale; 0 for the real content (read from the summary line)
	content string
}

// measurement is what the runs of one case gave.
type measurement struct {
	walls   []time.Duration
	cpus    []time.Duration // user + system CPU time of the child
	peakRSS int64           // bytes, the largest over the runs
	summary string          // matrixdoc's last stdout line
}

func buildCmd(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("matrixbench build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	runs := fs.Int("runs", 5, "measured runs per case (after one warm-up run)")
	rows := intList{10000, 100000}
	fs.Var(&rows, "rows", "synthetic row counts per locale, comma-separated")
	content := fs.String("content", "content", "the real content folder (also the source of the strings files)")
	root := fs.String("root", ".", "module root: where cmd/matrixdoc, templates/ and assets/ are")
	seed := fs.Uint64("seed", 1, "PRNG seed of the synthetic content")
	warmup := fs.Bool("warmup", true, "run each case once, unmeasured, before the measured runs")
	keep := fs.Bool("keep", false, "keep the temporary folder (binary, content, output) and print its path")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *runs < 1 {
		fmt.Fprintln(stderr, "matrixbench build: --runs must be at least 1")
		return errUsage
	}
	rootAbs, err := filepath.Abs(*root)
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(rootAbs, "go.mod")); err != nil {
		return fmt.Errorf("--root %s is not the module root: %w", *root, err)
	}
	contentAbs, err := filepath.Abs(*content)
	if err != nil {
		return err
	}

	tmp, err := os.MkdirTemp("", "matrixbench-")
	if err != nil {
		return err
	}
	if *keep {
		fmt.Fprintf(stdout, "work folder: %s\n", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}

	bin := filepath.Join(tmp, "matrixdoc")
	start := time.Now()
	gb := exec.Command("go", "build", "-o", bin, "./cmd/matrixdoc")
	gb.Dir = rootAbs
	if out, err := gb.CombinedOutput(); err != nil {
		return fmt.Errorf("go build ./cmd/matrixdoc: %v\n%s", err, out)
	}
	fmt.Fprintf(stdout, "built %s in %s\n", bin, time.Since(start).Round(time.Millisecond))

	cases := []benchCase{{name: "seed (content/)", content: contentAbs}}
	for _, n := range rows {
		dir := filepath.Join(tmp, fmt.Sprintf("content-%d", n))
		start := time.Now()
		// In a child process: on Linux a child's ru_maxrss starts from the
		// parent's high-water mark (the address space it was forked from), so
		// this process must never hold the generated content itself.
		self, err := os.Executable()
		if err != nil {
			return err
		}
		gen := exec.Command(self, "synth", "--rows", fmt.Sprint(n), "--seed", fmt.Sprint(*seed), "--content", contentAbs, "--out", dir)
		if out, err := gen.CombinedOutput(); err != nil {
			return fmt.Errorf("generating %d rows: %v\n%s", n, err, out)
		}
		fmt.Fprintf(stdout, "generated %d rows × 2 locales in %s\n", n, time.Since(start).Round(time.Millisecond))
		cases = append(cases, benchCase{name: fmt.Sprintf("synthetic %d", n), rows: n, content: dir})
	}

	results := make([]measurement, len(cases))
	var failed []string
	for i, c := range cases {
		out := filepath.Join(tmp, fmt.Sprintf("public-%d", i))
		var extra []string
		if c.rows > 0 {
			// Synthetic documents are far over the default document size
			// limit (100,000 rows is ~37 MiB a locale).
			extra = []string{"--max-file-size", synthMaxFileSize}
		}
		m, err := measure(bin, rootAbs, c.content, out, *runs, *warmup, extra...)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", c.name, err)
			failed = append(failed, c.name)
			continue
		}
		results[i] = m
		fmt.Fprintf(stdout, "%-18s %s\n", c.name+":", m.summary)
	}

	fmt.Fprintln(stdout)
	report(stdout, cases, results, *runs)
	if len(failed) > 0 {
		return fmt.Errorf("build failed for: %s", strings.Join(failed, ", "))
	}
	return nil
}

// synthMaxFileSize is the --max-file-size the synthetic cases build with.
const synthMaxFileSize = "256MiB"

// measure runs "matrixdoc build" once to warm the file cache (if warmup),
// then runs times, and returns the wall and CPU times and the peak RSS.
// extra are more flags for matrixdoc build.
func measure(bin, root, content, out string, runs int, warmup bool, extra ...string) (measurement, error) {
	var m measurement
	first := 0
	if !warmup {
		first = 1
	}
	for i := first; i <= runs; i++ {
		var so, se bytes.Buffer
		cmd := exec.Command(bin, append([]string{"build", "--content", content, "--out", out}, extra...)...)
		cmd.Dir = root // templates/ and assets/ are found relative to the module root
		cmd.Stdout, cmd.Stderr = &so, &se
		start := time.Now()
		err := cmd.Run()
		wall := time.Since(start)
		if err != nil {
			return m, fmt.Errorf("%v\n%s", err, tail(se.String()+so.String(), 20))
		}
		m.summary = lastLine(so.String() + se.String())
		if i == 0 {
			continue // warm-up
		}
		m.walls = append(m.walls, wall)
		m.cpus = append(m.cpus, cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime())
		if rss := maxRSS(cmd.ProcessState); rss > m.peakRSS {
			m.peakRSS = rss
		}
	}
	return m, nil
}

// report prints the table of figures and the goals they are held against.
func report(w io.Writer, cases []benchCase, results []measurement, runs int) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintln(tw, "case\trows/locale\truns\tmedian wall\tmin\tmax\tmedian CPU\tpeak RSS\tgoal\t")
	medians, cpuMedians := map[int]time.Duration{}, map[int]time.Duration{}
	for i, c := range cases {
		m := results[i]
		if len(m.walls) == 0 {
			fmt.Fprintf(tw, "%s\t%s\t0\tfailed\t\t\t\t\t\t\n", c.name, rowsLabel(c.rows))
			continue
		}
		med, lo, hi := stats(m.walls)
		cpu, _, _ := stats(m.cpus)
		medians[c.rows], cpuMedians[c.rows] = med, cpu
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t\n", c.name, rowsLabel(c.rows), runs,
			ms(med), ms(lo), ms(hi), ms(cpu), mb(m.peakRSS), goal(c.rows, med, m.peakRSS))
	}
	tw.Flush()

	// Growth: the largest synthetic size against the next smaller one.
	var sizes []int
	for n := range medians {
		if n > 0 {
			sizes = append(sizes, n)
		}
	}
	sort.Ints(sizes)
	for i := 1; i < len(sizes); i++ {
		a, b := sizes[i-1], sizes[i]
		ratio := float64(medians[b]) / float64(medians[a])
		cpuRatio := float64(cpuMedians[b]) / float64(cpuMedians[a])
		scale := float64(b) / float64(a)
		verdict := "meets"
		if ratio > scale*1.1 {
			verdict = "misses"
		}
		fmt.Fprintf(w, "growth %d→%d rows (×%.0f): wall ×%.2f, CPU ×%.2f — goal ≤ ~×%.0f (linear): %s\n", a, b, scale, ratio, cpuRatio, scale, verdict)
	}
}

// goal says how a case stands against the whole-process goals.
func goal(rows int, med time.Duration, rss int64) string {
	verdict := func(ok bool) string {
		if ok {
			return "meets"
		}
		return "misses"
	}
	switch rows {
	case 0:
		return "< 100 ms: " + verdict(med < 100*time.Millisecond)
	case 10000:
		return "< 2 s, < 300 MB: " + verdict(med < 2*time.Second && rss < 300<<20)
	}
	return "-"
}

func rowsLabel(n int) string {
	if n == 0 {
		return "66"
	}
	return fmt.Sprint(n)
}

// stats returns the median, minimum and maximum of d (not empty).
func stats(d []time.Duration) (med, lo, hi time.Duration) {
	s := append([]time.Duration(nil), d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	n := len(s)
	med = s[n/2]
	if n%2 == 0 {
		med = (s[n/2-1] + s[n/2]) / 2
	}
	return med, s[0], s[n-1]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond)) }
func mb(b int64) string {
	if b == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.1f MB", float64(b)/(1<<20))
}

// lastLine returns the last non-empty line of s.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

// tail returns the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
