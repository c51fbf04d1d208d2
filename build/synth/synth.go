// Package synth generates synthetic content folders for tests and benchmarks:
// an N-row protection matrix in Dutch and English, written in the source's own
// markdown dialect, so the compiler can be measured at sizes the real document
// will never reach (10,000 and 100,000 rows).
//
// Input: Options (row count, PRNG seed, number of extra workloads, and the real
// content folder to copy the UI strings files from).
//
// Output: a content folder as a map of slash-separated paths to bytes:
//
//	site.yaml
//	nl/backup-mabs-protection-matrix.md   front matter, anchored headings, one GFM table, prose
//	en/backup-mabs-protection-matrix.md   the same document in English, row for row
//	nl/strings.yaml, en/strings.yaml      copied from the real content folder when present
//
// Invariants:
//   - deterministic: the same Options give the same bytes (a seeded PCG, no
//     clock, no map iteration);
//   - exactly Rows body rows per locale, with the seed's 6 columns and header
//     text;
//   - the locales agree row for row on workload, number of versions,
//     installation targets and support status, so the cross-language check
//     passes;
//   - every cell is a phrase of the seed's dialect: "<br />", "<br/>" and
//     blank-line paragraphs, links in conditions and notes, "J<br /><br />
//     Niet-Nano server"-style conditions, "Beveiligen:"/"Herstellen:" labels,
//     every installation phrase;
//   - (workload, first version) is unique, so row ids do not collide and no
//     duplicate-row warning is provoked.
package synth

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing/fstest"
)

// DocName is the file name of the matrix document in each locale folder.
const DocName = "backup-mabs-protection-matrix.md"

// Locales are the locales the generator writes, default first.
var Locales = []string{"nl", "en"}

// Options says what to generate.
type Options struct {
	// Rows is the number of table body rows per locale (at least 1).
	Rows int
	// Seed seeds the PRNG; the same seed gives the same content.
	Seed uint64
	// ExtraWorkloads is the number of generated workloads added to the nine
	// known ones. Zero means the default, Rows/100, so workload pages grow
	// with the table; a negative value means none.
	ExtraWorkloads int
	// Content is the real content folder; <locale>/strings.yaml is copied
	// from it when present. Nil copies nothing.
	Content fs.FS
}

// Generate returns the content folder described by opts.
func Generate(opts Options) (map[string][]byte, error) {
	if opts.Rows < 1 {
		return nil, fmt.Errorf("synth: rows must be at least 1, got %d", opts.Rows)
	}
	files := map[string][]byte{
		"site.yaml": []byte("# Synthetic content written by build/synth.\ndefaultLocale: nl\nbaseURL: https://mabs-matrix.netlify.app/\n"),
	}
	if opts.Content != nil {
		for _, loc := range Locales {
			name := loc + "/strings.yaml"
			b, err := fs.ReadFile(opts.Content, name)
			switch {
			case err == nil:
				files[name] = b
			case !errors.Is(err, fs.ErrNotExist):
				return nil, fmt.Errorf("synth: %w", err)
			}
		}
	}
	nl, en := document(opts)
	files["nl/"+DocName] = nl
	files["en/"+DocName] = en
	if pb := phrasebook(opts); pb != nil {
		// The generated workloads are in no built-in phrasebook: the content
		// folder names them, as a docs team would for a new product.
		files["nl/phrasebook.yaml"] = pb
		files["en/phrasebook.yaml"] = pb
	}
	return files, nil
}

// phrasebook is the content phrasebook naming the generated workloads (nil
// when there are none). Names with a number come first, so "Contoso Ledger
// 2" is not read as "Contoso Ledger".
func phrasebook(opts Options) []byte {
	r := rand.New(rand.NewPCG(opts.Seed, 0x6d617472697864))
	fams := families(r, opts)
	var names []string
	for _, f := range fams[min(len(known), len(fams)):] {
		names = append(names, f.name.en)
	}
	if len(names) == 0 {
		return nil
	}
	sort.SliceStable(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	var b strings.Builder
	b.WriteString("# Written by build/synth: the generated workloads.\nworkloads:\n")
	for _, n := range names {
		fmt.Fprintf(&b, "  %s: [%q]\n", slugName(n), n)
	}
	return []byte(b.String())
}

// slugName is a workload id for a generated name ("Adventure Works CRM 2" →
// "adventure-works-crm-2").
func slugName(s string) string {
	return strings.ReplaceAll(strings.ToLower(s), " ", "-")
}

// FS returns the generated content folder as an in-memory file system.
func FS(opts Options) (fstest.MapFS, error) {
	files, err := Generate(opts)
	if err != nil {
		return nil, err
	}
	m := make(fstest.MapFS, len(files))
	for name, b := range files {
		m[name] = &fstest.MapFile{Data: b, Mode: 0o644}
	}
	return m, nil
}

// Write generates the content folder into dir (created if needed). Existing
// files of the same names are replaced; other files are left alone.
func Write(dir string, opts Options) error {
	files, err := Generate(opts)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// row is one generated table row, both languages.
type row struct {
	workload, versions, install, v2, v1, protect pair
}

// document writes the Dutch and English documents.
func document(opts Options) (nl, en []byte) {
	r := rand.New(rand.NewPCG(opts.Seed, 0x6d617472697864)) // "matrixd"
	fams := families(r, opts)
	var bnl, ben strings.Builder
	// The seed averages ~330 bytes a row per locale; grow once.
	bnl.Grow(2048 + opts.Rows*400)
	ben.Grow(2048 + opts.Rows*400)
	head(&bnl, &ben, opts.Rows)

	counts := spread(opts.Rows, len(fams))
	for i, f := range fams {
		for k := 0; k < counts[i]; k++ {
			rw := makeRow(r, f, k)
			line(&bnl, rw, func(p pair) string { return p.nl })
			line(&ben, rw, func(p pair) string { return p.en })
		}
	}
	tail(&bnl, &ben)
	return []byte(bnl.String()), []byte(ben.String())
}

// families returns the nine known workloads followed by the generated ones.
func families(r *rand.Rand, opts Options) []family {
	extra := opts.ExtraWorkloads
	if extra == 0 {
		extra = opts.Rows / 100
	}
	fams := append([]family(nil), known...)
	if opts.Rows < len(fams) {
		fams = fams[:opts.Rows]
	}
	for i := 0; i < extra; i++ {
		v := vendors[i%len(vendors)]
		p := products[(i/len(vendors))%len(products)]
		name := v + " " + p
		if n := i / (len(vendors) * len(products)); n > 0 {
			name += " " + strconv.Itoa(n+1)
		}
		var prot []int
		for len(prot) < 3 {
			prot = append(prot, r.IntN(len(protections)))
		}
		stem := stems[i%len(stems)]
		fams = append(fams, family{name: pair{name, name}, stem: pair{stem, stem}, protect: prot})
	}
	return fams
}

// spread splits n rows over k workloads as evenly as possible.
func spread(n, k int) []int {
	out := make([]int, k)
	for i := range out {
		out[i] = n / k
		if i < n%k {
			out[i]++
		}
	}
	return out
}

// makeRow generates the k-th row of workload f.
func makeRow(r *rand.Rand, f family, k int) row {
	rw := row{workload: f.name}
	// Versions: the family's own list first, then numbered releases that keep
	// (workload, version) unique; now and then two versions in one cell.
	if k < len(f.versions) {
		rw.versions = f.versions[k]
	} else {
		// "<stem> <k+1>.0" never equals a listed version (none ends in ".0");
		// it counts from 1: a version "0.0" is no version of anything.
		q := qualifiers[r.IntN(len(qualifiers))]
		num := " " + strconv.Itoa(k+1) + ".0"
		rw.versions = pair{f.stem.nl + num + q.nl, f.stem.en + num + q.en}
		if r.IntN(8) == 0 {
			old := " " + strconv.Itoa(k+1) + ".1"
			rw.versions.nl += "<br/>" + f.stem.nl + old
			rw.versions.en += "<br/>" + f.stem.en + old
		}
	}

	// Installations: one to four distinct targets, each in one of its phrasings.
	n := 1 + r.IntN(4)
	perm := r.Perm(len(targets))[:n]
	sort.Ints(perm)
	sep := installSeps[r.IntN(len(installSeps))]
	var inl, ien []string
	for _, t := range perm {
		ph := targets[t].phrases[r.IntN(len(targets[t].phrases))]
		inl = append(inl, ph.nl)
		ien = append(ien, ph.en)
	}
	rw.install = pair{strings.Join(inl, sep), strings.Join(ien, sep)}

	rw.v2 = support(r)
	rw.v1 = support(r)

	p := protections[f.protect[r.IntN(len(f.protect))]]
	if r.IntN(5) == 0 {
		nt := notes[r.IntN(len(notes))]
		num := strconv.Itoa(nt.min + r.IntN(nt.span))
		p.nl += "<br /><br />" + strings.ReplaceAll(nt.nl, "%d", num)
		p.en += "<br /><br />" + strings.ReplaceAll(nt.en, "%d", num)
	}
	rw.protect = p
	return rw
}

// support picks a support cell: mostly plain J/N, sometimes a trailing space
// (as the seed has), sometimes a condition after a blank line.
func support(r *rand.Rand) pair {
	switch x := r.IntN(100); {
	case x < 70:
		return supported
	case x < 82:
		return unsupported
	case x < 88:
		return pair{supported.nl + " ", supported.en + " "}
	default:
		c := conditions[r.IntN(len(conditions))]
		return pair{supported.nl + "<br /><br />" + c.nl, supported.en + "<br /><br />" + c.en}
	}
}

// line writes one table row in one language.
func line(b *strings.Builder, rw row, pick func(pair) string) {
	for _, c := range []pair{rw.workload, rw.versions, rw.install, rw.v2, rw.v1, rw.protect} {
		b.WriteByte('|')
		b.WriteString(pick(c))
	}
	b.WriteString("|\n")
}

// head writes front matter, title, intro and the table header.
func head(nl, en *strings.Builder, rows int) {
	n := strconv.Itoa(rows)
	nl.WriteString(`---
title: Wat Azure Backup-Server kan een back-up | Microsoft Docs
description: Synthetische ondersteuningsmatrix met ` + n + ` rijen voor Azure Backup-Server.
services: backup
documentation center: 
author: markgalioto
ms.assetid: 
ms.service: backup
ms.workload: storage-backup-recovery
keywords: 
ms.date: 05/15/2017
ms.topic: article
ms.author: markgal,masaran
manager: carmonm
ms.translationtype: MT
ms.contentlocale: nl-NL
ms.lasthandoff: 08/18/2017
---
# <a name="azure-backup-server-protection-matrix"></a>Beveiligingsmatrix voor Azure Backup Server

Dit artikel worden de verschillende servers en werkbelastingen die u met Azure Backup-Server beveiligen kunt. De volgende matrix geeft een lijst wat kan worden beveiligd met Azure Backup-Server v1- en v2.

## <a name="protection-support-matrix"></a>De ondersteuningsmatrix voor beveiliging

`)
	en.WriteString(`---
title: What Azure Backup Server can back up | Microsoft Docs
description: Synthetic support matrix with ` + n + ` rows for Azure Backup Server.
services: backup
documentation center: 
author: markgalioto
ms.assetid: 
ms.service: backup
ms.workload: storage-backup-recovery
keywords: 
ms.date: 05/15/2017
ms.topic: article
ms.author: markgal,masaran
manager: carmonm
ms.translationtype: MT
ms.contentlocale: en-US
ms.lasthandoff: 08/18/2017
---
# <a name="azure-backup-server-protection-matrix"></a>Azure Backup Server protection matrix

This article lists the various servers and workloads that you can protect with Azure Backup Server. The following matrix lists what can be protected with Azure Backup Server v1 and v2.

## <a name="protection-support-matrix"></a>Protection support matrix

`)
	nl.WriteString(headerNL + "\n" + delimiter + "\n")
	en.WriteString(headerEN + "\n" + delimiter + "\n")
}

// tail writes the cluster-support section after the table.
func tail(nl, en *strings.Builder) {
	nl.WriteString(`
## <a name="cluster-support"></a>Clusterondersteuning
Azure Backup-Server kan gegevens beschermen in de volgende geclusterde toepassingen:

-   Bestandsservers

-   SQL Server

-   Hyper-V - als u een Hyper-V-cluster met uitgebreide DPM-beveiliging beveiligt, kunt u secundaire beveiliging voor de beveiligde Hyper-V-werkbelastingen toevoegen.

    Als u Hyper-V op Windows Server 2008 R2 uitvoert, controleert u of de update wordt beschreven in KB [975354](https://support.microsoft.com/en-us/kb/975354).

-   Exchange Server - back-upserver van Azure kunt niet-gedeelde schijfclusters beveiligen voor ondersteunde Exchange Server-versies (cluster-continue replicatie).

Azure Backup-Server kan cluster werkbelastingen beveiligen die zich bevinden in hetzelfde domein als de DPM-server en in een onderliggend of vertrouwd domein.
`)
	en.WriteString(`
## <a name="cluster-support"></a>Cluster support
Azure Backup Server can protect data in the following clustered applications:

-   File servers

-   SQL Server

-   Hyper-V - If you protect a Hyper-V cluster using scaled-out DPM protection agent, you can't add secondary protection for the protected Hyper-V workloads.

    If you run Hyper-V on Windows Server 2008 R2, make sure to install the update described in KB [975354](https://support.microsoft.com/en-us/kb/975354).

-   Exchange Server - Azure Backup Server can protect non-shared disk clusters for supported Exchange Server versions (cluster-continuous replication).

Azure Backup Server can protect cluster workloads that are located in the same domain as the DPM server, and in a child or trusted domain.
`)
}
