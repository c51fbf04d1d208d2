// Command matrixdoc compiles the localized MABS protection matrix into a static
// site, JSON data and an offline bundle. See README.md.
//
//	matrixdoc build [--content content] [--templates templates] [--assets assets] [--out public] [--strict] [--max-file-size 16MiB]
//	matrixdoc check [--content DIR] [--out DIR] [--strict] [--format text|json] [--max-file-size SIZE]
//	matrixdoc serve [--content DIR] [--out DIR] [--port N] [--max-file-size SIZE]
//	matrixdoc query [--data FILE | --content DIR] [--server v2] [--on TARGET] [--lang nl|en] [--format text|json] PRODUCT-AND-VERSION
//	matrixdoc query --inventory machines.csv [--server v2] [--format text|csv|json]
//
// The command is thin: each subcommand turns its flags into the options of
// one call into build/… and turns the diagnostics it gets back into output
// and an exit code (0 clean, 1 errors, 2 usage).
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
