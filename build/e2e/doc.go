// Package e2e holds the browser tests of the built site; it has no code
// outside its tests.
//
// Input: the repository's content/, templates/ and assets/, built once per
// test binary with site.Build into a temporary folder, served by
// build/netlify's Handler (the headers and redirects of netlify.toml) on
// 127.0.0.1, and driven through chromedp by Debian's Chromium
// (/usr/lib/chromium/chromium) — one browser per binary, one tab per test.
// axe-core is read from .cache/npm/node_modules/axe-core/axe.min.js.
//
// Two tests build sites of their own the same way: TestScale the synthetic
// 10,000-row matrix (build/synth; correctness only — cmd/clientbench
// measures its speed), TestHostileContent testdata/bad/xss, served with
// netlify.toml's CSP and again with the CSP headers removed. Chromium is
// started by the non-test package build/e2e/browser, shared with
// cmd/clientbench so both use the same flags.
//
// Output: pass/fail, plus screenshots in testoutput/screenshots/ at the
// repository root for a reviewer to look at.
//
// Invariants: the tests never skip. A missing Chromium or axe-core is a
// failure that names the command that installs them (bash .ci/test). Every
// tab fails its test on a console error, an uncaught exception, a CSP
// violation or a request that leaves the origin. Expected results come from
// the built data/matrix.json, not from numbers written into the tests.
//
// MATRIXDOC_E2E_SITE=<folder> serves an already built folder instead of
// building (for debugging a public/ by hand).
package e2e
