package matrix

// SchemaVersion is the version of the matrix.json format. Adding a field is a
// minor version; removing or renaming one, or changing its meaning, is a major
// version. See README.md, "Data format", for the changelog.
const SchemaVersion = "1.1.0"

// L is a localized string: locale → text.
type L map[string]string

// Span is a piece of rich text: plain text, or a link when Href is set.
type Span struct {
	Text string `json:"text"`
	Href string `json:"href,omitempty"`
}

// Rich is a run of spans: one line of cell text, links intact, no markup.
type Rich []Span

// LRich is localized rich text: locale → text.
type LRich map[string]Rich

// LList is a localized list of rich items: locale → items.
type LList map[string][]Rich

// Model is the whole compiled matrix (matrix.json).
type Model struct {
	Schema        string       `json:"$schema,omitempty"`
	SchemaVersion string       `json:"schemaVersion"`
	Locales       []string     `json:"locales"`
	DefaultLocale string       `json:"defaultLocale"`
	Source        Source       `json:"source"`
	Servers       []Server     `json:"servers"`
	Workloads     []Workload   `json:"workloads"`
	Rows          []Row        `json:"rows"`
	Facts         []Fact       `json:"facts"`
	Sections      []Section    `json:"sections"`
	Vocabularies  Vocabularies `json:"vocabularies"`
}

// Source describes the documents the model was compiled from.
type Source struct {
	Title       L `json:"title"`
	Description L `json:"description"`
	// Date is the default locale's ms.date as YYYY-MM-DD ("" if absent).
	Date string `json:"date,omitempty"`
	// LastHandoff is the default locale's ms.lasthandoff as YYYY-MM-DD.
	LastHandoff string `json:"lastHandoff,omitempty"`
	Files       []File `json:"files"`
}

// File is one source document.
type File struct {
	Locale      string `json:"locale"`
	Path        string `json:"path"`
	SHA256      string `json:"sha256"`
	Date        string `json:"date,omitempty"`
	LastHandoff string `json:"lastHandoff,omitempty"`
}

// Server is one Azure Backup Server release named by a support column.
type Server struct {
	ID   string `json:"id"`   // "v2", "v1", "v3", "v3-ur1"
	Name L      `json:"name"` // the column header as written, per locale
}

// Workload groups rows.
type Workload struct {
	// ID is an English ASCII slug, the same in every locale ("sql-server").
	ID   string   `json:"id"`
	Name L        `json:"name"`
	Rows []string `json:"rows"` // row ids in source order
}

// Row is one table row, merged across locales.
type Row struct {
	// ID is stable, unique and readable: workload--version--targets.
	ID       string `json:"id"`
	Workload string `json:"workload"`
	// Section is the id of the heading the row's table sits under.
	Section string `json:"section,omitempty"`
	// Line is the source line of the row per locale.
	Line     map[string]int      `json:"line"`
	Versions map[string][]string `json:"versions"`
	// Products are the product versions the version cell names (see
	// ProductVersion), in entry order.
	Products      []ProductVersion `json:"products"`
	Installations []Installation   `json:"installations"`
	// Support maps server id → support in that release.
	Support      map[string]Support `json:"support"`
	Protect      LList              `json:"protect"`
	Recover      LList              `json:"recover"`
	Notes        LList              `json:"notes"`
	Capabilities []string           `json:"capabilities"`
	// Extra keeps the text of columns the compiler does not know, by header
	// text of the default locale.
	Extra map[string]LRich `json:"extra,omitempty"`
}

// Installation is one place MABS can protect the workload from.
type Installation struct {
	Target string `json:"target"` // a Target id
	Text   L      `json:"text"`   // the phrase as written, per locale
}

// Support is what one server release supports for a row.
type Support struct {
	Status    string `json:"status"` // a Status id
	Condition LRich  `json:"condition,omitempty"`
}

// Section is a prose section of the document (intro, cluster support, …).
type Section struct {
	ID    string `json:"id"`
	Title L      `json:"title"`
	HTML  L      `json:"html"` // sanitized HTML
}

// Vocabularies lists the closed sets used in rows, with localized labels from
// the strings files, so tools can show them without their own translations.
type Vocabularies struct {
	Targets      []Term `json:"targets"`
	Statuses     []Term `json:"statuses"`
	Capabilities []Term `json:"capabilities"`
}

// Term is one vocabulary entry.
type Term struct {
	ID    string `json:"id"`
	Label L      `json:"label"`
}
