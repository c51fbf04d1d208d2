package synth

// The phrasebook: every cell the generator writes is picked from these
// aligned Dutch/English pairs, copied from the seed (content/nl) and from
// Microsoft's English phrasing of the same table, so that the compiler sees
// the dialect it meets in the real files — and so that the two locales agree
// row for row on workload, version count, installation targets and support.

// pair is one phrase in both languages.
type pair struct{ nl, en string }

// The table header, byte for byte as in the real documents (a test checks it).
const (
	headerNL = "|Workload|Versie|Azure Backup-server</br> installation|Azure Backup</br> Server v2|Azure Backup</br> Server v1 |Beveiliging en herstel|"
	headerEN = "|Workload|Version|Azure Backup Server</br> installation|Azure Backup</br> Server v2|Azure Backup</br> Server v1 |Protection and recovery|"
	// delimiter is the seed's delimiter row.
	delimiter = "|------------|-----------|--------------------|--------------------------------------------|--------------------------------|---------------------------|"
)

// target is an installation target with every phrasing of it the sources use.
type target struct {
	id      string // the matrix.Target id the phrases must normalize to
	phrases []pair
}

// targets lists the installation phrases of the seed (and Azure Stack, which
// later versions of the document add), grouped by the target they mean.
var targets = []target{
	{"physical-server", []pair{
		{"Fysieke server", "Physical server"},
	}},
	{"hyper-v-vm", []pair{
		{"On-premises Hyper-V virtuele machine", "On-premises Hyper-V virtual machine"},
		{"Virtuele Hyper-V-machine", "Hyper-V virtual machine"},
	}},
	{"vmware-vm", []pair{
		{"Windows virtuele machine in VMWare (beveiligt werkbelasting die wordt uitgevoerd in Windows virtuele machine in VMWare)",
			"Windows virtual machine in VMWare (protects workloads running in Windows virtual machine in VMWare)"},
		{"Virtuele VMware-machine", "VMware virtual machine"},
	}},
	{"azure-vm", []pair{
		{"Azure virtuele machine (indien de werkbelasting wordt uitgevoerd als Azure virtuele machine)",
			"Azure virtual machine (when workload is running as Azure virtual machine)"},
		{"virtuele Azure-machine", "Azure virtual machine"},
		{"Azure virtuele machine (indien de werkbelasting wordt uitgevoerd als Azure virtuele machine) - DPM 2012 R2 updatepakket 3 en hoger",
			"Azure virtual machine (when workload is running as Azure virtual machine) - DPM 2012 R2 Update Rollup 3 onwards"},
	}},
	{"azure-stack", []pair{
		{"Azure Stack", "Azure Stack"},
	}},
}

// installSeps are the ways the seed separates installation phrases in a cell.
var installSeps = []string{"<br /><br />", "<br /><br />", "<br /><br />", " <br /><br /> ", "<br/><br/> ", "<br /> <br /> "}

// Support cells. A plain value is by far the most common; conditions follow
// a blank line made of two breaks and may hold a link.
var (
	supported   = pair{"J", "Y"}
	unsupported = pair{"N", "N"}
	conditions  = []pair{
		{"Niet-Nano server", "Not Nano server"},
		{"U moet SP1 en installeer [Windows Management Frame 4.0](https://www.microsoft.com/en-us/download/details.aspx?id=40855)",
			"You need to be running SP1 and install [Windows Management Frame 4.0](https://www.microsoft.com/en-us/download/details.aspx?id=40855)"},
	}
)

// protections are the last-column texts of the seed: plain capability lists,
// notes after blank lines, "Beveiligen:"/"Herstellen:" labels in their
// several spellings, and single <br /> breaks.
var protections = []pair{
	{"Alle implementatiescenario's: database", "All deployment scenarios: database"},
	{"Alle implementatiescenario's: Database", "All deployment scenarios: Database"},
	{"Bestanden<br /><br />Beveiligde volumes moeten NTFS zijn. FAT en FAT32 worden niet ondersteund.<br /><br />Volumes moeten ten minste 1 GB. DPM gebruikt de Volume Shadow Copy Service (VSS) momentopname van de gegevens en de momentopname werkt alleen als het volume minstens 1 GB.",
		"Files<br /><br />Protected volumes must be NTFS. FAT and FAT32 aren't supported.<br /><br />Volumes must be at least 1 GB. DPM uses Volume Shadow Copy Service (VSS) to take the data snapshot and the snapshot only works if the volume is at least 1 GB."},
	{"Bestanden<br /><br />Beveiligde volumes moeten NTFS en ten minste 1 GB.",
		"Files<br /><br />Protected volumes must be NTFS and at least 1 GB."},
	{"Volume, share, map, bestand, systeemstatus/bare metal", "Volume, share, folder, file, system state/bare metal"},
	{"Volume, share, map, bestand", "Volume, share, folder, file"},
	{"Volume, share, map, bestand, systeemstatus/bare metal<br /><br />DPM moet worden uitgevoerd op ten minste Windows Server 2012 R2 naar Windows Server 2012 beveiligen ontdubbelde volumes.",
		"Volume, share, folder, file, system state/bare metal<br /><br />DPM must be running on at least Windows Server 2012 R2 to protect Windows Server 2012 deduplicated volumes."},
	{"(Alle implementatiescenario's) beveiligen: zelfstandige Exchange server, database onder een beschikbaarheidsgroep database (DAG)<br /><br />(Alle implementatiescenario's) herstellen: Postvak, postvakdatabases onder een DAG",
		"(All deployment scenarios) Protect: Standalone Exchange server, database under a database availability group (DAG)<br /><br />(All deployment scenarios) Recover: Mailbox, mailbox databases under a DAG"},
	{"(Alle implementatiescenario's) te beschermen: opslaggroep<br /><br />(Alle implementatiescenario's) herstellen: opslaggroep, database, Postvak",
		"(All deployment scenarios) Protect: Storage group<br /><br />(All deployment scenarios) Recover: Storage group, database, mailbox"},
	{"(Alle implementatiescenario's) te beschermen: Farm, SharePoint zoeken, inhoud van frontend-webserver<br /><br />(Alle implementatiescenario's) herstellen: Farm, database, webtoepassing, bestand of lijstitem, SharePoint zoeken, frontend-webserver",
		"(All deployment scenarios) Protect: Farm, SharePoint search, frontend web server content<br /><br />(All deployment scenarios) Recover: Farm, database, web application, file or list item, SharePoint search, frontend web server"},
	{"(Alle implementatiescenario's) te beschermen: Farm, inhoud van frontend-webserver<br /><br />(Alle implementatiescenario's) herstellen: Farm, database, webtoepassing, bestand of lijstitem, SharePoint zoeken, frontend-webserver<br /><br />Houd er rekening mee dat het beveiligen van een SharePoint-farm die van de SQL Server 2012 AlwaysOn-functie voor de inhoudsdatabases gebruikmaakt wordt niet ondersteund.",
		"(All deployment scenarios) Protect: Farm, frontend web server content<br /><br />(All deployment scenarios) Recover: Farm, database, web application, file or list item, SharePoint search, frontend web server<br /><br />Note that protecting a SharePoint farm that's using the SQL Server 2012 AlwaysOn feature for the content databases isn't supported."},
	{"Beveiligen: Hyper-V-computers, gedeelde clustervolumes (CSV's)<br /><br />Herstellen: virtuele machine, herstel op itemniveau van bestanden en map, volumes, virtuele harde schijven",
		"Protect: Hyper-V computers, cluster shared volumes (CSVs)<br /><br />Recover: Virtual machine, Item-level recovery of files and folder, volumes, virtual hard drives"},
	{"Virtuele VMware-machines op gedeelde clustervolumes (CSV's), NFS en SAN-opslag<br /> Herstel op itemniveau van bestanden en mappen die alleen beschikbaar voor Windows<br /> VMware vApps niet ondersteund",
		"VMware VMs on cluster-shared volumes (CSVs), NFS, and SAN storage<br /> Item-level recovery of files and folders is available only for Windows<br /> VMware vApps are not supported"},
	{"Hyper-V moet worden uitgevoerd op Windows Server 2012 R2 of Windows Server 2016. Beveiligen: Volledige virtuele machine<br /><br />Herstellen: Volledige virtuele machine",
		"Hyper-V must be running on Windows Server 2012 R2 or Windows Server 2016. Protect: Entire virtual machine<br /><br />Recover: Entire virtual machine"},
}

// family is a workload: its name in both languages, the version names its
// rows start from, and the protection texts (indexes into protections) that
// fit it.
type family struct {
	name     pair
	versions []pair
	// stem starts the names of generated versions once versions run out.
	stem    pair
	protect []int
}

// known are the nine workloads of the seed, in its order.
var known = []family{
	{pair{"System Center VMM", "System Center VMM"},
		[]pair{{"VMM-2016<br/>VMM 2012 SP1, R2", "VMM-2016<br/>VMM 2012 SP1, R2"}, {"VMM 2019", "VMM 2019"}},
		pair{"VMM", "VMM"},
		[]int{1}},
	{pair{"Clientcomputers (64-bits en 32-bits)", "Client computers (64-bit and 32-bit)"},
		[]pair{{"Windows 10", "Windows 10"}, {"Windows 8.1", "Windows 8.1"}, {"Windows 8", "Windows 8"}, {"Windows 7", "Windows 7"},
			{"Windows Vista met SP2", "Windows Vista with SP2"}, {"Windows Vista", "Windows Vista"}},
		pair{"Windows", "Windows"},
		[]int{2, 3, 4}},
	{pair{"Servers (32-bits en 64-bits)", "Servers (32-bit and 64-bit)"},
		[]pair{{"Windows Server 2016", "Windows Server 2016"},
			{"Windows Server 2012 R2 - Datacenter en Standard", "Windows Server 2012 R2 - Datacenter and Standard"},
			{"Windows Server 2012/2012 met SP1 - Datacenter en Standard", "Windows Server 2012/2012 with SP1 - Datacenter and Standard"},
			{"Windows Server 2008 R2 SP1 - Standard en Enterprise", "Windows Server 2008 R2 SP1 - Standard and Enterprise"},
			{"Windows Storage Server 2008", "Windows Storage Server 2008"}},
		pair{"Windows Server", "Windows Server"},
		[]int{4, 5, 6}},
	{pair{"SQL Server", "SQL Server"},
		[]pair{{"SQL Server 2016", "SQL Server 2016"}, {"SQL Server 2014", "SQL Server 2014"},
			{"SQL Server 2012 met SP2", "SQL Server 2012 with SP2"},
			{"SQL Server 2012, SQL Server 2012 met SP1", "SQL Server 2012, SQL Server 2012 with SP1"},
			{"SQL Server 2008 R2", "SQL Server 2008 R2"}},
		pair{"SQL Server", "SQL Server"},
		[]int{0}},
	{pair{"Exchange", "Exchange"},
		[]pair{{"Exchange 2016", "Exchange 2016"}, {"Exchange 2013", "Exchange 2013"}, {"Exchange 2010", "Exchange 2010"}, {"Exchange 2007", "Exchange 2007"}},
		pair{"Exchange", "Exchange"},
		[]int{7, 8}},
	{pair{"SharePoint", "SharePoint"},
		[]pair{{"SharePoint 2016", "SharePoint 2016"}, {"SharePoint 2013", "SharePoint 2013"}, {"SharePoint 2010", "SharePoint 2010"}},
		pair{"SharePoint", "SharePoint"},
		[]int{9, 10}},
	{pair{"Hyper-V-host - DPM-beveiligingsagent op de Hyper-V-hostserver, cluster- of virtuele machine",
		"Hyper-V host - DPM protection agent on Hyper-V host server, cluster, or VM"},
		[]pair{{"Windows Server 2016", "Windows Server 2016"}, {"WindowsServer 2012 - Datacenter en Standard", "WindowsServer 2012 - Datacenter and Standard"}},
		pair{"Windows Server", "Windows Server"},
		[]int{11}},
	{pair{"Virtuele VMware-machines", "VMware VMs"},
		[]pair{{"VMware server 5.5 of 6.0 of 6.5", "VMware server 5.5 or 6.0 or 6.5"}},
		pair{"VMware vSphere", "VMware vSphere"},
		[]int{12}},
	{pair{"Linux", "Linux"},
		[]pair{{"Linux uitvoeren als Hyper-V- of VMware-Gast", "Linux running as Hyper-V or VMware guest"}},
		pair{"Linux", "Linux"},
		[]int{13}},
}

// Parts of generated workload names. Product names are not translated, so a
// generated workload has the same name (and slug) in both languages. A
// generated workload's versions are of one of stems — products the version
// parser knows, so the content stays free of warnings.
var (
	stems    = []string{"SQL Server", "Exchange", "SharePoint", "Windows Server", "VMware vSphere", "VMM"}
	vendors  = []string{"Contoso", "Fabrikam", "Northwind", "Tailspin", "Woodgrove", "Litware", "Adventure Works", "Proseware", "Wingtip", "Lucerne"}
	products = []string{"Ledger", "Archive", "Vault", "Mail Gateway", "CRM", "Data Lake", "Print Server", "Directory", "ERP", "Web Farm", "Analytics", "File Sync", "Telephony", "Document Store", "Queue"}
)

// Version qualifiers for generated versions, aligned. Each is one the
// version parser (build/product) reads after a dotted number; "R2" is a
// release of a year and is not among them.
var qualifiers = []pair{
	{"", ""},
	{" met SP1", " with SP1"},
	{" met SP2", " with SP2"},
	{" met SP3", " with SP3"},
	{" - Datacenter en Standard", " - Datacenter and Standard"},
	{" - Standard en Enterprise", " - Standard and Enterprise"},
}

// notes are extra sentences appended to generated protection texts, some
// with links, the way the seed's cluster section cites KB articles. Every
// "%d" in a note is replaced by one number in [min, min+span).
var notes = []struct {
	pair
	min, span int
}{
	{pair{"Zie KB [%d](https://support.microsoft.com/en-us/kb/%d) voor de vereiste update.", "See KB [%d](https://support.microsoft.com/en-us/kb/%d) for the required update."}, 900000, 99999},
	{pair{"Beveiligde volumes moeten NTFS en ten minste %d GB.", "Protected volumes must be NTFS and at least %d GB."}, 1, 64},
	{pair{"Herstel op itemniveau vereist updatepakket %d.", "Item-level recovery requires Update Rollup %d."}, 1, 12},
}
