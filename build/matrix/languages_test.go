package matrix

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/source"
)

// publishedLanguages are the languages Microsoft publishes this page in;
// each has a hand-written page in ../../testdata/langs/<tag>.md, written
// the way that language's page is written (Microsoft's terminology, the
// language's support words), not generated from its phrasebook.
var publishedLanguages = []string{
	"cs", "de", "en", "es", "fr", "hu", "it", "ja", "ko", "nl", "pl",
	"pt-br", "pt-pt", "ru", "sv", "tr", "zh-cn", "zh-tw",
}

// langRow is what every language's test page says in its row: the pages
// are translations of one another, so they must compile to the same facts.
type langRow struct {
	workload string
	targets  []string
	v3, v2   Status
	caps     []Capability
	recover  bool // the row has a labelled recover list
}

// langRows are the rows of every testdata/langs page, in order: a 2017/2018
// table with one support column per release (a yes word as a letter and as
// a word, a no word as both, a yes with a qualifier), then a table with one
// "supported server" column ("V3, V2", "V3", "not supported"); every
// installation target; labelled lists with and without "(all deployment
// scenarios)", an "all deployment scenarios:" label alone and an unlabelled
// list.
var langRows = []langRow{
	{"client-computers", []string{"physical-server", "hyper-v-vm", "vmware-vm"}, StatusSupported, StatusSupported,
		[]Capability{CapVolume, CapShare, CapFolder, CapFile, CapDeduplicatedVolume}, false},
	{"servers", []string{"azure-vm", "vmware-vm"}, StatusConditional, StatusUnsupported,
		[]Capability{CapVolume, CapShare, CapFolder, CapFile, CapSystemState, CapBareMetal}, false},
	{"sql-server", []string{"physical-server", "hyper-v-vm", "azure-stack"}, StatusSupported, StatusUnsupported,
		[]Capability{CapDatabase}, false},
	{"exchange", []string{"physical-server", "hyper-v-vm"}, StatusUnsupported, StatusSupported,
		[]Capability{CapDatabase, CapMailbox, CapDAG, CapStandaloneServer}, true},
	{"sharepoint", []string{"physical-server", "azure-vm"}, StatusSupported, StatusSupported,
		[]Capability{CapFile, CapDatabase, CapFarm, CapWebApplication, CapListItem, CapSearch, CapFrontEndContent}, true},
	{"hyper-v-host", []string{"physical-server", "hyper-v-vm"}, StatusSupported, StatusUnsupported,
		[]Capability{CapVolume, CapFolder, CapFile, CapVirtualMachine, CapClusterSharedVolume, CapVirtualHardDisk, CapItemLevelRecovery}, true},
	{"exchange", []string{"physical-server"}, StatusUnsupported, StatusUnsupported,
		[]Capability{CapDatabase, CapStorageGroup, CapMailbox}, true},
}

// TestLanguages compiles every language's test page alone, through the
// real pipeline, with nothing but its phrasebooks (these pages carry no
// English twins), and checks every row's workload, targets, support and
// capabilities against langRows — and that the compiler needed no English
// and met no word it did not know: not one diagnostic.
func TestLanguages(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/langs/*.md")
	var tags []string
	for _, f := range files {
		tags = append(tags, strings.TrimSuffix(filepath.Base(f), ".md"))
	}
	if !slices.Equal(tags, publishedLanguages) {
		t.Fatalf("testdata/langs holds %v; want one page per published language %v", tags, publishedLanguages)
	}
	wantCaps := func(cs []Capability) []string {
		var out []string
		for _, c := range Capabilities { // vocabulary order, as rows list them
			if slices.Contains(cs, c) {
				out = append(out, string(c))
			}
		}
		return out
	}
	for _, tag := range publishedLanguages {
		t.Run(tag, func(t *testing.T) {
			path := "../../testdata/langs/" + tag + ".md"
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			doc, dl := source.ParseDocument(tag+"/"+filepath.Base(path), tag, src)
			if len(dl) > 0 {
				t.Fatalf("ParseDocument:\n%v", dl)
			}
			m, l := Compile(mkContent(doc))
			if len(l) > 0 {
				t.Errorf("want no diagnostics, got:\n%v", l)
			}
			if m == nil {
				t.Fatal("no model")
			}
			var servers []string
			for _, s := range m.Servers {
				servers = append(servers, s.ID)
			}
			if !slices.Equal(servers, []string{"v3", "v2"}) {
				t.Errorf("servers %v, want [v3 v2]", servers)
			}
			if len(m.Rows) != len(langRows) {
				t.Fatalf("%d rows, want %d", len(m.Rows), len(langRows))
			}
			for i, r := range m.Rows {
				w := langRows[i]
				at := func(format string, args ...any) {
					t.Helper()
					t.Errorf("row %d (line %d): "+format, append([]any{i + 1, r.Line[tag]}, args...)...)
				}
				if r.Workload != w.workload {
					at("workload %q, want %q", r.Workload, w.workload)
				}
				var targets []string
				for _, in := range r.Installations {
					targets = append(targets, in.Target)
				}
				if !slices.Equal(targets, w.targets) {
					at("targets %v, want %v", targets, w.targets)
				}
				for id, want := range map[string]Status{"v3": w.v3, "v2": w.v2} {
					if got := r.Support[id].Status; got != string(want) {
						at("%s %s, want %s", id, got, want)
					}
				}
				if got := r.Support["v3"].Condition[tag]; (w.v3 == StatusConditional) != (len(got) > 0) {
					at("v3 condition %v", got)
				}
				if got, want := r.Capabilities, wantCaps(w.caps); !slices.Equal(got, want) {
					at("capabilities %v, want %v", got, want)
				}
				if len(r.Protect[tag]) == 0 {
					at("nothing to protect")
				}
				// A label the book missed would stay in the first item.
				for _, it := range append(slices.Clone(r.Protect[tag]), r.Recover[tag]...) {
					if t := it.Plain(); strings.ContainsAny(t, ":：") {
						at("list item %q holds a label", t)
					}
				}
				if w.recover != (len(r.Recover[tag]) > 0) {
					at("recover %v, want a labelled recover list: %v", r.Recover[tag], w.recover)
				}
				if len(r.Versions[tag]) == 0 {
					at("no versions")
				}
			}
		})
	}
}
