package search

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func TestIDsRoundTrip(t *testing.T) {
	for _, ids := range [][]int32{nil, {0}, {0, 1, 2, 31, 32, 33, 1023, 1024, 1 << 20, 1<<31 - 1}, {5, 100, 100000}} {
		s := string(appendIDs(nil, ids))
		if strings.ContainsAny(s, " \"\\<>&") {
			t.Errorf("%v encodes to %q", ids, s)
		}
		if got := DecodeIDs(s); !slices.Equal(got, ids) && !(len(got) == 0 && len(ids) == 0) {
			t.Errorf("%v → %q → %v", ids, s, got)
		}
	}
}

// The page data is valid JSON and holds the index.
func TestAppendJSON(t *testing.T) {
	ix := seedIndex(t, "nl")
	b := ix.AppendJSON(nil)
	var d struct {
		Fold    map[string]string
		Stop    string
		NT      int
		Words   string
		Groups  string
		Implied map[string]string
		Rows    string
	}
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	if d.NT != ix.NText || strings.Join(ix.Words, " ") != d.Words || !strings.Contains(" "+d.Stop+" ", " op ") {
		t.Errorf("data does not hold the index: nt %d, %d words", d.NT, len(strings.Fields(d.Words)))
	}
	rows := strings.Split(d.Rows, " ")
	groups := strings.Split(d.Groups, " ")
	if len(rows) != len(ix.Rows) || len(groups) != len(ix.Groups) {
		t.Fatalf("%d rows, %d groups; want %d, %d", len(rows), len(groups), len(ix.Rows), len(ix.Groups))
	}
	// A row's groups are its own plus those of its facet values, which the
	// script knows from the facet data: its workload, targets,
	// capabilities and statuses, and the servers.
	m := seed(t)
	for i, r := range rows {
		of := []string{"w:" + m.Rows[i].Workload}
		for _, in := range m.Rows[i].Installations {
			of = append(of, "t:"+in.Target)
		}
		for _, c := range m.Rows[i].Capabilities {
			of = append(of, "c:"+c)
		}
		for _, srv := range m.Servers {
			of = append(of, "st:"+m.Rows[i].Support[srv.ID].Status, "s:"+srv.ID)
		}
		got := DecodeIDs(r)
		for _, k := range of {
			got = append(got, DecodeIDs(d.Implied[k])...)
		}
		slices.Sort(got)
		got = slices.Compact(got)
		if !slices.Equal(got, ix.Rows[i]) {
			t.Errorf("row %d: %v, want %v", i, got, ix.Rows[i])
		}
	}
	for i, g := range groups {
		if !slices.Equal(DecodeIDs(g), ix.Groups[i]) {
			t.Errorf("group %d differs", i)
		}
	}
	t.Logf("%s: %d bytes", ix, len(b))
}
