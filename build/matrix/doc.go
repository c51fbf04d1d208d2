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
// A column's meaning comes from its header, never from its position alone,
// tried in this order:
//
//  1. a release token ("v2", "V3", "V3 UR1", "V4"; the same in every
//     language) with a server word ("Azure Backup Server v2", "Serveur v1")
//     makes that release's support column (id "v2", "v3-ur1");
//  2. the header's words in the language's phrasebooks: the workload, the
//     version, the installation, the protection column, or a single
//     "supported server" column ("Ondersteunde Azure Backup Server", V4's
//     bare "Azure Backup Server") that names, per row, the releases that
//     support it ("V3, V2", "V3 UR1", "Niet ondersteund");
//  3. the words of the header's English original, when the file carries
//     machine-translation twins (<span class="sxs-lookup">);
//  4. a release token alone ("伺服器 v2");
//  5. its cells: a column whose cells mostly list releases is the
//     supported-server column;
//  6. its place among the layouts every version of this document has used —
//     workload, version, installation, then the support columns, then
//     protection.
//
// Steps 3, 5 and 6 warn once per header with the phrasebook entry to add
// (unknown-header). A table without a workload column and a support or
// installation column is not a matrix (V4's "Scenario | Description"
// legend); a document with no matrix row at all is an error (no-matrix)
// naming every table and why. Any other column is kept in Row.Extra, with a
// warning at its header. Servers keep column order; a server's name per
// locale is its header text (or, for the single column, the release as
// written).
//
// # Cells
//
// A line break ends a line; an empty line (two breaks) ends a paragraph.
// Wherever the language's phrasebooks do not know a word and the cell has
// an English original, the original's word decides (and the word is
// reported once with the entry to add); where both are known and disagree,
// the original wins, with a translation-disagrees warning.
//
//   - Support: the first word is looked up in the language's yes/no words
//     (nl J/N, fr O/N, …). An English Y/N is understood in any language,
//     with a warning outside English. Text after the word — in parentheses
//     ("Y (met UR1)") or on later lines ("J<br/><br/>Niet-Nano server") — is
//     the condition, links intact, and makes "supported" "conditional".
//     Anything else is "unknown", reported once per word.
//   - Installations: every line is one phrase; its head (before any "(")
//     must match exactly one target of the language's rules (brand names
//     match in every language: Hyper-V, VMware, Azure, Azure Stack); a list
//     of recognised phrases joined by commas or the language's "or" is
//     split; anything else is "unknown".
//   - Versions: one entry per line; commas do not split.
//   - Workloads: the phrasebooks' workload names (brands in any language);
//     else the English original's; else what the row's version says
//     ("Windows Server 2016" is a server); an unknown workload gets a slug
//     of its English name when there is an English document, else of the
//     default locale's.
//   - Protection: a paragraph that starts with a label ("Beveiligen:",
//     "(Alle implementatiescenario's) herstellen:", "Protect:", …) — or has
//     one right after a sentence, as in the Linux row, or whose English
//     original starts with one — lists protect or recover items, split on
//     commas outside parentheses (a list whose first part is a phrase of
//     three words or more and whose last part joins two things with "and"
//     is one item: "VMware VMs on CSVs, NFS, and SAN storage"); text before
//     such a label is a note. An unlabelled line that is a list, not a
//     sentence, lists what can be recovered when it names a way to recover
//     ("Item-level recovery of files…"), else, on the cell's first line,
//     what is protected; every other line is a note. Capability tags come
//     from the protect and recover items and from notes that say what they
//     protect ("… to protect … deduped volumes"), by the language's
//     keywords, longest first (a keyword used up cannot match again), united
//     across locales and the English original, in vocabulary order. An item
//     keeps no unbalanced parenthesis.
//   - Every cell is checked for a ")" with no "(" and a "(" never closed.
//   - A row with fewer cells than the header is padded at the end, as GFM
//     does (short-row); the cells of a longer one are kept in Row.Extra as
//     "cell N" (long-row). Both are warnings, errors under --strict.
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
