package query

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/mabs-matrix/matrixdoc/build/phrase"
)

// An inventory is the administrator's list of machines: "which of my 300
// servers can this release protect?". It is a CSV with a header row
// naming its columns (any order, any case): the machine (name, machine,
// host, hostname, computer, server), what runs on it (product, software,
// application, workload, version, os) and how it is installed
// (installation, install, target, platform, hosting, type, on). Comma or
// semicolon separated — a Dutch Excel writes semicolons.

// Machine is one line of an inventory.
type Machine struct {
	Name         string `json:"name"`
	Product      string `json:"product"`
	Installation string `json:"installation"`
	// Line is the line of the CSV the machine is on.
	Line int `json:"line"`
}

var columnWords = map[string][]string{
	"name":         {"name", "machine", "host", "hostname", "computer", "server", "naam", "computernaam"},
	"product":      {"product", "software", "application", "app", "workload", "version", "os", "versie", "toepassing"},
	"installation": {"installation", "install", "target", "platform", "hosting", "type", "on", "installatie", "platform"},
}

// ReadInventory reads an inventory CSV.
func ReadInventory(r io.Reader) ([]Machine, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	data = []byte(strings.TrimPrefix(string(data), "\ufeff")) // Excel's BOM
	first, _, _ := strings.Cut(string(data), "\n")
	cr := csv.NewReader(strings.NewReader(string(data)))
	if strings.Count(first, ";") > strings.Count(first, ",") {
		cr.Comma = ';'
	}
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	recs, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("inventory: %w", err)
	}
	if len(recs) == 0 {
		return nil, errors.New("inventory: empty file (want a header row: name, product, installation)")
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		h = phrase.Norm(h)
		for key, words := range columnWords {
			for _, w := range words {
				if _, done := col[key]; !done && h == w {
					col[key] = i
				}
			}
		}
	}
	for _, key := range []string{"name", "product", "installation"} {
		if _, ok := col[key]; !ok {
			return nil, fmt.Errorf("inventory: line 1: no %s column in the header %q (want name, product, installation)", key, recs[0])
		}
	}
	var out []Machine
	for i, rec := range recs[1:] {
		get := func(key string) string {
			if c := col[key]; c < len(rec) {
				return strings.TrimSpace(rec[c])
			}
			return ""
		}
		m := Machine{Name: get("name"), Product: get("product"), Installation: get("installation"), Line: i + 2}
		if m.Name == "" && m.Product == "" && m.Installation == "" {
			continue // an empty line
		}
		out = append(out, m)
	}
	return out, nil
}

// ServerVerdict is what one release says about a machine.
type ServerVerdict struct {
	Server    string  `json:"server"`
	Verdict   Verdict `json:"verdict"`
	Condition string  `json:"condition,omitempty"`
}

// MachineAnswer is the answer for one machine.
type MachineAnswer struct {
	Machine
	// ReadAs is the product version the product column was read as; Target
	// the installation's target id ("" when not understood).
	ReadAs *Version `json:"readAs,omitempty"`
	Target string   `json:"target,omitempty"`
	// Verdict is the best over the releases; Servers the verdict of each.
	Verdict Verdict         `json:"verdict"`
	Servers []ServerVerdict `json:"servers"`
	// Protect is what the matching row protects; Source its file:line.
	Protect []string `json:"protect,omitempty"`
	Source  string   `json:"source,omitempty"`
	// Reason says why not, or what was not understood.
	Reason string `json:"reason,omitempty"`
}

// Inventory is the answer for a whole inventory.
type Inventory struct {
	Servers  []string        `json:"servers"`
	Machines []MachineAnswer `json:"machines"`
	Summary  Summary         `json:"summary"`
}

// Summary counts the machines.
type Summary struct {
	Machines int `json:"machines"`
	// Protectable counts, per release, the machines it protects (a
	// condition included); Conditional those of them only under a condition.
	Protectable map[string]int `json:"protectable"`
	Conditional map[string]int `json:"conditional"`
	// NotProtectable machines no release asked about protects (listed as
	// unsupported), NotListed machines the matrix does not list, and
	// NotUnderstood those whose product or installation was not read.
	NotProtectable int `json:"notProtectable"`
	NotListed      int `json:"notListed"`
	NotUnderstood  int `json:"notUnderstood"`
}

// CheckInventory answers every machine, for one release (server) or all
// (""), with the texts in lang.
func (ix *Index) CheckInventory(ms []Machine, server, lang string) (*Inventory, error) {
	if lang != "" && !slices.Contains(ix.m.Locales, lang) {
		return nil, usage("unknown language %q (the matrix has %s)", lang, strings.Join(ix.m.Locales, ", "))
	}
	inv := &Inventory{Machines: []MachineAnswer{}, Summary: Summary{Protectable: map[string]int{}, Conditional: map[string]int{}}}
	for _, s := range ix.m.Servers {
		if server == "" || s.ID == server {
			inv.Servers = append(inv.Servers, s.ID)
			inv.Summary.Protectable[s.ID] = 0
			inv.Summary.Conditional[s.ID] = 0
		}
	}
	if len(inv.Servers) == 0 {
		return nil, usage("unknown server release %q", server)
	}
	for _, m := range ms {
		ma := ix.machine(m, server, lang, inv.Servers)
		inv.Machines = append(inv.Machines, ma)
		s := &inv.Summary
		s.Machines++
		switch {
		case ma.ReadAs == nil || ma.Target == "":
			s.NotUnderstood++
		case ma.Verdict == NotListed:
			s.NotListed++
		case ma.Verdict == No || ma.Verdict == Unknown:
			s.NotProtectable++
		}
		for _, sv := range ma.Servers {
			if sv.Verdict == Yes || sv.Verdict == Conditional {
				s.Protectable[sv.Server]++
			}
			if sv.Verdict == Conditional {
				s.Conditional[sv.Server]++
			}
		}
	}
	return inv, nil
}

func (ix *Index) machine(m Machine, server, lang string, servers []string) MachineAnswer {
	ma := MachineAnswer{Machine: m, Verdict: NotListed, Servers: []ServerVerdict{}}
	if m.Installation == "" {
		ma.Reason = "no installation given"
		return ma
	}
	a, err := ix.Ask(Question{Text: m.Product, Target: m.Installation, Server: server, Lang: lang})
	if a != nil {
		ma.Target = a.Target
	}
	switch {
	case err != nil:
		ma.Reason = err.Error()
		if t, terr := ix.ResolveTarget(m.Installation, lang); terr == nil {
			ma.Target = t
		}
		return ma
	case a.Ambiguous():
		var c []string
		for _, v := range a.Candidates {
			c = append(c, v.String())
		}
		ma.Reason = "ambiguous: " + strings.Join(c, ", ")
		return ma
	}
	v := a.Query
	ma.ReadAs = &v
	ma.Verdict = a.Verdict
	counted := a.Counted()
	for _, s := range servers {
		sv := ServerVerdict{Server: s, Verdict: NotListed}
		for _, r := range counted {
			if r.Server == s && better(r.Verdict, sv.Verdict) {
				sv.Verdict, sv.Condition = r.Verdict, richText(r.Condition)
			}
		}
		ma.Servers = append(ma.Servers, sv)
	}
	if len(counted) > 0 {
		r := counted[0]
		for _, p := range r.Protect {
			ma.Protect = append(ma.Protect, richText(p))
		}
		ma.Source = r.File + ":" + strconv.Itoa(r.Line)
	}
	var notes []string
	switch ma.Verdict {
	case NotListed:
		notes = append(notes, "the matrix does not list "+v.Name()+" on "+ma.Target)
	case No:
		notes = append(notes, "listed as not supported")
	case Unknown:
		notes = append(notes, "the matrix's value is not understood")
	}
	notes = append(notes, a.Notes...)
	if len(a.Ignored) > 0 {
		notes = append(notes, fmt.Sprintf("not understood: %q", a.Ignored))
	}
	ma.Reason = strings.Join(notes, "; ")
	return ma
}

// ExitCode is `matrixdoc query --inventory`'s exit status: 0 when every
// machine is protectable without a condition, 3 when some only under a
// condition, 1 when some is not protectable, not listed or not understood.
func (inv *Inventory) ExitCode() int {
	code := 0
	for _, m := range inv.Machines {
		switch {
		case m.ReadAs == nil || m.Target == "" || m.Verdict == No || m.Verdict == Unknown || m.Verdict == NotListed:
			return 1
		case m.Verdict == Conditional:
			code = 3
		}
	}
	return code
}

// WriteText writes one line per machine and the summary.
func (inv *Inventory) WriteText(w io.Writer) error {
	width := 4
	for _, m := range inv.Machines {
		width = max(width, len(m.Name))
	}
	var b strings.Builder
	for _, m := range inv.Machines {
		read, target := "?", m.Target
		if m.ReadAs != nil {
			read = m.ReadAs.String()
		}
		if target == "" {
			target = "?"
		}
		parts := []string{}
		for _, s := range m.Servers {
			p := s.Server + " " + s.Verdict.Words()
			if s.Condition != "" {
				p += " (" + s.Condition + ")"
			}
			parts = append(parts, p)
		}
		if len(m.Servers) == 0 {
			parts = append(parts, m.Verdict.Words())
		}
		if len(m.Protect) > 0 && (m.Verdict == Yes || m.Verdict == Conditional) {
			parts = append(parts, "protects "+strings.Join(m.Protect, ", "))
		}
		if m.Reason != "" {
			parts = append(parts, m.Reason)
		}
		fmt.Fprintf(&b, "%-*s  %s (%s) on %s: %s\n", width, m.Name, m.Product, read, target, strings.Join(parts, "; "))
	}
	b.WriteString(inv.Summary.Line(inv.Servers) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// Line is the summary in one line: "20 machines: v2 protects 15 (3 under
// a condition), v1 protects 12; 2 not protectable, 2 not listed, 1 not
// understood".
func (s Summary) Line(servers []string) string {
	var parts []string
	for _, id := range servers {
		p := fmt.Sprintf("%s protects %d", id, s.Protectable[id])
		if c := s.Conditional[id]; c > 0 {
			p += fmt.Sprintf(" (%d under a condition)", c)
		}
		parts = append(parts, p)
	}
	return fmt.Sprintf("%d machines: %s; %d not protectable, %d not listed, %d not understood",
		s.Machines, strings.Join(parts, ", "), s.NotProtectable, s.NotListed, s.NotUnderstood)
}

// WriteCSV writes one record per machine after a header: the input
// columns, what they were read as, a verdict column per release, what is
// protected, the source and the reason.
func (inv *Inventory) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	head := []string{"name", "product", "installation", "read_as", "target", "verdict"}
	for _, s := range inv.Servers {
		head = append(head, s, "condition."+s)
	}
	head = append(head, "protect", "source", "reason")
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, m := range inv.Machines {
		read := ""
		if m.ReadAs != nil {
			read = m.ReadAs.String()
		}
		rec := []string{m.Name, m.Product, m.Installation, read, m.Target, string(m.Verdict)}
		for i := range inv.Servers {
			if i < len(m.Servers) {
				rec = append(rec, string(m.Servers[i].Verdict), m.Servers[i].Condition)
			} else {
				rec = append(rec, string(m.Verdict), "")
			}
		}
		rec = append(rec, strings.Join(m.Protect, " | "), m.Source, m.Reason)
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteJSON writes the inventory as indented JSON.
func (inv *Inventory) WriteJSON(w io.Writer) error {
	b, err := json.MarshalIndent(inv, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
