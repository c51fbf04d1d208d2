// Package judge runs the outside tools nobody here wrote over the built site:
// the W3C Nu HTML Checker (vnu.jar, on Java), Lighthouse (on Node.js
// with Debian's Chromium) and Netlify's own config resolver (@netlify/config,
// on Node.js, offline). Its tests are the site's conformance tests; its
// functions are also used by build/e2e, which checks the DOM the script
// leaves behind with the same checker.
//
// Input: the tools bash .ci/test installs into .cache/npm at the module
// root — vnu-jar, lighthouse and @netlify/config with its headers and
// redirect parsers, pinned to VNUVersion, LighthouseVersion and
// NetlifyConfigVersion (NetlifyHeadersParserVersion,
// NetlifyRedirectParserVersion) — and, for the tests, the repository's
// content/, templates/ and assets/, built once per test binary with site.Build into a temporary folder and
// served on 127.0.0.1 by build/netlify's Handler (netlify.toml's headers and
// redirects) with gzip, as the host serves it.
//
// Output: Check returns the checker's messages per file and position;
// Audit returns a Lighthouse report's category scores, its cumulative
// layout shift and the audits that failed; NetlifyResolve returns the
// headers, redirects and build settings Netlify resolves from a
// netlify.toml, its warnings, and for given URL paths the header rules
// @netlify/headers-parser's matcher picks and the headers the Netlify CLI
// gives them (netlify.mjs, embedded, does the asking). The tests fail on
// any checker error on any built page, and on a Lighthouse accessibility, best
// practices or SEO score under 100 or a CLS of 0.1 or more on any page
// kind, both languages; they log every page's scores with performance,
// which is reported, never asserted (it moves with the machine's load).
// They fail when Netlify's resolver warns about netlify.toml, when a header
// rule, redirect or build setting it resolves differs from build/netlify's
// parse, and when, on any URL of the built site, its matcher picks other
// header rules than build/netlify's, two picked rules set one header name,
// or build/netlify's Handler serves other values for the headers
// netlify.toml names. The CDN's own matcher is not published: the one
// compared is the open-source one the Netlify CLI serves with.
// The Lighthouse JSON reports go to testoutput/lighthouse/ at the module
// root for a reviewer.
//
// Invariants: the tests never skip. A missing tool is a failure that names
// the command that installs it (bash .ci/test). Nothing here reaches the
// network: the tools run from disk against a local server, and Netlify's
// resolver runs offline, without the machine's NETLIFY_* variables.
package judge
