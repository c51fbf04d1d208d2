package matrix

// The per-language knowledge of the compiler, kept as data: adding a
// language is adding entries here, not code. Every phrase is compared in
// norm() form (lower case, white space collapsed, ASCII apostrophes).
// Locales are the content folder names ("nl", "en", "fr", …); a locale
// missing from a table falls back to English.

// yesNo is the support vocabulary of one language.
type yesNo struct {
	Yes, No []string
	// Expect names the words the warning about an English "Y" quotes.
	Expect string
}

// supportWords holds each language's yes/no words. The English "Y" is
// accepted everywhere (it leaks into nearly every translation) but outside
// English it is reported.
var supportWords = map[string]yesNo{
	"en": {Yes: []string{"y", "yes"}, No: []string{"n", "no"}, Expect: "'Y' or 'N'"},
	"nl": {Yes: []string{"j", "ja"}, No: []string{"n", "nee"}, Expect: "'J' or 'N'"},
	"fr": {Yes: []string{"o", "oui"}, No: []string{"n", "non"}, Expect: "'O' or 'N'"},
	"de": {Yes: []string{"j", "ja"}, No: []string{"n", "nein"}, Expect: "'J' or 'N'"},
	"es": {Yes: []string{"s", "sí", "si"}, No: []string{"n", "no"}, Expect: "'S' or 'N'"},
	"it": {Yes: []string{"s", "sì", "si"}, No: []string{"n", "no"}, Expect: "'S' or 'N'"},
	"pt": {Yes: []string{"s", "sim"}, No: []string{"n", "não", "nao"}, Expect: "'S' or 'N'"},
}

// notSupported are the words a "supported server" column uses when no
// release supports the row.
var notSupported = map[string][]string{
	"en": {"not supported", "no"},
	"nl": {"niet ondersteund", "wordt niet ondersteund", "nee"},
	"fr": {"non pris en charge", "non"},
	"de": {"nicht unterstützt", "nein"},
	"es": {"no compatible", "no admitido", "no"},
}

// column is what a table column means.
type column int

const (
	colUnknown   column = iota
	colWorkload         // the workload name
	colVersion          // the versions of the workload
	colInstall          // where MABS is installed / the workload runs
	colServer           // support in one server release (id in the header)
	colSupported        // one column listing the releases that support the row
	colProtect          // protection and recovery
)

// headerWords says which header text means which column. A header matches
// when its norm() form contains the phrase; the first match in this order
// wins (the per-server columns are recognised before this table by their
// release token, e.g. "Server v2").
var headerWords = []struct {
	Col     column
	Phrases []string
}{
	{colSupported, []string{
		"supported azure backup server", "ondersteunde azure backup server", "ondersteund azure backup server",
		"serveur de sauvegarde azure pris en charge", "unterstützter azure backup server", "servidor de azure backup compatible",
	}},
	{colInstall, []string{"installation", "installatie", "installación", "installazione", "instalação"}},
	{colProtect, []string{
		"protection and recovery", "beveiliging en herstel", "protection et récupération", "schutz und wiederherstellung",
		"protección y recuperación", "protection", "beveiliging",
	}},
	{colVersion, []string{"version", "versie", "versión", "versione", "versão"}},
	{colWorkload, []string{"workload", "werkbelasting", "charge de travail", "arbeitsauslastung", "carga de trabajo"}},
}

// serverWords are the words for "server" a per-release header uses
// ("Azure Backup Server v2", "Sauvegarde Azure Serveur v1").
var serverWords = []string{"server", "serveur", "servidor", "backup"}

// targetRule maps an installation phrase to a Target: the phrase's head
// (its text before any "(") must contain every string of one of the
// alternatives.
type targetRule struct {
	Target Target
	Any    [][]string
}

// targetRules are tried in order per language; a phrase matched by rules of
// two different targets is ambiguous and stays unknown.
var targetRules = map[string][]targetRule{
	"en": {
		{TargetPhysicalServer, [][]string{{"physical server"}, {"physical machine"}}},
		{TargetAzureStack, [][]string{{"azure stack"}}},
		{TargetHyperVVM, [][]string{{"hyper-v", "virtual machine"}, {"hyper-v", "vm"}}},
		{TargetVMwareVM, [][]string{{"vmware", "virtual machine"}, {"vmware", "vm"}}},
		{TargetAzureVM, [][]string{{"azure", "virtual machine"}, {"azure", "vm"}}},
	},
	"nl": {
		{TargetPhysicalServer, [][]string{{"fysieke server"}, {"fysieke machine"}, {"physical server"}}},
		{TargetAzureStack, [][]string{{"azure stack"}}},
		{TargetHyperVVM, [][]string{{"hyper-v", "virtuele machine"}, {"hyper-v-machine"}, {"hyper-v", "vm"}}},
		{TargetVMwareVM, [][]string{{"vmware", "virtuele machine"}, {"vmware-machine"}, {"vmware", "vm"}}},
		{TargetAzureVM, [][]string{{"azure", "virtuele machine"}, {"azure-machine"}, {"azure", "vm"}}},
	},
	"fr": {
		{TargetPhysicalServer, [][]string{{"serveur physique"}, {"machine physique"}}},
		{TargetAzureStack, [][]string{{"azure stack"}}},
		{TargetHyperVVM, [][]string{{"hyper-v", "machine virtuelle"}, {"hyper-v", "vm"}}},
		{TargetVMwareVM, [][]string{{"vmware", "machine virtuelle"}, {"vmware", "vm"}}},
		{TargetAzureVM, [][]string{{"azure", "machine virtuelle"}, {"azure", "vm"}}},
	},
	"de": {
		{TargetPhysicalServer, [][]string{{"physischer server"}, {"physischen server"}}},
		{TargetAzureStack, [][]string{{"azure stack"}}},
		{TargetHyperVVM, [][]string{{"hyper-v", "virtuelle maschine"}, {"hyper-v", "vm"}}},
		{TargetVMwareVM, [][]string{{"vmware", "virtuelle maschine"}, {"vmware", "vm"}}},
		{TargetAzureVM, [][]string{{"azure", "virtuelle maschine"}, {"azure", "vm"}}},
	},
}

// labelKind is what a labelled paragraph of the protection column lists.
type labelKind int

const (
	labelProtect labelKind = iota
	labelRecover
)

// labels are the prefixes that say a paragraph lists what is protected or
// recovered, per language, compared in norm() form (the colon included).
// Longer labels come first so "(alle …) herstellen:" wins over nothing.
var labels = map[string][]struct {
	Text string
	Kind labelKind
}{
	"en": {
		{"(all deployment scenarios) protect:", labelProtect},
		{"(all deployment scenarios) recover:", labelRecover},
		{"protect (all deployment scenarios):", labelProtect},
		{"recover (all deployment scenarios):", labelRecover},
		{"all deployment scenarios:", labelProtect},
		{"protect:", labelProtect},
		{"recover:", labelRecover},
	},
	"nl": {
		{"(alle implementatiescenario's) te beschermen:", labelProtect},
		{"(alle implementatiescenario's) beveiligen:", labelProtect},
		{"(alle implementatiescenario's) herstellen:", labelRecover},
		{"beveiligen (alle implementatiescenario's):", labelProtect},
		{"beveiligen (alle implementatie scenario's):", labelProtect},
		{"herstellen (alle implementatiescenario's):", labelRecover},
		{"herstellen (alle implementatie scenario's):", labelRecover},
		{"alle implementatiescenario's:", labelProtect},
		{"alle implementatie scenario's:", labelProtect},
		{"te beschermen:", labelProtect},
		{"beveiligen:", labelProtect},
		{"herstellen:", labelRecover},
	},
	"fr": {
		{"protéger (tous les scénarios de déploiement) :", labelProtect},
		{"récupérer (tous les scénarios de déploiement) :", labelRecover},
		{"tous les scénarios de déploiement :", labelProtect},
		{"protéger :", labelProtect},
		{"récupérer :", labelRecover},
	},
}

// capRule tags items that contain one of Words (at a word start).
type capRule struct {
	Cap   Capability
	Words []string
}

// capWords are tried in order; the part of an item a rule matched is used
// up, so the specific "ontdubbelde volumes" is not also a plain "volume". A
// rule with no capability only uses words up ("SharePoint" is no "share").
var capWords = map[string][]capRule{
	"en": {
		{"", []string{"sharepoint", "share point"}},
		{CapDeduplicatedVolume, []string{"deduplicated volume", "deduped volume"}},
		{CapClusterSharedVolume, []string{"cluster shared volume", "cluster-shared volume", "csv"}},
		{CapVirtualHardDisk, []string{"virtual hard d"}},
		{CapItemLevelRecovery, []string{"item-level recovery", "item level recovery"}},
		{CapSystemState, []string{"system state"}},
		{CapBareMetal, []string{"bare metal", "bare-metal"}},
		{CapFrontEndContent, []string{"frontend web server", "front-end web server", "front end web server"}},
		{CapWebApplication, []string{"web application"}},
		{CapListItem, []string{"list item"}},
		{CapStorageGroup, []string{"storage group"}},
		{CapStandaloneServer, []string{"standalone exchange server", "standalone server"}},
		{CapDAG, []string{"dag", "database availability group"}},
		{CapDatabase, []string{"mailbox database", "database"}},
		{CapMailbox, []string{"mailbox"}},
		{CapFarm, []string{"farm"}},
		{CapSearch, []string{"search"}},
		{CapVirtualMachine, []string{"virtual machine", "hyper-v computer", "vmware vm", "vm"}},
		{CapVolume, []string{"volume"}},
		{CapShare, []string{"share"}},
		{CapFolder, []string{"folder"}},
		{CapFile, []string{"file"}},
	},
	"nl": {
		{"", []string{"sharepoint", "share point"}},
		{CapDeduplicatedVolume, []string{"ontdubbelde volume", "ontdoste volume"}},
		{CapClusterSharedVolume, []string{"gedeelde clustervolume", "gedeelde cluster volume", "cluster shared volume", "csv"}},
		{CapVirtualHardDisk, []string{"virtuele harde schijf", "virtuele harde schijven"}},
		{CapItemLevelRecovery, []string{"herstel op itemniveau", "herstel op item niveau"}},
		{CapSystemState, []string{"systeemstatus", "systeem status"}},
		{CapBareMetal, []string{"bare metal", "bare-metal"}},
		{CapFrontEndContent, []string{"inhoud van frontend-webserver", "frontend-webserver", "front-end webserver"}},
		{CapWebApplication, []string{"webtoepassing"}},
		{CapListItem, []string{"lijstitem", "lijst item"}},
		{CapStorageGroup, []string{"opslaggroep"}},
		{CapStandaloneServer, []string{"zelfstandige exchange server", "zelfstandige server"}},
		{CapDAG, []string{"dag", "beschikbaarheidsgroep"}},
		{CapDatabase, []string{"postvakdatabase", "database", "data base"}},
		{CapMailbox, []string{"postvak"}},
		{CapFarm, []string{"farm"}},
		{CapSearch, []string{"zoeken"}},
		{CapVirtualMachine, []string{"virtuele machine", "hyper-v-computer", "vmware-machine", "vm"}},
		{CapVolume, []string{"volume"}},
		{CapShare, []string{"share", "aandeel"}},
		{CapFolder, []string{"map"}},
		{CapFile, []string{"bestand"}},
	},
	"fr": {
		{"", []string{"sharepoint", "share point"}},
		{CapDeduplicatedVolume, []string{"volumes dédupliqués", "volume dédupliqué"}},
		{CapClusterSharedVolume, []string{"volumes partagés de cluster", "volume partagé de cluster", "csv"}},
		{CapVirtualHardDisk, []string{"disques durs virtuels", "disque dur virtuel"}},
		{CapItemLevelRecovery, []string{"récupération au niveau de l'élément", "récupération au niveau élément"}},
		{CapSystemState, []string{"état du système"}},
		{CapBareMetal, []string{"récupération complète", "bare metal"}},
		{CapFrontEndContent, []string{"serveur web frontal", "serveur web frontal"}},
		{CapWebApplication, []string{"application web"}},
		{CapListItem, []string{"élément de liste"}},
		{CapStorageGroup, []string{"groupe de stockage"}},
		{CapStandaloneServer, []string{"serveur exchange autonome", "serveur autonome"}},
		{CapDAG, []string{"dag", "groupe de disponibilité"}},
		{CapDatabase, []string{"base de données", "bases de données"}},
		{CapMailbox, []string{"boîte aux lettres", "boîtes aux lettres"}},
		{CapFarm, []string{"batterie de serveurs", "ferme"}},
		{CapSearch, []string{"recherche"}},
		{CapVirtualMachine, []string{"machine virtuelle", "machines virtuelles", "ordinateurs hyper-v", "vm"}},
		{CapVolume, []string{"volume"}},
		{CapShare, []string{"partage"}},
		{CapFolder, []string{"dossier"}},
		{CapFile, []string{"fichier"}},
	},
}

// workloadRule recognises a workload in any language: the workload cell's
// norm() form must start with one of Prefix or contain one of Contains.
type workloadRule struct {
	ID       string
	Prefix   []string
	Contains []string
}

// workloads is the known-workload table, tried in order (the Hyper-V host
// row names a "server" and a "virtual machine", so it comes first).
var workloadRules = []workloadRule{
	{ID: "hyper-v-host", Prefix: []string{"hyper-v host", "hyper-v-host", "hôte hyper-v", "hyper-v-host"}},
	{ID: "system-center-vmm", Contains: []string{"vmm", "virtual machine manager"}},
	{ID: "vmware-vms", Contains: []string{"vmware"}},
	{ID: "client-computers", Contains: []string{"client computer", "clientcomputer", "client-computer", "ordinateurs clients", "clientcomputer"}},
	{ID: "sql-server", Contains: []string{"sql server", "sql-server"}},
	{ID: "exchange", Contains: []string{"exchange"}},
	{ID: "sharepoint", Contains: []string{"sharepoint", "share point"}},
	{ID: "linux", Contains: []string{"linux"}},
	{ID: "servers", Prefix: []string{"servers", "serveurs", "servidores", "server (", "windows server"}},
}

// lookup returns m[locale], or English when the locale has no entry.
func lookup[T any](m map[string]T, locale string) T {
	if v, ok := m[locale]; ok {
		return v
	}
	return m["en"]
}
