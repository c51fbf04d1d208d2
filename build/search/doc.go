// Package search decides what each row of the matrix can be found by. It
// builds, at build time and from the model, the index the matrix page ships
// with, and it is the reference the page's script (assets/search.ts)
// implements and the browser tests compare the page with.
//
// Input: a *matrix.Model, a locale, and that locale's lexicon — stop words
// and synonym groups, data in synonyms/*.yaml embedded in this package
// (all.yaml for every language, then <language>.yaml along the locale's
// parent chain; format in README.md, "Search").
//
// Output: an *Index — a vocabulary, the words of each distinct text element
// ("group"), each row's groups — and its page form (AppendJSON), plus the
// reference matcher Index.Search.
//
// # What a row is made of
//
// RowPieces lists a row's elements on a locale's page, each tokenized on its
// own so that no word runs from one element into the next: the workload
// name, each version entry, each installation, each status label and
// condition, each protect, recover and note item (Text); the server
// releases' ids ("v2": "sql 2016 v1"), the labels of the row's targets and
// capabilities in the page's language and of its targets, capabilities
// and statuses in every other language of the model (Vocabulary:
// "physical server" finds the physical-server rows on the Dutch page). Page chrome ("Protect:", column names, "#") is not content.
//
// # Words
//
// Fold maps text to lower case without accents or compatibility forms
// (NFKD, marks removed, "ß" → "ss", "ĳ" → "ij") and typographic punctuation
// to ASCII (’ → ', – → -, no-break space → space). Tokens splits the folded
// text into words: runs of letters and digits; a "." between two digits
// stays in the word, so version numbers are whole ("8.1", "6.0"); an
// apostrophe between letters is dropped ("CSV's" → "csvs"). Units applies
// the version rule: a number followed, after a space or hyphen, by a
// release qualifier R<n> is one word ("2012 R2", "2012-R2", "2012R2" →
// "2012r2"), because 2012 R2 is another release than 2012 (a service pack
// is not: "2012 SP1" is the words "2012" and "sp1").
//
// Besides its words (Text or Vocabulary), an element can be found by its
// spelling variants (Variant): every two adjacent words whose separator is
// white space, one hyphen, dot or underscore, or a hyphen between spaces,
// and neither a stop word, joined ("Hyper-V" → "hyperv", "bare metal" →
// "baremetal", "Server 2012 R2" → "server2012r2"), and each release
// qualifier alone ("r2"), and a release listed after a comma joined to
// the number before it ("VMM 2012 SP1, R2" → "2012r2"); and by synonyms
// (Synonym): where a member of a synonym group occurs as whole words,
// every other member's joined spelling (a phrase's words alone would make
// the row about each of them; typed apart they still find the joined
// spelling), and a one-word member joined to the neighbouring words
// ("Windows 10" → "win", "win10"; "SQL Server 2014" → "sql2014").
//
// # Queries
//
// ParseQuery reads a query the same way (Fold, Units), then joins parts
// typed with a hyphen, dot or underscore and no space into one term
// ("hyper-v" → "hyperv"), keeps a number's final "." while it is typed
// ("8." finds "8.1"), and drops stop words except the word still being
// typed, and stop phrases (a stop word of several words, such as the
// product's own name "azure backup server", typed as words in a row). A word matches a term (MatchWord) when it starts with the term —
// except that a term ending in a digit does not stop inside a number:
// "8" does not find "8.1", "2012" not "2012r2", "201" does find "2012" —
// or, for a term of at least 4 letters and no digit, when a prefix of the
// word of at least 5 letters is one edit (insertion, deletion,
// substitution, transposition) from it ("sharpoint", "excahnge"; Near). A
// row is found when every term is matched by one of its words, where a
// run of 2 to MaxJoinTerms adjacent terms typed apart may also be matched
// together by one word starting with them joined ("windows server" finds
// "WindowsServer", "bare metal recovery" the synonym's joined spelling;
// such joins allow no typo, and may span a dropped stop word, as a synonym
// phrase is indexed without its stop words too). A row found only through a Near match is marked
// as such (Result.Near) and the page shows it marked.
//
// # Invariants
//
//   - the index is a pure function of the model and the lexicon: words are
//     sorted (UTF-16 order, as the browser compares strings), ids
//     ascending, the same bytes for the same input;
//   - what a row can be found by is exactly the union of what each of its
//     elements can be found by alone (a test checks every row);
//   - the page's script folds with the table the index ships (Fold) and
//     tokenizes and matches by the rules above; the browser tests check
//     that it agrees with Tokens on every text of the seed and with Search
//     on queries made from every row's own words.
package search
