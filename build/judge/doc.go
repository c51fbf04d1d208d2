// Package judge runs the outside tools nobody here wrote over the built site:
// the W3C Nu HTML Checker (vnu.jar, on Java) and Lighthouse (on Node.js
// with Debian's Chromium). Its tests are the site's conformance tests; its
// functions are also used by build/e2e, which checks the DOM the script
// leaves behind with the same checker.
//
// Input: the tools bash .ci/test installs into .cache/npm at the module
// root — vnu-jar and lighthouse, pinned to VNUVersion and LighthouseVersion
// — and, for the tests, the repository's content/, templates/ and assets/,
// built once per test binary with site.Build into a temporary folder and
// served on 127.0.0.1 by build/netlify's Handler (netlify.toml's headers and
// redirects) with gzip, as the host serves it.
//
// Output: Check returns the checker's messages per file and position;
// Audit returns a Lighthouse report's category scores, its cumulative
// layout shift and the audits that failed. The tests fail on any checker
// error on any built page, and on a Lighthouse accessibility, best
// practices or SEO score under 100 or a CLS of 0.1 or more on any page
// kind, both languages; they log every page's scores with performance,
// which is reported, never asserted (it moves with the machine's load).
// The Lighthouse JSON reports go to testoutput/lighthouse/ at the module
// root for a reviewer.
//
// Invariants: the tests never skip. A missing tool is a failure that names
// the command that installs it (bash .ci/test). Nothing here reaches the
// network: the tools run from disk against a local server.
package judge
