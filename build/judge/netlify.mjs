// netlify.mjs asks Netlify's own config resolver how it reads a netlify.toml.
// build/judge's NetlifyResolve runs it with node; nothing here reaches the
// network (offline: true, no site id, no token) or needs a Netlify account.
//
// Input, as JSON on stdin:
//   { "modules": ".../node_modules", "config": ".../netlify.toml",
//     "repositoryRoot": "...", "paths": ["/", "/nl/", ...] }
// Output, as JSON on stdout:
//   { "config": { "build", "headers", "redirects" }  — resolveConfig's result
//     "logs": [...]                                   — every line it logged
//     "matches": [{ "path", "rules": [i...], "headers": {...} }] }
// where rules are the indices of the header rules whose `for` pattern
// matches the path — by @netlify/headers-parser's own forRegExp, the one the
// Netlify CLI's dev server uses — and headers is what the CLI gives that
// path (its headersForPath: the matching rules' values, later overriding
// earlier). A failure to resolve exits 1 with the message on stderr.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// load imports a package from the given node_modules by its package.json
// entry point (an absolute file URL: this script does not sit beside them).
const load = async (modules, name) => {
  const dir = join(modules, ...name.split('/'));
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const entry = typeof pkg.exports === 'string' ? pkg.exports : pkg.main;
  return { version: pkg.version, mod: await import(pathToFileURL(join(dir, entry)).href) };
};

const input = JSON.parse(readFileSync(0, 'utf8'));
const config = await load(input.modules, '@netlify/config');
const headersParser = await load(input.modules, '@netlify/headers-parser');
const redirectParser = await load(input.modules, '@netlify/redirect-parser');

// mode 'cli' is how `netlify build` and `netlify dev` call it; offline keeps
// it from the API; buffer collects its log lines (warnings included) instead
// of printing them, so the caller can assert there are none.
const result = await config.mod.resolveConfig({
  config: input.config,
  cwd: input.repositoryRoot,
  repositoryRoot: input.repositoryRoot,
  context: 'production',
  mode: 'cli',
  offline: true,
  buffer: true,
});
const logs = [...(result.logs?.stdout ?? []), ...(result.logs?.stderr ?? [])];

// The resolver returns the headers minimal (no forRegExp); the CLI's dev
// server parses them again with minimal: false to get the matchers.
const { headers: full, errors } = await headersParser.mod.parseAllHeaders({
  configHeaders: result.config.headers,
  minimal: false,
});
for (const e of errors) logs.push(`headers-parser: ${e.message}`);
if (full.length !== result.config.headers.length) {
  logs.push(`headers-parser: ${result.config.headers.length} resolved rules became ${full.length} matchers`);
}

const matches = input.paths.map((path) => {
  const rules = [];
  full.forEach((h, i) => {
    if (h.forRegExp.test(path)) rules.push(i);
  });
  // The Netlify CLI's headersForPath, in its own words.
  const headers = Object.assign({}, ...rules.map((i) => full[i].values));
  return { path, rules, headers };
});

process.stdout.write(JSON.stringify({
  versions: {
    config: config.version,
    headersParser: headersParser.version,
    redirectParser: redirectParser.version,
    node: process.version,
  },
  config: {
    build: result.config.build,
    headers: result.config.headers,
    redirects: result.config.redirects,
  },
  headersFor: full.map((h) => ({ for: h.for, regexp: h.forRegExp.source, flags: h.forRegExp.flags })),
  logs,
  matches,
}));
