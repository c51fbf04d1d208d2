// Package product reads the version entries of the matrix — one line of a
// version cell, as written, in any language — into product versions:
// {product, version, qualifiers}. "Windows Server 2012/2012 met SP1 -
// Datacenter en Standard" is windows-server 2012 [Datacenter, Standard] and
// windows-server 2012 [SP1, Datacenter, Standard]; "VMM 2012 SP1, R2" is
// system-center-vmm 2012 [SP1] and 2012 R2; "V1, 20H2, 21H2" in the Azure
// Local row is azure-local V1, 20H2 and 21H2.
//
// Input: a *phrase.Lang (the document's phrasebooks), the entry's text, its
// English machine-translation twin when the file has one, and the product
// the row is about (DefaultFor, by workload) for entries that name none.
// Output: a Result — the versions, the qualifiers an entry gives the other
// entries of its cell ("(Including Windows Server Core edition)"), and the
// byte ranges of the text that were and were not understood.
//
// Invariants:
//   - nothing is lost: every byte of the text that is not white space is in
//     exactly one Parsed or Unparsed range (the caller warns, positioned, for
//     each Unparsed one); a word, number or symbol the parser does not know
//     is unparsed, never guessed — a number that cannot be a version of the
//     product ("SQL Server 2") included;
//   - product ids and qualifiers come from the closed vocabularies of
//     vocab.go (exported to the JSON Schema by package matrix); the words of
//     each language are data, in the phrasebooks;
//   - pure: the same Lang and input give the same Result.
//
// # Vocabularies
//
// Products: windows-client, windows-server, windows-storage-server,
// sql-server, exchange, sharepoint, system-center-vmm, vmware-vsphere,
// linux, azure-local; unknown for an entry nothing was understood of.
// Version is as the product names it: a year with its release ("2012 R2"),
// a client release ("8.1", "Vista", "10 22H2"), a dotted number ("6.5"), a
// feature update ("20H2", "V1"), a named release ("Subscription
// Edition"); "" for a product named without a version.
//
// Qualifiers, normalized and language-independent, in this order: service
// packs "SP<n>", cumulative updates "CU<n>" and VMware updates "U<n>";
// editions Datacenter, Standard, Enterprise, Essentials (an entry listing
// two means either); installation options "Server Core", "including Server
// Core" (the full and the Core installation), "Nano Server", "not Nano
// Server"; servicing "supported SPs" (the release and its supported service
// packs), "latest SP", "and later"; "licensed" (a licensed, not a free,
// edition); "64-bit", "32-bit"; the hypervisor of a guest "Hyper-V guest",
// "VMware guest", "Azure Stack guest"; "requires Windows Management
// Framework" (optionally with its version).
//
// # Reading an entry
//
// The entry is cut into tokens at word boundaries (a space, a symbol, a
// change between letters and digits, any character of a script written
// without spaces): phrasebook phrases, longest first; numbers ("8.1", "5,5"
// with a decimal comma, "20H2", "V1"); "R2", "SP1", "CU23"; symbols. Then,
// left to right:
//
//   - a product name starts that product's versions; the same product
//     again continues them ("SQL Server 2012, SQL Server 2012 met SP1"), so
//     do several names of one ("VMware vCenter/vSphere ESX/ESXi");
//   - a number is a version of the current product (of the default one
//     before any name); "R2" right after a number belongs to it, after a
//     list separator it is a release of the last number ("2012 SP1, R2");
//     so is a service pack after a separator ("2012, SP1, R2"), while one
//     right after a version, or after "with", qualifies it;
//   - "supported SPs" and "latest SP" qualify the version before them;
//   - editions, installation options, licence remarks, hypervisors and
//     requirements lead the versions of a product when they come before its
//     first one ("Licensed Version 5.5/6.0/6.5"), qualify the version before
//     them when another version of the product follows, and otherwise trail
//     — qualify every version of the product ("2012/2012 met SP1 -
//     Datacenter en Standard");
//   - "not" before Nano Server and "including" before Server Core make
//     "not Nano Server" and "including Server Core";
//   - in an entry about a guest ("running as", "guest", "Hyper-V"), VMware
//     without a number is a hypervisor, not the product;
//   - a product named without a version is one version "" of it ("Linux
//     running as Hyper-V or VMware guest"); qualifiers with no product at
//     all are the entry's Shared qualifiers.
//
// "Windows" is a client or a server release by the version that follows: a
// year is windows-server ("Win2016"), any other number windows-client.
// Separators, "and", "or", "with" and the other joining words count as
// understood when what they join is.
//
// When the entry has an English twin that is understood in full, the
// versions are the twin's (machine translation drops words: "VMM 2012 SP1,
// R2" for "VMM 2012, SP1, R2") and the whole text counts as parsed.
//
// # Phrasebook keys
//
// A phrasebook's versions section holds, per key, the phrases that mean it
// (VersionKeys). Each language fills the LanguageKeys:
//
//	and, or, with       "en", "of", "met": enumerations and service packs
//	not, including      "niet" (Nano Server), "inclusief" (Server Core)
//	service-pack        "service pack", "пакетом обновления": a number follows
//	edition, version    "editie", "versie": words around an edition or a number
//	filler              words of a product's name around the brand ("server" in "VMware server")
//	running-as, guest   "uitvoeren als", "gast"
//	licensed            "versie met licentie"
//	supported-sps       "ondersteunde SP's"
//	latest-sp           "de nieuwste SP's"
//	requires            "u moet … installeren" (a requirement follows)
//	later               "en hoger": the version before and its successors
//
// The root book holds the names that are the same in every language: the
// product ids (windows-server: [windows server, windowsserver], …), windows
// (client or server by the version), the editions (datacenter, standard,
// enterprise, essentials), server-core, nano-server, 64-bit, 32-bit,
// windows-management-framework, subscription-edition (SharePoint's release
// without a number), and the hypervisors hyper-v and azure-stack (VMware is
// the product's name).
package product
