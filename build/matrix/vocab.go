package matrix

// The closed vocabularies of the model. They are defined once, here; the JSON
// Schema's enums, the CSV, the strings-file keys ("target.<id>",
// "status.<id>", "capability.<id>") and the site's facets all come from these
// lists. Adding an entry is a minor schema version; removing one is major.

// Target is where the protected workload runs.
type Target string

// Installation targets.
const (
	TargetPhysicalServer Target = "physical-server"
	TargetHyperVVM       Target = "hyper-v-vm"
	TargetVMwareVM       Target = "vmware-vm"
	TargetAzureVM        Target = "azure-vm"
	TargetAzureStack     Target = "azure-stack"
	// TargetUnknown is an installation phrase the compiler does not recognise
	// (always reported as a warning).
	TargetUnknown Target = "unknown"
)

// Targets lists every Target in display order.
var Targets = []Target{TargetPhysicalServer, TargetHyperVVM, TargetVMwareVM, TargetAzureVM, TargetAzureStack, TargetUnknown}

// Status is a support status of a row in one server release.
type Status string

// Support statuses.
const (
	StatusSupported   Status = "supported"
	StatusConditional Status = "conditional" // supported with a qualifier, kept as Support.Condition
	StatusUnsupported Status = "unsupported"
	StatusUnknown     Status = "unknown" // a value the compiler does not know (always a warning)
)

// Statuses lists every Status in display order.
var Statuses = []Status{StatusSupported, StatusConditional, StatusUnsupported, StatusUnknown}

// Capability is a normalized tag for what can be protected or recovered.
type Capability string

// Capabilities tags.
const (
	CapVolume              Capability = "volume"
	CapShare               Capability = "share"
	CapFolder              Capability = "folder"
	CapFile                Capability = "file"
	CapSystemState         Capability = "system-state"
	CapBareMetal           Capability = "bare-metal"
	CapDeduplicatedVolume  Capability = "deduplicated-volume"
	CapDatabase            Capability = "database"
	CapFarm                Capability = "farm"
	CapWebApplication      Capability = "web-application"
	CapListItem            Capability = "list-item"
	CapSearch              Capability = "search"
	CapFrontEndContent     Capability = "front-end-content"
	CapStorageGroup        Capability = "storage-group"
	CapMailbox             Capability = "mailbox"
	CapDAG                 Capability = "dag"
	CapStandaloneServer    Capability = "standalone-server"
	CapVirtualMachine      Capability = "virtual-machine"
	CapClusterSharedVolume Capability = "cluster-shared-volume"
	CapVirtualHardDisk     Capability = "virtual-hard-disk"
	CapItemLevelRecovery   Capability = "item-level-recovery"
)

// Capabilities lists every Capability in display order.
var Capabilities = []Capability{
	CapVolume, CapShare, CapFolder, CapFile, CapSystemState, CapBareMetal, CapDeduplicatedVolume,
	CapDatabase, CapFarm, CapWebApplication, CapListItem, CapSearch, CapFrontEndContent,
	CapStorageGroup, CapMailbox, CapDAG, CapStandaloneServer,
	CapVirtualMachine, CapClusterSharedVolume, CapVirtualHardDisk, CapItemLevelRecovery,
}
