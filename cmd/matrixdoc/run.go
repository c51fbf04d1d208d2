package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
)

// Exit codes.
const (
	exitOK    = 0 // clean (warnings allowed unless --strict)
	exitError = 1 // the input or the site has errors
	exitUsage = 2 // bad command line
)

// command is one subcommand.
type command struct {
	name    string
	summary string
	usage   string // the synopsis after "matrixdoc "
	run     func(ctx context.Context, fs *flag.FlagSet, args []string, stdout, stderr io.Writer) int
}

var commands []command

func init() {
	commands = []command{
		{name: "build", summary: "compile content into the site folder", usage: "build [--content DIR] [--templates DIR] [--assets DIR] [--out DIR] [--strict]", run: runBuild},
		{name: "check", summary: "report every diagnostic without writing; check a built site", usage: "check [--content DIR] [--out DIR] [--strict] [--format text|json]", run: runCheck},
		{name: "serve", summary: "build, serve on 127.0.0.1, rebuild and live-reload on change", usage: "serve [--content DIR] [--out DIR] [--port N]", run: runServe},
		{name: "query", summary: "answer whether a release protects a product version (exit 0 yes, 3 with a condition, 1 no or not listed, 2 usage or ambiguous)",
			usage: "query [--data FILE | --content DIR] [--server v2] [--on TARGET] [--lang nl|en] [--format text|json] PRODUCT-AND-VERSION\n       matrixdoc query --inventory machines.csv [--server v2] [--format text|csv|json]", run: runQuery},
	}
}

func topUsage(w io.Writer) {
	fmt.Fprintln(w, "Usage: matrixdoc <command> [flags]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "matrixdoc compiles the localized MABS protection matrix (content/<locale>/*.md)")
	fmt.Fprintln(w, "into a static site, data/matrix.json (+ schema, CSV) and an offline bundle.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-6s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'matrixdoc <command> --help' for a command's flags.")
	fmt.Fprintln(w, "Exit status: 0 clean, 1 errors in the input or site, 2 bad usage.")
}

// run is the whole CLI: it parses args (without the program name), runs one
// command and returns the exit code. Tests call it directly.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		topUsage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		if len(args) > 1 && args[0] == "help" {
			return run(ctx, []string{args[1], "--help"}, stdout, stderr)
		}
		topUsage(stdout)
		return exitOK
	}
	for _, c := range commands {
		if c.name != args[0] {
			continue
		}
		fs := flag.NewFlagSet("matrixdoc "+c.name, flag.ContinueOnError)
		fs.SetOutput(stderr)
		fs.Usage = func() {
			fmt.Fprintf(fs.Output(), "Usage: matrixdoc %s\n\n%s.\n\nFlags:\n", c.usage, upperFirst(c.summary))
			fs.PrintDefaults()
		}
		return c.run(ctx, fs, args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "matrixdoc: unknown command %q\n\n", args[0])
	topUsage(stderr)
	return exitUsage
}

// parse parses the flags of a command. It returns ok=false with the exit code
// to use when the command must not run: --help (0, usage on stdout) or a
// usage error (2, usage on stderr).
func parse(fs *flag.FlagSet, args []string, stdout io.Writer) (code int, ok bool) {
	if code, ok := parseAll(fs, args, stdout); !ok {
		return code, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return exitUsage, false
	}
	return 0, true
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// formatBytes prints a size the way the summary line does.
func formatBytes(n int64) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%d B", n)
	case n < 10<<20:
		return fmt.Sprintf("%d KB", (n+512)/1024)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
