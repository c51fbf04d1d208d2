package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/mabs-matrix/matrixdoc/build/diag"
	"github.com/mabs-matrix/matrixdoc/build/query"
)

// Exit codes of query beyond the common ones: 1 is also "no / not listed".
const exitConditional = 3

// runQuery is `matrixdoc query`: flags → a query.Question (or an
// inventory) → one call into build/query → its text, CSV or JSON and exit
// status.
func runQuery(_ context.Context, fs *flag.FlagSet, args []string, stdout, stderr io.Writer) int {
	data := fs.String("data", "", "read this matrix.json `file` (instead of compiling --content)")
	content := fs.String("content", "content", "compile this content `folder` when --data is not given")
	var maxSize int64
	fs.Var((*byteSize)(&maxSize), "max-file-size", "largest markdown document read with --content, e.g. 64MiB")
	server := fs.String("server", "", "ask about this server `release` only (v2, v1, …; default every release)")
	on := fs.String("on", "", "installation `target`: an id (physical-server, hyper-v-vm, vmware-vm, azure-vm, azure-stack) or words (physical, hyper-v vm, vmware)")
	workload := fs.String("workload", "", "answer for this `workload` only: an id (servers, hyper-v-host, …) or its name")
	lang := fs.String("lang", "", "`language` of the question's words and the answer's texts: nl or en (default the matrix's default locale)")
	format := fs.String("format", "text", "output `format`: text or json (an inventory also csv)")
	inventory := fs.String("inventory", "", "check every machine of this CSV `file` (columns name, product, installation)")

	// Flags may come after the words of the question: parse, take the
	// words up to the next flag, parse again.
	var words []string
	rest := args
	for {
		if code, ok := parseAll(fs, rest, stdout); !ok {
			return code
		}
		if fs.NArg() == 0 {
			break
		}
		words = append(words, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	text := strings.Join(words, " ")
	switch {
	case *format != "text" && *format != "json" && !(*format == "csv" && *inventory != ""):
		fmt.Fprintf(stderr, "invalid value %q for flag -format: want text or json (csv with --inventory)\n", *format)
		return exitUsage
	case *inventory == "" && strings.TrimSpace(text) == "":
		fmt.Fprintln(stderr, "matrixdoc query: name a product and version, e.g. matrixdoc query --server v1 --on vmware-vm \"SQL Server 2016\"")
		fs.Usage()
		return exitUsage
	case *inventory != "" && text != "":
		fmt.Fprintf(stderr, "matrixdoc query: --inventory checks the machines of the file; unexpected question %q\n", text)
		return exitUsage
	}

	ix, code := openIndex(*data, *content, maxSize, stderr)
	if ix == nil {
		return code
	}
	if *inventory != "" {
		return runInventory(ix, *inventory, *server, *lang, *format, stdout, stderr)
	}
	a, err := ix.Ask(query.Question{Text: text, Server: *server, Target: *on, Lang: *lang, Workload: *workload})
	if err != nil {
		fmt.Fprintf(stderr, "matrixdoc query: %v\n", err)
		return exitUsage
	}
	if *format == "json" {
		err = a.WriteJSON(stdout)
	} else {
		err = a.WriteText(stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "matrixdoc query: %v\n", err)
		return exitError
	}
	return a.ExitCode()
}

// parseAll parses flags like parse but allows arguments after them. The
// flag package prints the usage itself, always to its output; this prints
// it instead, to stdout for --help.
func parseAll(fs *flag.FlagSet, args []string, stdout io.Writer) (int, bool) {
	usage := fs.Usage
	fs.Usage = func() {}
	err := fs.Parse(args)
	fs.Usage = usage
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(stdout)
		fs.Usage()
		return exitOK, false
	}
	if err != nil {
		fs.Usage() // after the error the flag package printed
		return exitUsage, false
	}
	return 0, true
}

// openIndex reads --data or compiles --content; on failure it reports and
// returns the exit status (2: nothing to answer from).
func openIndex(data, content string, maxSize int64, stderr io.Writer) (*query.Index, int) {
	if data != "" {
		f, err := os.Open(data)
		if err != nil {
			fmt.Fprintf(stderr, "matrixdoc query: %v\n", err)
			return nil, exitUsage
		}
		defer f.Close()
		ix, err := query.Load(f)
		if err != nil {
			fmt.Fprintf(stderr, "matrixdoc query: %s: %v\n", data, err)
			return nil, exitUsage
		}
		return ix, 0
	}
	ix, l := query.FromContent(content, maxSize)
	if ix == nil {
		prefixed := make(diag.List, 0, len(l))
		for _, d := range l {
			if d.Severity == diag.Error {
				d.File = filepath.ToSlash(filepath.Join(content, d.File))
				prefixed = append(prefixed, d)
			}
		}
		prefixed.Print(stderr)
		fmt.Fprintf(stderr, "matrixdoc query: %s does not compile; nothing to answer from\n", content)
		return nil, exitUsage
	}
	return ix, 0
}

func runInventory(ix *query.Index, file, server, lang, format string, stdout, stderr io.Writer) int {
	f, err := os.Open(file)
	if err != nil {
		fmt.Fprintf(stderr, "matrixdoc query: %v\n", err)
		return exitUsage
	}
	defer f.Close()
	ms, err := query.ReadInventory(f)
	if err != nil {
		fmt.Fprintf(stderr, "matrixdoc query: %s: %v\n", file, err)
		return exitUsage
	}
	inv, err := ix.CheckInventory(ms, server, lang)
	if err != nil {
		fmt.Fprintf(stderr, "matrixdoc query: %v\n", err)
		return exitUsage
	}
	switch format {
	case "json":
		err = inv.WriteJSON(stdout)
	case "csv":
		err = inv.WriteCSV(stdout)
		if err == nil {
			fmt.Fprintln(stderr, inv.Summary.Line(inv.Servers))
		}
	default:
		err = inv.WriteText(stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "matrixdoc query: %v\n", err)
		return exitError
	}
	return inv.ExitCode()
}
