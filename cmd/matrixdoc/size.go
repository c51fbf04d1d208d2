package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/mabs-matrix/matrixdoc/build/source"
)

// byteSize is a flag.Value for a size in bytes written "64MiB", "512KiB",
// "1GiB", "20MB" or plain "1048576". KiB/MiB/GiB (and K/M/G) are powers of
// 1024, kB/MB/GB powers of 1000. Zero means "the default".
type byteSize int64

var sizeUnits = []struct {
	suffix string
	mult   int64
}{ // longest suffixes first
	{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30},
	{"kb", 1e3}, {"mb", 1e6}, {"gb", 1e9},
	{"k", 1 << 10}, {"m", 1 << 20}, {"g", 1 << 30},
	{"b", 1},
}

func (s *byteSize) Set(v string) error {
	t := strings.ToLower(strings.TrimSpace(v))
	mult := int64(1)
	for _, u := range sizeUnits {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 || n > (1<<62)/mult {
		return fmt.Errorf("want a positive size such as 64MiB, 512KiB or 1048576")
	}
	*s = byteSize(n * mult)
	return nil
}

func (s *byteSize) String() string {
	if s == nil || *s == 0 {
		return sizeText(source.MaxFileSize)
	}
	return sizeText(int64(*s))
}

// sizeText writes n in the largest binary unit that divides it.
func sizeText(n int64) string {
	switch {
	case n%(1<<30) == 0:
		return fmt.Sprintf("%dGiB", n>>30)
	case n%(1<<20) == 0:
		return fmt.Sprintf("%dMiB", n>>20)
	case n%(1<<10) == 0:
		return fmt.Sprintf("%dKiB", n>>10)
	}
	return strconv.FormatInt(n, 10)
}
