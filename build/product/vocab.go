package product

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// The closed vocabularies of this package: product ids, qualifier forms and
// the keys a phrasebook's versions section may use. They are defined once,
// here; the JSON Schema's enums and patterns (package matrix) and the
// phrasebook validation come from these lists. Adding an entry is a minor
// schema version; removing one is major.

// Product is the id of a product a version entry names.
type Product string

// Products. Unknown is an entry the compiler did not understand (always
// reported as a warning).
const (
	WindowsServer        Product = "windows-server"
	WindowsStorageServer Product = "windows-storage-server"
	WindowsClient        Product = "windows-client"
	SQLServer            Product = "sql-server"
	Exchange             Product = "exchange"
	SharePoint           Product = "sharepoint"
	SystemCenterVMM      Product = "system-center-vmm"
	VMwareVSphere        Product = "vmware-vsphere"
	Linux                Product = "linux"
	AzureLocal           Product = "azure-local"
	Unknown              Product = "unknown"
)

// Products lists every Product in display order (Unknown last).
var Products = []Product{
	WindowsClient, WindowsServer, WindowsStorageServer, SQLServer, Exchange, SharePoint,
	SystemCenterVMM, VMwareVSphere, Linux, AzureLocal, Unknown,
}

var names = map[Product]string{
	WindowsServer:        "Windows Server",
	WindowsStorageServer: "Windows Storage Server",
	WindowsClient:        "Windows",
	SQLServer:            "SQL Server",
	Exchange:             "Exchange",
	SharePoint:           "SharePoint",
	SystemCenterVMM:      "System Center VMM",
	VMwareVSphere:        "VMware vSphere",
	Linux:                "Linux",
	AzureLocal:           "Azure Local",
	Unknown:              "unknown product",
}

// Name is the product's English brand name ("SQL Server").
func (p Product) Name() string {
	if n, ok := names[p]; ok {
		return n
	}
	return string(p)
}

// Known reports whether p is in the vocabulary (Unknown included).
func (p Product) Known() bool { _, ok := names[p]; return ok }

// Windows client releases that are not numbers, as the product names them.
var (
	namedVersions = map[string]string{"vista": "Vista", "xp": "XP"}
)

// windowsFamilyID stands for "Windows" until a version says client or
// server; it never leaves the parser.
const windowsFamilyID Product = "windows"

// windowsFamily resolves "Windows <version>" to client or server: a year
// is a server release ("Win2016"), anything else a client's ("Windows 10").
func windowsFamily(version string) Product {
	if isYear(version) {
		return WindowsServer
	}
	return WindowsClient
}

// Plausible reports whether version can be a version of p; a number that
// cannot is not read as that product's version ("SQL Server 2" in a
// half-understood "SQL Server 2012 с пакетом обновления 2" stays unparsed,
// not guessed). Windows clients are their releases (XP, Vista, 7, 8, 8.1,
// 10, 11, 12) or dotted numbers; VMware vSphere dotted numbers ("6.5"); Azure Local "V1" or
// feature updates ("20H2"); Linux any number; the other products years
// with an optional release ("2012 R2") or, as they once had, dotted
// numbers ("SQL Server 7.0", "Exchange 5.5").
func Plausible(p Product, version string) bool {
	switch p {
	case WindowsClient:
		base, update, _ := strings.Cut(version, " ")
		switch base {
		case "XP", "Vista", "7", "8", "8.1":
			return update == ""
		case "10", "11", "12":
			return update == "" || featureUpdate(update) // "10 22H2"
		}
		return update == "" && dotted(version) // "Windows NT 4.0", "Windows 3.11"
	case VMwareVSphere:
		return dotted(version)
	case AzureLocal:
		if rest, ok := strings.CutPrefix(version, "V"); ok {
			return len(rest) <= 2 && allDigits(rest) && rest[0] != '0'
		}
		return featureUpdate(version)
	case WindowsServer:
		if featureUpdate(version) { // "Windows Server, version 20H2"
			return true
		}
	case SharePoint:
		if version == "Subscription Edition" {
			return true
		}
	case Linux:
		return dotted(version) || allDigits(version)
	case Unknown, windowsFamilyID:
		return false
	}
	if !p.Known() {
		return false
	}
	year, release, _ := strings.Cut(version, " ")
	if release != "" && !(len(release) == 2 && release[0] == 'R' && release[1] >= '2' && release[1] <= '9') {
		return false
	}
	return isYear(year) || release == "" && dotted(year)
}

// featureUpdate: a half-year release, "20H2".
func featureUpdate(s string) bool {
	return len(s) == 4 && allDigits(s[:2]) && s[2] == 'H' && (s[3] == '1' || s[3] == '2')
}

// isYear: 19xx or 20xx.
func isYear(s string) bool {
	return len(s) == 4 && allDigits(s) && (s[:2] == "19" || s[:2] == "20")
}

// dotted: "6.5", "10.0.1" — a number, then dotted digit groups.
func dotted(s string) bool {
	major, rest, ok := strings.Cut(s, ".")
	if !ok || len(major) == 0 || len(major) > 3 || major[0] == '0' || !allDigits(major) {
		return false
	}
	for _, part := range strings.Split(rest, ".") {
		if !allDigits(part) {
			return false
		}
	}
	return true
}

// DefaultFor is the product a row of a workload is about, for an entry that
// names no product of its own (Azure Local's "V1, 20H2, 21H2"). Keys are
// the phrasebooks' workload ids; a workload without an entry has no
// default, and a bare version of it stays unknown.
var DefaultFor = map[string]Product{
	"client-computers":  WindowsClient,
	"servers":           WindowsServer,
	"hyper-v-host":      WindowsServer,
	"sql-server":        SQLServer,
	"exchange":          Exchange,
	"sharepoint":        SharePoint,
	"system-center-vmm": SystemCenterVMM,
	"vmware-vms":        VMwareVSphere,
	"linux":             Linux,
	"azure-local":       AzureLocal,
}

// PrimaryWorkload is the workload a product is protected as, when rows of
// several workloads name it: a Windows Server 2016 is protected as one of
// the servers; the Hyper-V host rows name it as the host of the virtual
// machines they protect.
var PrimaryWorkload = map[Product]string{
	WindowsClient: "client-computers", WindowsServer: "servers", WindowsStorageServer: "servers",
	SQLServer: "sql-server", Exchange: "exchange", SharePoint: "sharepoint", SystemCenterVMM: "system-center-vmm",
	VMwareVSphere: "vmware-vms", Linux: "linux", AzureLocal: "azure-local",
}

// Qualifier is one normalized, language-independent qualifier of a product
// version: a service pack, an edition, an installation option, a servicing
// or licensing remark, the hypervisor a guest runs on, a requirement.
type Qualifier string

// Fixed qualifiers. Service packs and cumulative updates are SP(n) and CU(n)
// ("SP1", "CU23"); RequiresWMF may carry a version ("requires Windows
// Management Framework 4.0").
const (
	Datacenter          Qualifier = "Datacenter"
	Standard            Qualifier = "Standard"
	Enterprise          Qualifier = "Enterprise"
	Essentials          Qualifier = "Essentials"
	ServerCore          Qualifier = "Server Core"
	IncludingServerCore Qualifier = "including Server Core"
	NanoServer          Qualifier = "Nano Server"
	NotNanoServer       Qualifier = "not Nano Server"
	SupportedSPs        Qualifier = "supported SPs"
	LatestSP            Qualifier = "latest SP"
	Licensed            Qualifier = "licensed"
	HyperVGuest         Qualifier = "Hyper-V guest"
	VMwareGuest         Qualifier = "VMware guest"
	AzureStackGuest     Qualifier = "Azure Stack guest"
	RequiresWMF         Qualifier = "requires Windows Management Framework"
	AndLater            Qualifier = "and later"
	Bit64               Qualifier = "64-bit"
	Bit32               Qualifier = "32-bit"
)

// Qualifiers lists every fixed Qualifier in canonical order (the order a
// version's qualifiers are kept in, after any SP and CU).
var Qualifiers = []Qualifier{
	Datacenter, Standard, Enterprise, Essentials,
	ServerCore, IncludingServerCore, NanoServer, NotNanoServer,
	SupportedSPs, LatestSP, AndLater, Licensed, Bit64, Bit32,
	HyperVGuest, VMwareGuest, AzureStackGuest, RequiresWMF,
}

// QualifierPattern matches the qualifiers that carry a number: service
// packs, cumulative updates, VMware updates ("U3"), a required Windows
// Management Framework version (the JSON Schema uses it next to the enum
// of Qualifiers).
const QualifierPattern = `^(SP[1-9][0-9]*|CU[1-9][0-9]*|U[1-9][0-9]?|requires Windows Management Framework [0-9]+(\.[0-9]+)*)$`

var qualifierRE = regexp.MustCompile(QualifierPattern)

// SP is the qualifier of service pack n ("SP1").
func SP(n int) Qualifier { return Qualifier("SP" + strconv.Itoa(n)) }

// CU is the qualifier of cumulative update n ("CU23").
func CU(n int) Qualifier { return Qualifier("CU" + strconv.Itoa(n)) }

// Update is the qualifier of VMware update n ("U3" of "6.7 U3").
func Update(n int) Qualifier { return Qualifier("U" + strconv.Itoa(n)) }

// Valid reports whether q is in the vocabulary.
func (q Qualifier) Valid() bool {
	return slices.Contains(Qualifiers, q) || qualifierRE.MatchString(string(q))
}

// ServicePack is the service pack number of an "SP<n>" qualifier (0 if q
// is none).
func (q Qualifier) ServicePack() int {
	if s, ok := strings.CutPrefix(string(q), "SP"); ok {
		if n, err := strconv.Atoi(s); err == nil {
			return n
		}
	}
	return 0
}

// IsEdition reports whether q names an edition (Datacenter, Standard, …).
func (q Qualifier) IsEdition() bool {
	return q == Datacenter || q == Standard || q == Enterprise || q == Essentials
}

// IsServicing reports whether q says which updates of a version are meant:
// a service pack, a cumulative or VMware update, "supported SPs", "latest SP".
func (q Qualifier) IsServicing() bool {
	return q.ServicePack() > 0 || q.isUpdate() || q == SupportedSPs || q == LatestSP
}

func (q Qualifier) isUpdate() bool {
	s := string(q)
	return strings.HasPrefix(s, "CU") || len(s) >= 2 && s[0] == 'U' && allDigits(s[1:])
}

// rank orders qualifiers: SP, CU and U, then the fixed ones in list order.
func (q Qualifier) rank() int {
	switch {
	case q.ServicePack() > 0:
		return 0
	case q.isUpdate():
		return 1
	case strings.HasPrefix(string(q), string(RequiresWMF)):
		return 2 + slices.Index(Qualifiers, RequiresWMF)
	}
	if i := slices.Index(Qualifiers, q); i >= 0 {
		return 2 + i
	}
	return 2 + len(Qualifiers)
}

// The keys of a phrasebook's versions section (see the package doc): the
// words of one language that build enumerations and qualifiers, then the
// language-independent names of products, editions and hypervisors that
// the root book holds.
const (
	KeyAnd          = "and"
	KeyOr           = "or"
	KeyWith         = "with"
	KeyNot          = "not"
	KeyIncluding    = "including"
	KeyServicePack  = "service-pack"
	KeyEdition      = "edition"
	KeyVersion      = "version"
	KeyFiller       = "filler"
	KeyRunningAs    = "running-as"
	KeyGuest        = "guest"
	KeyLicensed     = "licensed"
	KeySupportedSPs = "supported-sps"
	KeyLatestSP     = "latest-sp"
	KeyRequires     = "requires"
	KeyLater        = "later"

	KeyWindows    = "windows" // client or server, by the version that follows
	KeyDatacenter = "datacenter"
	KeyStandard   = "standard"
	KeyEnterprise = "enterprise"
	KeyEssentials = "essentials"
	KeyServerCore = "server-core"
	KeyNanoServer = "nano-server"
	KeyWMF        = "windows-management-framework"
	KeyHyperV     = "hyper-v"
	KeyAzureStack = "azure-stack"
	Key64Bit      = "64-bit"
	Key32Bit      = "32-bit"
	// KeySubscription names SharePoint Server Subscription Edition, a
	// release without a number.
	KeySubscription = "subscription-edition"
)

// LanguageKeys are the keys each language's book fills.
var LanguageKeys = []string{
	KeyAnd, KeyOr, KeyWith, KeyNot, KeyIncluding, KeyServicePack, KeyEdition, KeyVersion,
	KeyFiller, KeyRunningAs, KeyGuest, KeyLicensed, KeySupportedSPs, KeyLatestSP, KeyRequires, KeyLater,
}

// VersionKeys are every key a phrasebook's versions section may use: the
// LanguageKeys, "windows", each product id but unknown, and the names of
// editions, installation options and hypervisors.
var VersionKeys = func() []string {
	keys := slices.Clone(LanguageKeys)
	keys = append(keys, KeyWindows)
	for _, p := range Products {
		if p != Unknown {
			keys = append(keys, string(p))
		}
	}
	return append(keys, KeyDatacenter, KeyStandard, KeyEnterprise, KeyEssentials,
		KeyServerCore, KeyNanoServer, KeyWMF, KeyHyperV, KeyAzureStack, Key64Bit, Key32Bit, KeySubscription)
}()
