// Package browser starts the headless Chromium that the browser tests
// (build/e2e) and the client benchmark (cmd/clientbench) drive, with one set
// of flags, so that the figures the benchmark prints describe the browser the
// tests check.
//
// Input: a fresh profile folder (Chromium writes into it).
//
// Output: a chromedp browser context; new tabs are chromedp.NewContext
// children of it. The caller's cancel function ends the browser process.
//
// Invariants: Debian's Chromium at Path, headless, no sandbox (root in
// containers; the pages are our own), no GPU, and every background service
// that would reach for the network (closed here) switched off. The reader is
// Dutch (navigator.languages), the window 1280×900.
package browser

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/chromedp/chromedp"
)

// Path is Debian's Chromium binary; bash .ci/test installs it.
const Path = "/usr/lib/chromium/chromium"

// Options are the allocator options of every browser this project starts;
// profile is the user-data folder.
func Options(profile string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(Path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-features", "Translate,OptimizationHints,MediaRouter"),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
		chromedp.Flag("lang", "nl-NL"), // a Dutch reader: navigator.languages
		chromedp.Flag("accept-lang", "nl-NL,nl"),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 900),
	}
}

// Start launches Chromium with Options(profile) and waits until it answers.
// It returns the browser context, the time the start took, and a function
// that ends the browser. A missing binary is an error that names the command
// that installs it.
func Start(profile string) (context.Context, time.Duration, context.CancelFunc, error) {
	if _, err := os.Stat(Path); err != nil {
		return nil, 0, nil, fmt.Errorf("Chromium is missing (%s): run the README's test command, bash .ci/test, which installs it", Path)
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), Options(profile)...)
	ctx, cancelBrowser := chromedp.NewContext(allocCtx)
	cancel := func() {
		cancelBrowser()
		cancelAlloc()
	}
	start := time.Now()
	if err := chromedp.Run(ctx); err != nil {
		cancel()
		return nil, 0, nil, fmt.Errorf("starting %s: %w (run bash .ci/test to install it)", Path, err)
	}
	return ctx, time.Since(start), cancel, nil
}
