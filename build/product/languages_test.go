package product_test

import "testing"

// TestParseLanguages: version entries as the published pages write them
// (2017–2021, the corpus and other public versions of the page), each read
// with its language's book alone — no English twin — into what its English
// original says. Entries marked "terminology" are not on a page yet: they
// check a word taken from Microsoft's terminology and the constructions
// where a word stands between "not" / "including" and its qualifier.
func TestParseLanguages(t *testing.T) {
	tests := []parseCase{
		{"cs", "SQL Server 2012, SQL Server 2012 s aktualizací SP1", "", "sql-server 2012; sql-server 2012 [SP1]"},
		{"cs", "VMware vCenter/vSphere ESX/ESXi licenci 5.5/6.0/6.5 verze", "",
			"vmware-vsphere 5.5 [licensed]; vmware-vsphere 6.0 [licensed]; vmware-vsphere 6.5 [licensed]"},
		{"cs", "Linux spuštěný jako hosta technologie Hyper-V nebo VMware", "", "linux [Hyper-V guest, VMware guest]"},
		{"cs", "(včetně edice Windows Server Core)", "", " | shared including Server Core"}, // terminology

		{"hu", "Windows Server 2008 R2 SP1, Windows Server 2008 SP2 (telepítenie kell a Windows Management Frame 4,0-t)", "",
			"windows-server 2008 R2 [SP1, requires Windows Management Framework 4.0]; windows-server 2008 [SP2, requires Windows Management Framework 4.0]"},
		{"hu", "SQL Server 2019, 2017, 2016 és támogatott SPS, 2014 és támogatott SPS", "",
			"sql-server 2019; sql-server 2017; sql-server 2016 [supported SPs]; sql-server 2014 [supported SPs]"},
		{"hu", "SharePoint 2019, 2016 legújabb SPs-vel", "", "sharepoint 2019; sharepoint 2016 [latest SP]"},
		{"hu", "Hyper-V vagy VMware vendégként futó Linux", "", "linux [Hyper-V guest, VMware guest]"},
		{"hu", "Az Exchange 2007", "", "exchange 2007"},
		{"hu", "Windows Server 2016 (nem a Nano Server)", "", "windows-server 2016 [not Nano Server]"}, // terminology

		{"it", "Linux in esecuzione come guest Hyper-V o VMware", "", "linux [Hyper-V guest, VMware guest]"},
		{"it", "VMware vCenter/vSphere ESX/ESXi concesso in licenza versione 5.5/6.0/6.5", "",
			"vmware-vsphere 5.5 [licensed]; vmware-vsphere 6.0 [licensed]; vmware-vsphere 6.5 [licensed]"},
		{"it", "SharePoint 2019, 2016 con SPs più recente", "", "sharepoint 2019; sharepoint 2016 [latest SP]"},
		{"it", "(inclusa l'edizione Windows Server Core)", "", " | shared including Server Core"}, // terminology

		{"ja", "Hyper-V または VMware ゲストとして実行されている Linux", "", "linux [Hyper-V guest, VMware guest]"},
		{"ja", "VMware vSphere ライセンス版 6.7", "", "vmware-vsphere 6.7 [licensed]"},
		{"ja", "SQL Server 2016 とサポートされている SP", "", "sql-server 2016 [supported SPs]"}, // terminology

		{"ko", "최신 SP가 있는 SharePoint 2019, 2016", "", "sharepoint 2019 [latest SP]; sharepoint 2016 [latest SP]"},
		{"ko", "VMware 서버 7.0, 6.7, 6.5, 또는 6.0(라이선스 버전)", "",
			"vmware-vsphere 7.0 [licensed]; vmware-vsphere 6.7 [licensed]; vmware-vsphere 6.5 [licensed]; vmware-vsphere 6.0 [licensed]"},
		{"ko", "Windows 서버 2022, 2019", "", "windows-server 2022; windows-server 2019"},
		{"ko", "윈도우 10", "", "windows-client 10"},
		{"ko", "Hyper-V 또는 VMware 게스트로 실행되는 Linux", "", "linux [Hyper-V guest, VMware guest]"},

		{"pl", "Windows Server 2012/2012 z dodatkiem SP1 — wersja Datacenter i Standard", "",
			"windows-server 2012 [Datacenter, Standard]; windows-server 2012 [SP1, Datacenter, Standard]"},
		{"pl", "System Linux uruchomiony jako gość funkcji Hyper-V lub programu VMware", "", "linux [Hyper-V guest, VMware guest]"},
		{"pl", "Programu Exchange 2013", "", "exchange 2013"},
		{"pl", "SQL Server 2019, 2017, 2016 i obsługiwaneprzez program sps, 2014 i obsługiwane przez niego SPS", "",
			"sql-server 2019; sql-server 2017; sql-server 2016 [supported SPs]; sql-server 2014 [supported SPs]"},
		{"pl", "Windows Server 2008 z dodatkiem SP2 (należy zainstalować platformę Windows Management Framework)", "",
			"windows-server 2008 [SP2, requires Windows Management Framework]"},
		{"pl", "(w tym wersja Windows Server Core)", "", " | shared including Server Core"}, // terminology

		{"pt-br", "Linux em execução como Hyper-V ou convidado do VMware", "", "linux [Hyper-V guest, VMware guest]"},
		{"pt-br", "SQL Server 2019, 2017, 2016 e SPS com suporte, 2014 e SPS com suporte", "",
			"sql-server 2019; sql-server 2017; sql-server 2016 [supported SPs]; sql-server 2014 [supported SPs]"},
		{"pt-br", "Windows Server 2008 SP2 (você precisa instalar o Windows Management Framework)", "",
			"windows-server 2008 [SP2, requires Windows Management Framework]"},
		{"pt-pt", "O SharePoint 2010", "", "sharepoint 2010"},
		{"pt-pt", "Windows Server de 2019", "", "windows-server 2019"},
		{"pt-br", "VMware vCenter/vSphere ESX/ESXi versão de licença 5.5/6.0/6.5", "",
			"vmware-vsphere 5.5 [licensed]; vmware-vsphere 6.0 [licensed]; vmware-vsphere 6.5 [licensed]"},
		{"pt-pt", "Servidor VMware 5.5 ou 6.0 ou 6.5", "", "vmware-vsphere 5.5; vmware-vsphere 6.0; vmware-vsphere 6.5"},
		{"pt-pt", "Windows Server 2016 - não é o Nano Server", "", "windows-server 2016 [not Nano Server]"}, // terminology
		{"pt-br", "(incluindo a edição Windows Server Core)", "", " | shared including Server Core"},        // terminology

		{"ru", "Windows Vista с пакетом обновления 2 (SP2)", "", "windows-client Vista [SP2]"},
		{"ru", "Linux, работающий как Hyper-V или гостевая ОС VMware", "", "linux [Hyper-V guest, VMware guest]"},
		{"ru", "VMware Server 5,5, 6,0 или 6,5, 6,7 (лицензированная версия)", "",
			"vmware-vsphere 5.5 [licensed]; vmware-vsphere 6.0 [licensed]; vmware-vsphere 6.5 [licensed]; vmware-vsphere 6.7 [licensed]"},
		{"ru", "SharePoint 2019, 2016 с последними SPs", "", "sharepoint 2019; sharepoint 2016 [latest SP]"},
		{"ru", "(включая выпуск Windows Server Core)", "", " | shared including Server Core"}, // terminology

		{"sv", "Linux körs som Hyper-V- eller VMware -gäst", "", "linux [Hyper-V guest, VMware guest]"},
		{"sv", "SQL Server 2019, 2017, 2016 och stöd för SPS, 2014 och stödda SPS", "",
			"sql-server 2019; sql-server 2017; sql-server 2016 [supported SPs]; sql-server 2014 [supported SPs]"},
		{"sv", "Windows Server 2008 SP2 (du måste installera Windows Management Framework)", "",
			"windows-server 2008 [SP2, requires Windows Management Framework]"},

		{"tr", "Hyper-V veya VMware konuğu olarak çalışan Linux", "", "linux [Hyper-V guest, VMware guest]"},
		{"tr", "VMware vSphere Lisanslı Sürüm 6.7", "", "vmware-vsphere 6.7 [licensed]"},
		{"tr", "SQL Server 2016 ve desteklenen SP'ler, 2014", "", "sql-server 2016 [supported SPs]; sql-server 2014"}, // terminology

		{"zh-cn", "Windows Server 2012/Windows Server 2012 SP1 - 数据中心和标准版", "",
			"windows-server 2012 [Datacenter, Standard]; windows-server 2012 [SP1, Datacenter, Standard]"},
		{"zh-cn", "Windows Server 2008 R2 SP1 - 标准版和企业版", "", "windows-server 2008 R2 [SP1, Standard, Enterprise]"},
		{"zh-cn", "以 Hyper-V 或 VMware 来宾身份运行的 Linux", "", "linux [Hyper-V guest, VMware guest]"},
		{"zh-cn", "带最新 SP 的 SharePoint 2019、2016", "", "sharepoint 2019 [latest SP]; sharepoint 2016 [latest SP]"},
		{"zh-cn", "Windows Server 2008 SP2（需安装 Windows Management Framework）", "",
			"windows-server 2008 [SP2, requires Windows Management Framework]"},
		{"zh-cn", "VMware 服务器 7.0、6.7、6.5 或 6.0（经许可版本）", "",
			"vmware-vsphere 7.0 [licensed]; vmware-vsphere 6.7 [licensed]; vmware-vsphere 6.5 [licensed]; vmware-vsphere 6.0 [licensed]"},
		{"zh-tw", "當做 Hyper-V 或 VMware 客體執行的 Linux", "", "linux [Hyper-V guest, VMware guest]"},
		{"zh-tw", "SQL Server 2019、2017、2016和支援的 sps、2014和支援的sps", "",
			"sql-server 2019; sql-server 2017; sql-server 2016 [supported SPs]; sql-server 2014 [supported SPs]"},
		{"zh-tw", "VMware 伺服器5.5、6.0 或6.5、6.7 (授權版本)", "",
			"vmware-vsphere 5.5 [licensed]; vmware-vsphere 6.0 [licensed]; vmware-vsphere 6.5 [licensed]; vmware-vsphere 6.7 [licensed]"},
		{"zh-tw", "Windows Server 2016 (不包括 Nano 伺服器)", "", "windows-server 2016 [not Nano Server]"}, // the page's "Not Nano server"

		{"fr", "SharePoint 2019, 2016 avec les derniers Service Packs", "", "sharepoint 2019; sharepoint 2016 [latest SP]"},
		{"es", "SharePoint 2019, 2016 con el Service Pack más reciente", "", "sharepoint 2019; sharepoint 2016 [latest SP]"},

		// What the parser does not read stays a warning, in any language:
		// a service pack before its product (Turkish word order, a machine
		// translation's reordering), a negation after its qualifier.
		{"tr", "SP2 ile SQL Server 2012", "", "sql-server 2012 | ? \"SP2\""},
		{"pl", "Z DODATKIEM SP1, PROGRAM VMM 2012 R2", "", "system-center-vmm 2012 R2 | ? \"Z DODATKIEM SP1\""},
		{"ko", "Windows Server 2016 (Nano 서버 아님)", "", "windows-server 2016 | ? \"(Nano 서버 아님)\""},
	}
	checkParses(t, tests)
}
