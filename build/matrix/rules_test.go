package matrix

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/diag"
)

func TestCellBreaks(t *testing.T) {
	tests := []struct {
		in    string
		paras [][]string
	}{
		{"J", [][]string{{"J"}}},
		{"J<br/><br/>Niet-Nano server", [][]string{{"J"}, {"Niet-Nano server"}}},
		{"Fysieke server <br /><br /> On-premises <br /> <br /> x", [][]string{{"Fysieke server"}, {"On-premises"}, {"x"}}},
		{"a<br /> b<br /> c", [][]string{{"a", "b", "c"}}},
		{"a</br>b", [][]string{{"a", "b"}}},
		{"  a   b  ", [][]string{{"a b"}}},
		{"<br/><br/>", nil},
	}
	for _, tc := range tests {
		var got [][]string
		for _, p := range cellParas(mkCell(tc.in, 1, 1)) {
			var ls []string
			for _, l := range p {
				ls = append(ls, l.text())
			}
			got = append(got, ls)
		}
		if !reflect.DeepEqual(got, tc.paras) {
			t.Errorf("cellParas(%q) = %q, want %q", tc.in, got, tc.paras)
		}
	}
}

func TestSupportValues(t *testing.T) {
	link := Span{Text: "Windows Management Frame 4.0", Href: "https://www.microsoft.com/x"}
	tests := []struct {
		locale, in string
		status     Status
		cond       Rich
		code       string // expected diagnostic code, "" for none
	}{
		{"nl", "J", StatusSupported, nil, ""},
		{"nl", "N", StatusUnsupported, nil, ""},
		{"nl", "Ja", StatusSupported, nil, ""},
		{"nl", "nee", StatusUnsupported, nil, ""},
		{"nl", "J ", StatusSupported, nil, ""},
		{"nl", "Y", StatusSupported, nil, "english-support-value"},
		{"nl", "Y (met UR1)", StatusConditional, Rich{{Text: "met UR1"}}, "english-support-value"},
		{"nl", "J<br/><br/>Niet-Nano server", StatusConditional, Rich{{Text: "Niet-Nano server"}}, ""},
		{"nl", "J<br /><br />U moet SP1 en installeer [Windows Management Frame 4.0](https://www.microsoft.com/x)", StatusConditional,
			Rich{{Text: "U moet SP1 en installeer "}, link}, ""},
		{"en", "Y", StatusSupported, nil, ""},
		{"en", "Yes", StatusSupported, nil, ""},
		{"en", "N", StatusUnsupported, nil, ""},
		{"en", "Y (with UR1)", StatusConditional, Rich{{Text: "with UR1"}}, ""},
		{"hu", "\"Y\" (UR1)", StatusConditional, Rich{{Text: "UR1"}}, "english-support-value"},
		{"fr", "O", StatusSupported, nil, ""},
		{"fr", "Oui", StatusSupported, nil, ""},
		{"fr", "Non", StatusUnsupported, nil, ""},
		{"fr", "O (avec UR1)", StatusConditional, Rich{{Text: "avec UR1"}}, ""},
		{"fr", "Y", StatusSupported, nil, "english-support-value"},
		{"de", "Nein", StatusUnsupported, nil, ""},
		{"es", "S", StatusSupported, nil, ""},
		{"nl", "O", StatusUnknown, nil, "unknown-support-value"},
		{"nl", "Misschien", StatusUnknown, nil, "unknown-support-value"},
		{"nl", "", StatusUnknown, nil, "unknown-support-value"},
		{"en", "N (see note)", StatusUnsupported, Rich{{Text: "see note"}}, ""},
	}
	for _, tc := range tests {
		var l diag.List
		got := testCtx(tc.locale, &l).parseSupport(splitCell(mkCell(tc.in, 7, 10)), nil)
		if got.Status != tc.status || !reflect.DeepEqual(got.Condition, tc.cond) {
			t.Errorf("%s %q: got %s %v, want %s %v", tc.locale, tc.in, got.Status, got.Condition, tc.status, tc.cond)
		}
		want := []string(nil)
		if tc.code != "" {
			want = []string{tc.code}
		}
		if c := codes(l); !slices.Equal(c, want) {
			t.Errorf("%s %q: diagnostics %v, want %v", tc.locale, tc.in, l, want)
		}
	}
}

func TestEnglishYMessageAndPosition(t *testing.T) {
	var l diag.List
	testCtx("nl", &l).parseSupport(splitCell(mkCell(" Y (met UR1)", 93, 98)), nil)
	if len(l) != 1 {
		t.Fatalf("got %v", l)
	}
	d := l[0]
	if d.Line != 93 || d.Col != 99 || !strings.Contains(d.Message, `English "Y" where 'J' or 'N' expected`) {
		t.Errorf("got %s", d)
	}
}

func TestReleases(t *testing.T) {
	tests := []struct {
		in       string
		releases []string
		none     bool
		cond     string
	}{
		{"V3, V2", []string{"v3", "v2"}, false, ""},
		{"V3", []string{"v3"}, false, ""},
		{"V3 UR1", []string{"v3-ur1"}, false, ""},
		{"V3UR2, V3", []string{"v3-ur2", "v3"}, false, ""},
		{"V3 RTM", []string{"v3"}, false, ""},
		{"V3-UR1", []string{"v3-ur1"}, false, ""},
		{"UR1 V3", []string{"v3-ur1"}, false, ""},
		{"V4", []string{"v4"}, false, ""},
		{"V3 UR1 en V3 UR2", []string{"v3-ur1", "v3-ur2"}, false, ""},
		{"V3 UR2 en hoger", []string{"v3-ur2"}, false, ""},
		{"Niet ondersteund", nil, true, ""},
		{"Niet ondersteund.", nil, true, ""},
		{"V3 <br />Niet Nano-server", []string{"v3"}, false, "Niet Nano-server"},
		{"V3, V2<br />U moet SP1 gebruiken", []string{"v3", "v2"}, false, "U moet SP1 gebruiken"},
	}
	for _, tc := range tests {
		var l diag.List
		got := testCtx("nl", &l).parseReleases(splitCell(mkCell(tc.in, 1, 1)), nil)
		if !slices.Equal(got.Releases, tc.releases) || got.None != tc.none || got.Condition.Plain() != tc.cond || len(l) != 0 {
			t.Errorf("%q: got %+v %v", tc.in, got, l)
		}
	}
	// "and later" supports every later release, and no earlier one.
	for _, tc := range []struct{ loc, in string }{{"en", "V3 UR2 and later"}, {"ko", "V3 UR2 이상"}, {"zh-cn", "V3 UR2 及更高版本"}, {"en", "V3 UR2+"}} {
		var l diag.List
		rc := testCtx(tc.loc, &l).parseReleases(splitCell(mkCell(tc.in, 1, 1)), nil)
		if len(l) != 0 || rc.status("v3-ur1").Status != StatusUnsupported || rc.status("v3-ur2").Status != StatusSupported || rc.status("v4").Status != StatusSupported {
			t.Errorf("%s %q: %+v %v", tc.loc, tc.in, rc, l)
		}
	}
	var l diag.List
	if got := testCtx("nl", &l).parseReleases(splitCell(mkCell("Misschien", 1, 1)), nil); !got.Unknown || len(l) != 1 || got.status("v3").Status != StatusUnknown {
		t.Errorf("unknown release: %+v %v", got, l)
	}
}

func TestHeaders(t *testing.T) {
	tests := []struct {
		lang, in string
		kind     column
		server   string
	}{
		{"en", "Workload", colWorkload, ""},
		{"fr", "Charge de travail", colWorkload, ""},
		{"nl", "Versie", colVersion, ""},
		{"en", "Version", colVersion, ""},
		{"nl", "Azure Backup-server</br> installation", colInstall, ""},
		{"nl", "Installatie van Azure Backup Server", colInstall, ""},
		{"en", "Azure Backup</br> Server v2", colServer, "v2"},
		{"en", "Azure Backup</br> Server V3", colServer, "v3"},
		{"fr", "Sauvegarde Azure</br> Serveur v1 ", colServer, "v1"},
		{"nl", "Ondersteunde Azure Backup Server", colSupported, ""},
		{"en", "Supported  Azure Backup Server", colSupported, ""},
		{"en", "**Azure Backup Server**", colSupported, ""},
		{"nl", "Beveiliging en herstel", colProtect, ""},
		{"fr", "Protection et récupération", colProtect, ""},
		{"nl", "Opmerkingen", colUnknown, ""},
		// English headers are understood in every language (machine
		// translation leaves them), a language's own words only in it.
		{"fr", "Workload", colWorkload, ""},
		{"en", "Versie", colUnknown, ""},
	}
	for _, tc := range tests {
		got := classifyHeader(testLang(tc.lang), headerText(splitCell(mkCell(tc.in, 1, 1))))
		if got.Kind != tc.kind || got.Server != tc.server {
			t.Errorf("%s %q: got %v %q, want %v %q", tc.lang, tc.in, got.Kind, got.Server, tc.kind, tc.server)
		}
	}
}

func TestInstallations(t *testing.T) {
	const (
		phys, hv, vmw, az, stack, unk = TargetPhysicalServer, TargetHyperVVM, TargetVMwareVM, TargetAzureVM, TargetAzureStack, TargetUnknown
	)
	tests := []struct {
		locale, in string
		want       []Target
	}{
		// Every phrase of the Dutch seed.
		{"nl", "Fysieke server", []Target{phys}},
		{"nl", "Virtuele Hyper-V-machine ", []Target{hv}},
		{"nl", "Virtuele VMware-machine", []Target{vmw}},
		{"nl", "On-premises Hyper-V virtuele machine", []Target{hv}},
		{"nl", "virtuele Azure-machine", []Target{az}},
		{"nl", "Azure virtuele machine (indien de werkbelasting wordt uitgevoerd als Azure virtuele machine)", []Target{az}},
		{"nl", "Windows virtuele machine in VMWare (beveiligt werkbelasting die wordt uitgevoerd in Windows virtuele machine in VMWare)", []Target{vmw}},
		{"nl", "Fysieke server <br /><br /> On-premises Hyper-V virtuele machine <br /> <br /> virtuele Azure-machine <br /><br /> Windows virtuele machine in VMWare (x)", []Target{phys, hv, az, vmw}},
		{"nl", "Azure Stack", []Target{stack}},
		{"nl", "Lokale Hyper-V virtuele machine", []Target{hv}},
		{"nl", "Fysieke server, on-premises Hyper-V VM, Windows VM in VMware", []Target{phys, hv, vmw}},
		{"nl", "Fysieke server,<br />On-premises Hyper-V VM,<br />Windows VM in VMWare", []Target{phys, hv, vmw}},
		// English and French.
		{"en", "Physical server", []Target{phys}},
		{"en", "Hyper-V virtual machine", []Target{hv}},
		{"en", "On-premises Hyper-V virtual machine", []Target{hv}},
		{"en", "VMware virtual machine", []Target{vmw}},
		{"en", "Windows virtual machine in VMWare (protects workloads running in Windows virtual machine in VMWare)", []Target{vmw}},
		{"en", "Azure virtual machine (when workload is running as Azure virtual machine) - DPM 2012 R2 Update Rollup 3 onwards", []Target{az}},
		{"en", "Azure Stack", []Target{stack}},
		{"fr", "Serveur physique", []Target{phys}},
		{"fr", "Machine virtuelle Hyper-V locale", []Target{hv}},
		{"fr", "Machine virtuelle Windows dans VMware (protège les charges de travail)", []Target{vmw}},
		{"fr", "Machine virtuelle Azure", []Target{az}},
		// Unknown and ambiguous phrases are never guessed.
		{"nl", "Broodrooster", []Target{unk}},
		// Two targets joined by "or" are two installations; a phrase naming
		// two brands without a list is ambiguous and stays unknown.
		{"en", "Hyper-V or VMware virtual machine", []Target{hv, vmw}},
		{"en", "Physical server, On-premises Hyper-V VM, Stack VM or VMware VM running Windows Server.", []Target{phys, hv, stack, vmw}},
		{"en", "VMware virtual machine on Hyper-V", []Target{unk}},
		// Parentheses explain; they count only when the rest names nothing.
		{"en", "Windows virtual machine in VMware (protects workloads running in Windows virtual machine)", []Target{vmw}},
		{"tr", "Windows sanal makinesi (vmware'deki Windows sanal makinede çalışan iş yüklerini korur) olarak", []Target{vmw}},
		{"tr", "(İş yükü Azure sanal makinesi olarak çalışırken) Azure sanal makinesi", []Target{az}},
	}
	for _, tc := range tests {
		var l diag.List
		got := testCtx(tc.locale, &l).parseInstallations(splitCell(mkCell(tc.in, 1, 1)), nil)
		var ts []Target
		for _, g := range got {
			ts = append(ts, g.Target)
		}
		if !slices.Equal(ts, tc.want) {
			t.Errorf("%s %q: got %v, want %v", tc.locale, tc.in, ts, tc.want)
		}
		wantWarn := slices.Contains(tc.want, unk)
		if (len(l) > 0) != wantWarn {
			t.Errorf("%s %q: diagnostics %v", tc.locale, tc.in, l)
		}
	}
}

func TestInstallationTextKept(t *testing.T) {
	var l diag.List
	got := testCtx("nl", &l).parseInstallations(splitCell(mkCell("Fysieke server<br /><br />Virtuele Hyper-V-machine ", 1, 1)), nil)
	if len(got) != 2 || got[0].Text != "Fysieke server" || got[1].Text != "Virtuele Hyper-V-machine" {
		t.Errorf("got %+v", got)
	}
}

func TestWorkloads(t *testing.T) {
	tests := map[string]string{
		"System Center VMM":                        "system-center-vmm",
		"Clientcomputers (64-bits en 32-bits)":     "client-computers",
		"Client  computers (64-bit)":               "client-computers",
		"Ordinateurs clients (64 bits et 32 bits)": "client-computers",
		"Servers (32-bits en 64-bits)":             "servers",
		"Serveurs (32 bits et 64 bits)":            "servers",
		"SQL Server":                               "sql-server",
		"Microsoft\u00a0Exchange":                  "exchange",
		"SharePoint":                               "sharepoint",
		"Hyper-V-host - DPM-beveiligingsagent op de Hyper-V-hostserver, cluster- of virtuele machine": "hyper-v-host",
		"Hôte Hyper-V - agent de protection DPM":                                                      "hyper-v-host",
		"Virtuele VMware-machines":                                                                    "vmware-vms",
		"VMware VMs":                                                                                  "vmware-vms",
		"Linux":                                                                                       "linux",
		"Azure Files":                                                                                 "",
	}
	for in, want := range tests {
		// The workload names of nl, fr and en: each text in all three
		// languages' books at once is what a mixed corpus needs.
		lang := testCtx("en", nil)
		for _, loc := range []string{"nl", "fr"} {
			if got := testCtx(loc, nil).workloadID(splitCell(mkCell(in, 1, 1)), nil, cellText{}, nil); got != "" {
				lang = testCtx(loc, nil)
			}
		}
		if got := lang.workloadID(splitCell(mkCell(in, 1, 1)), nil, cellText{}, nil); got != want {
			t.Errorf("workloadID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestVersions(t *testing.T) {
	doc := mkDoc("nl", "Workload|Versie|Installatie|Server v2|Beveiliging en herstel",
		"SQL Server|VMM-2016<br/>VMM 2012 SP1, R2|Fysieke server|J|Alle implementatiescenario's: database")
	m, l := Compile(mkContent(doc))
	if l.HasErrors() {
		t.Fatal(l)
	}
	if got := m.Rows[0].Versions["nl"]; !slices.Equal(got, []string{"VMM-2016", "VMM 2012 SP1, R2"}) {
		t.Errorf("versions = %q", got)
	}
}

func TestProtectionSplit(t *testing.T) {
	type want struct{ protect, recover, notes []string }
	tests := []struct {
		locale, in string
		want       want
	}{
		{"nl", "Alle implementatiescenario's: Database", want{[]string{"Database"}, nil, nil}},
		{"nl", "Bestanden<br /><br />Beveiligde volumes moeten NTFS zijn. FAT niet.<br /><br />Volumes moeten ten minste 1 GB.",
			want{[]string{"Bestanden"}, nil, []string{"Beveiligde volumes moeten NTFS zijn. FAT niet.", "Volumes moeten ten minste 1 GB."}}},
		{"nl", "Volume, share, map, bestand, systeemstatus/bare metal), ontdubbelde volumes",
			want{[]string{"Volume", "share", "map", "bestand", "systeemstatus/bare metal", "ontdubbelde volumes"}, nil, nil}},
		{"nl", "(Alle implementatiescenario's) beveiligen: zelfstandige Exchange server, database onder een beschikbaarheidsgroep database (DAG)<br /><br />(Alle implementatiescenario's) herstellen: Postvak, postvakdatabases onder een DAG",
			want{[]string{"zelfstandige Exchange server", "database onder een beschikbaarheidsgroep database (DAG)"}, []string{"Postvak", "postvakdatabases onder een DAG"}, nil}},
		{"nl", "(Alle implementatiescenario's) te beschermen: opslaggroep<br /><br />(Alle implementatiescenario's) herstellen: opslaggroep, database, Postvak",
			want{[]string{"opslaggroep"}, []string{"opslaggroep", "database", "Postvak"}, nil}},
		{"nl", "Beveiligen: Hyper-V-computers, gedeelde clustervolumes (CSV's, enz.)<br /><br />Herstellen: virtuele machine",
			want{[]string{"Hyper-V-computers", "gedeelde clustervolumes (CSV's, enz.)"}, []string{"virtuele machine"}, nil}},
		{"nl", "Hyper-V moet worden uitgevoerd op Windows Server 2016. Beveiligen: Volledige virtuele machine<br /><br />Herstellen: Volledige virtuele machine",
			want{[]string{"Volledige virtuele machine"}, []string{"Volledige virtuele machine"}, []string{"Hyper-V moet worden uitgevoerd op Windows Server 2016."}}},
		// One enumeration inside one phrase stays one item; an unlabelled
		// list that names a way to recover lists what can be recovered.
		{"nl", "Virtuele VMware-machines op CSV's, NFS en SAN-opslag<br /> Herstel op itemniveau<br /> VMware vApps niet ondersteund",
			want{[]string{"Virtuele VMware-machines op CSV's, NFS en SAN-opslag"}, []string{"Herstel op itemniveau"}, []string{"VMware vApps niet ondersteund"}}},
		{"en", "Protect: VMware VMs on cluster-shared volumes (CSVs), NFS, and SAN storage",
			want{[]string{"VMware VMs on cluster-shared volumes (CSVs), NFS, and SAN storage"}, nil, nil}},
		{"en", "Volume, share, folder, file and system state", want{[]string{"Volume", "share", "folder", "file and system state"}, nil, nil}},
		{"en", "Protect (all deployment scenarios): Farm, frontend web server content<br /><br />Recover (all deployment scenarios): Farm, database<br /><br />Protecting a farm isn't supported.",
			want{[]string{"Farm", "frontend web server content"}, []string{"Farm", "database"}, []string{"Protecting a farm isn't supported."}}},
		{"en", "Protect  (all deployment scenarios): x", want{[]string{"x"}, nil, nil}},
		{"fr", "Protéger : Ordinateurs Hyper-V<br /><br />Récupérer : Machine virtuelle", want{[]string{"Ordinateurs Hyper-V"}, []string{"Machine virtuelle"}, nil}},
		{"nl", "Dit is een zin.", want{nil, nil, []string{"Dit is een zin."}}},
	}
	plain := func(rs []Rich) []string {
		var out []string
		for _, r := range rs {
			out = append(out, r.Plain())
		}
		return out
	}
	for _, tc := range tests {
		got := testCtx(tc.locale, nil).splitProtection(splitCell(mkCell(tc.in, 1, 1)), nil)
		g := want{plain(got.Protect), plain(got.Recover), plain(got.Notes)}
		if !reflect.DeepEqual(g, tc.want) {
			t.Errorf("%s %q:\n got %q\nwant %q", tc.locale, tc.in, g, tc.want)
		}
	}
}

func TestProtectionKeepsLinks(t *testing.T) {
	got := testCtx("en", nil).splitProtection(splitCell(mkCell("Note.<br /><br />See [Linux distros](https://example.com/d).", 1, 1)), nil)
	want := []Rich{{{Text: "Note."}}, {{Text: "See "}, {Text: "Linux distros", Href: "https://example.com/d"}, {Text: "."}}}
	if !reflect.DeepEqual(got.Notes, want) {
		t.Errorf("notes = %#v", got.Notes)
	}
}

func TestCapabilities(t *testing.T) {
	tests := []struct {
		locale string
		items  []string
		want   []Capability
	}{
		{"nl", []string{"Volume", "share", "map", "bestand", "systeemstatus/bare metal)", "ontdubbelde volumes"},
			[]Capability{CapVolume, CapShare, CapFolder, CapFile, CapSystemState, CapBareMetal, CapDeduplicatedVolume}},
		{"nl", []string{"ontdubbelde volumes"}, []Capability{CapDeduplicatedVolume}},
		{"nl", []string{"Hyper-V-computers", "gedeelde clustervolumes (CSV's)"}, []Capability{CapVirtualMachine, CapClusterSharedVolume}},
		{"nl", []string{"virtuele machine", "herstel op itemniveau van bestanden en map", "volumes", "virtuele harde schijven"},
			[]Capability{CapVolume, CapFolder, CapFile, CapVirtualMachine, CapVirtualHardDisk, CapItemLevelRecovery}},
		{"nl", []string{"Farm", "webtoepassing", "bestand of lijstitem", "SharePoint zoeken", "frontend-webserver"},
			[]Capability{CapFile, CapFarm, CapWebApplication, CapListItem, CapSearch, CapFrontEndContent}},
		{"nl", []string{"zelfstandige Exchange server", "database onder een beschikbaarheidsgroep database (DAG)", "Postvak", "postvakdatabases onder een DAG"},
			[]Capability{CapDatabase, CapMailbox, CapDAG, CapStandaloneServer}},
		{"nl", []string{"opslaggroep"}, []Capability{CapStorageGroup}},
		{"en", []string{"Volume", "share", "folder", "file", "system state/bare metal", "deduplicated volumes"},
			[]Capability{CapVolume, CapShare, CapFolder, CapFile, CapSystemState, CapBareMetal, CapDeduplicatedVolume}},
		{"en", []string{"Hyper-V computers", "cluster shared volumes (CSVs)"}, []Capability{CapVirtualMachine, CapClusterSharedVolume}},
		{"en", []string{"SharePoint search"}, []Capability{CapSearch}},
		{"fr", []string{"Volume", "partage", "dossier", "fichier", "état du système"}, []Capability{CapVolume, CapShare, CapFolder, CapFile, CapSystemState}},
		{"nl", []string{"Bestanden"}, []Capability{CapFile}},
		{"nl", []string{"mapping"}, nil},
	}
	for _, tc := range tests {
		var items []Rich
		for _, s := range tc.items {
			items = append(items, Rich{{Text: s}})
		}
		got := capabilities(testLang(tc.locale), items)
		var list []Capability
		for _, c := range Capabilities {
			if got[c] {
				list = append(list, c)
			}
		}
		if !slices.Equal(list, tc.want) {
			t.Errorf("%s %q: got %v, want %v", tc.locale, tc.items, list, tc.want)
		}
	}
}

func TestUnbalancedParen(t *testing.T) {
	tests := []struct {
		in   string
		cols []int
	}{
		{"Volume, systeemstatus/bare metal), x", []int{42}},
		{"(a) (b)", nil},
		{"x (open", []int{12}},
		{"a<br/>b)", []int{17}},
	}
	for _, tc := range tests {
		var l diag.List
		checkParens(splitCell(mkCell(tc.in, 3, 10)), &l)
		var cols []int
		for _, d := range l {
			cols = append(cols, d.Col)
			if d.Code != "unbalanced-paren" || d.Line != 3 {
				t.Errorf("%q: %s", tc.in, d)
			}
		}
		if !slices.Equal(cols, tc.cols) {
			t.Errorf("%q: columns %v, want %v", tc.in, cols, tc.cols)
		}
	}
}

func TestSlug(t *testing.T) {
	tests := map[string]string{
		"VMM-2016 VMM 2012 SP1, R2":           "vmm-2016-vmm-2012-sp1-r2",
		"Windows Server 2012/2012 met SP1":    "windows-server-2012-2012-met-sp1",
		"Récupération des données":            "recuperation-des-donnees",
		"CSV's":                               "csvs",
		"  --  ":                              "",
		"Hyper-V host - DPM protection agent": "hyper-v-host-dpm-protection-agent",
	}
	for in, want := range tests {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}
