package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"strconv"

	"github.com/mabs-matrix/matrixdoc/build/devserver"
)

func runServe(ctx context.Context, fs *flag.FlagSet, args []string, stdout, stderr io.Writer) int {
	var o devserver.Options
	siteFlags(fs, &o.Site, true)
	fs.StringVar(&o.Site.Out, "out", "public", "output `folder` to build into and serve")
	port := fs.Int("port", 1313, "`port` to listen on at 127.0.0.1 (0 picks a free one)")
	fs.StringVar(&o.Netlify, "netlify", "netlify.toml", "serve with the headers and redirects of this netlify.toml `file`")
	if code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	if *port < 0 || *port > 65535 {
		fmt.Fprintf(stderr, "invalid value %d for flag -port\n", *port)
		fs.Usage()
		return exitUsage
	}
	o.Addr = net.JoinHostPort("127.0.0.1", strconv.Itoa(*port))
	o.Log = stderr
	if err := devserver.Run(ctx, o, nil); err != nil {
		fmt.Fprintf(stderr, "matrixdoc: serve: %v\n", err)
		return exitError
	}
	return exitOK
}
