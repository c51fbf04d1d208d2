// Command matrixbench measures the compiler as a whole process and writes
// synthetic content for benchmarks.
//
//	matrixbench synth --rows N --out DIR [--seed S] [--workloads W] [--content content]
//	matrixbench build [--runs 5] [--warmup=true] [--rows 10000,100000] [--content content] [--root .]
//
// synth writes a content folder (site.yaml, nl/ and en/ documents, the real
// strings files) with N table rows per locale; see package build/synth.
//
// build compiles cmd/matrixdoc once into a temporary folder, then runs
// "matrixdoc build" as a separate process on the real content and on
// synthetic content of each --rows size (with --max-file-size 256MiB: the
// documents outgrow the default limit), --runs times each after one warm-up
// run, and prints per case the median, min and max wall time and the peak
// resident set size (getrusage's ru_maxrss of the child), then the ratio of
// the largest to the smallest synthetic case against the project's goals:
// the seed under 100 ms; 10,000 rows in two languages under 2 s and 300 MB;
// 100,000 rows at most ~10× the 10,000-row time. It reports figures; it
// asserts nothing about time.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/mabs-matrix/matrixdoc/build/synth"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage:
  matrixbench synth --rows N --out DIR [--seed S] [--workloads W] [--content DIR]
  matrixbench build [--runs N] [--rows N,N,...] [--content DIR] [--root DIR] [--keep]

Run "matrixbench <command> --help" for the flags of a command.
`

// run is main without the exit, for tests.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "synth":
		err = synthCmd(args[1:], stdout, stderr)
	case "build":
		err = buildCmd(args[1:], stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "matrixbench: unknown command %q\n%s", args[0], usage)
		return 2
	}
	switch {
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	case err != nil:
		fmt.Fprintf(stderr, "matrixbench: %v\n", err)
		return 1
	}
	return 0
}

// errUsage marks a bad command line (the flag package has printed why).
var errUsage = errors.New("usage")

// parse parses fs, mapping flag errors to errUsage / flag.ErrHelp.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "unexpected arguments: %s\n", strings.Join(fs.Args(), " "))
		return errUsage
	}
	return nil
}

func synthCmd(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("matrixbench synth", flag.ContinueOnError)
	fs.SetOutput(stderr)
	rows := fs.Int("rows", 10000, "table rows per locale")
	out := fs.String("out", "", "folder to write the content folder into (required)")
	seed := fs.Uint64("seed", 1, "PRNG seed; the same seed writes the same bytes")
	workloads := fs.Int("workloads", 0, "extra generated workloads besides the nine known ones (0: rows/100, -1: none)")
	content := fs.String("content", "content", "real content folder to copy <locale>/strings.yaml from")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		fmt.Fprintln(stderr, "matrixbench synth: --out is required")
		return errUsage
	}
	if err := synth.Write(*out, synth.Options{Rows: *rows, Seed: *seed, ExtraWorkloads: *workloads, Content: os.DirFS(*content)}); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d rows × %d locales to %s\n", *rows, len(synth.Locales), *out)
	return nil
}

// intList is a comma-separated list of positive integers flag.
type intList []int

func (l *intList) String() string {
	s := make([]string, len(*l))
	for i, n := range *l {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ",")
}

func (l *intList) Set(v string) error {
	*l = nil
	for _, f := range strings.Split(v, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return fmt.Errorf("%q is not a positive row count", f)
		}
		*l = append(*l, n)
	}
	return nil
}
