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
		Fold   map[string]string
		Stop   string
		NT     int
		Words  string
		Groups string
		Rows   string
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
	for i, r := range rows {
		if !slices.Equal(DecodeIDs(r), ix.Rows[i]) {
			t.Errorf("row %d: %v, want %v", i, DecodeIDs(r), ix.Rows[i])
		}
	}
	for i, g := range groups {
		if !slices.Equal(DecodeIDs(g), ix.Groups[i]) {
			t.Errorf("group %d differs", i)
		}
	}
	t.Logf("%s: %d bytes", ix, len(b))
}
