// Package matrix is the second stage: it turns the raw tables of package source
// into the normalized, typed model that is written as public/data/matrix.json —
// a public API for other tools — and that every later stage renders from.
//
// Input: a *source.Content (one positioned Document per locale, plus the UI
// strings). Output: a *Model and a sorted diag.List; JSON, Schema and CSV
// serialize the model. The per-language knowledge (header words, yes/no
// words, installation phrases, labels, capability keywords, workloads) is
// data: the phrasebooks of package phrase, one per language, merged along
// the document's language chain (phrase.Lang).
//
// # Columns
//
// A column's meaning comes from its header text (white space collapsed, any
// known language, bold or not), never from its position: the workload, the
// version, the installation, the protection column; a header that names a
// release ("Azure Backup</br> Server v2", "Server V3") is that release's
// support column (id "v2", "v3"); a single "supported server" column
// ("Ondersteunde Azure Backup Server") holds, per row, the releases that
// support it ("V3, V2", "V3 UR1" → "v3-ur1", "Niet ondersteund") and the
// server list is then the releases named, in order of first appearance. Any
// other column is kept in Row.Extra, with a warning at its header. Servers
// keep column order; a server's name per locale is its header text (or, for
// the single column, the release as written).
//
// # Cells
//
// A line break ends a line; an empty line (two breaks) ends a paragraph.
//
//   - Support: the first word is looked up in the locale's yes/no words
//     (nl J/N/Ja/Nee, fr O/N/Oui/Non, en Y/N/Yes/No, …). The English Y/N is
//     accepted in any locale, with a warning outside English. Text after the
//     word — in parentheses ("Y (met UR1)") or on later lines
//     ("J<br/><br/>Niet-Nano server") — is the condition, links intact, and
//     makes "supported" "conditional". Anything else is "unknown", warned.
//   - Installations: every line is one phrase; its head (before any "(")
//     must match exactly one target of the locale's rules; a comma list of
//     recognised phrases is split; anything else is "unknown", warned.
//   - Versions: one entry per line; commas do not split.
//   - Workloads: the known-workload table (any language) gives an English
//     slug; an unknown workload gets a slug of its English name when there
//     is an English document, else of the default locale's.
//   - Protection: a paragraph that starts with a label ("Beveiligen:",
//     "(Alle implementatiescenario's) herstellen:", "Protect:", …) — or
//     has one right after a sentence, as in the Linux row — lists protect or
//     recover items, split on commas outside parentheses; text before such a
//     label is a note. Unlabelled, the first line of the first paragraph is
//     the protect list when it is not a sentence (no ". ", no final "."),
//     and every other line is a note. Capability tags come from the protect
//     and recover items by the locale's keywords, specific first (a keyword
//     used up cannot match again), united across locales, in vocabulary
//     order.
//   - Every cell is checked for a ")" with no "(" and a "(" never closed.
//
// # Rows and locales
//
// A row id is "<workload>--<version slug>--<targets joined by ->", the
// version slug from English when present. A second row with the same id but
// other content gets the suffix "-2" and a warning naming both rows; a row
// identical in every cell to an earlier one is an error (duplicate-row).
// Every locale's tables and rows align with the default locale's by index;
// any disagreement on the number of rows, the workload, the number of
// versions, the installation targets or a support status is an error naming
// both places. Sections align by id.
//
// Invariants: the model is a pure function of the Content (no clock, no map
// iteration order leaks: every list is in source order or sorted); a value it
// does not know becomes "unknown" with a positioned warning, never a guess.
package matrix
