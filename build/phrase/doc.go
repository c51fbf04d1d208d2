// Package phrase holds the compiler's knowledge of languages as data: one
// phrasebook per language, embedded from books/<tag>.yaml, optionally
// extended by a content folder's <locale>/phrasebook.yaml. Package matrix
// asks a Lang — the phrasebooks of one document's language, merged along
// its parent chain — what a header, a support word, an installation phrase,
// a label or a capability keyword means.
//
// Input: YAML phrasebooks (format below). Output: a *Set of validated books
// and, per document, a *Lang. Invariants:
//   - every phrase is stored in Norm form (lower case, white space collapsed,
//     typographic apostrophes and dashes made ASCII) and compared in that form;
//   - a bad phrasebook is a diagnostic at its file:line:col, never a panic
//     and never silently ignored; a Set is only built from valid books;
//   - lookups are pure: the same Lang and text give the same answer.
//
// # Chain
//
// A document's language is its content folder's name ("nl", "pt-br",
// "zh-tw"); a folder named with a bare language ("zh", "pt") takes its
// variant from the front matter's ms.contentlocale ("zh-TW"). The chain is
// the content folder's own phrasebook, then the book of the tag and of each
// parent (the tag without its last subtag, pt-br → pt, or the book's
// "parent:"), then "root" — the language-independent book: brand names
// (Hyper-V, VMware, Azure, Azure Stack), release-free words, symbols — and,
// for every language but English, English last: machine translation leaves
// English words behind, so they are understood everywhere, and Lang tells
// the caller that an answer came from that fallback (Leak) so it can warn.
//
// # Format
//
//	language: nl                  # the tag; must match the file name
//	name: Nederlands
//	parent: ""                    # optional; default: the tag minus its last subtag
//	columns:                      # a header means a column when it contains one of its phrases
//	  workload: [workload, werkbelasting]
//	  version: [versie]
//	  installation: [installatie]
//	  supported-server: [ondersteunde azure backup server]
//	  protection: [beveiliging en herstel]
//	  release: [server]           # with a release token (v2, V3 UR1): that release's support column
//	  release-number: [versie]    # "Server versie 2": a release as a word and a number (v2)
//	support:
//	  yes: [j, ja]
//	  no: [n, nee]
//	  none: [niet ondersteund]    # a "supported server" cell: no release supports the row
//	  later: [en hoger]           # "V3 UR2 en hoger": that release and every later one
//	installations:                # target id → phrases; "a + b" needs both, "! c" forbids c
//	  physical-server: [fysieke server]
//	  hyper-v-vm: [hyper-v + virtuele machine]
//	labels:
//	  protect: ["beveiligen:"]    # a paragraph of the protection column starting with it lists what is protected
//	  recover: ["herstellen:"]
//	  recovery-words: [herstel]   # an unlabelled list naming one of these lists what can be recovered
//	  protect-words: [te beveiligen] # a note with one of these names protectable things
//	  not-words: [niet, geen]     # … unless it also holds one of these
//	capabilities:                 # capability id → keywords (at a word start; longest first; a match is used up)
//	  deduplicated-volume: [ontdubbelde volume]
//	  ignore: [sharepoint]        # used up without a tag ("SharePoint" is no "share")
//	workloads:                    # workload id → phrases of the workload cell ("^x": the cell starts with x)
//	  client-computers: [clientcomputer]
//	workload-versions:            # workload id → phrases of a version cell that tell the workload
//	  servers: [windows server]   # when its own cell is not understood (longest phrase wins)
//	versions:                     # words of product-version enumerations (package product)
//	  and: [en]
//	  or: [of]
//	  with: [met]
//
// Every section and key is optional. Lists are YAML sequences of strings.
// Keys outside this format, unknown ids, empty phrases, a phrase given to two
// ids of one section, a label without its final ":" and a word that is both
// yes and no are errors at the offending node.
package phrase
