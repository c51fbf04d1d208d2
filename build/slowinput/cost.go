package slowinput

import (
	"runtime"
	"syscall"
	"time"

	"github.com/mabs-matrix/matrixdoc/build/synth"
)

// Ordinary returns a Dutch matrix document of at least size bytes made of
// the generator's ordinary rows (build/synth): the same bytes as a worst
// case, spread over ordinary cells. It is the baseline a worst case's cost
// is compared with.
func Ordinary(size int) []byte {
	// synth writes ~330 bytes a row and ~2 KB around the table; grow the
	// estimate until the document is big enough.
	for rows := max(1, size/330); ; rows += max(1, rows/8) {
		files, err := synth.Generate(synth.Options{Rows: rows, Seed: 1, ExtraWorkloads: -1})
		if err != nil {
			panic(err) // rows >= 1: cannot happen
		}
		if doc := files["nl/"+synth.DocName]; len(doc) >= size {
			return doc
		}
	}
}

// Cost is the CPU time one call of f takes: the least of runs
// measurements (a busy machine only adds time), each repeating f until it
// used at least 10 ms, after a garbage collection so that an earlier
// measurement's garbage is not paid for here. It counts the whole
// process's CPU (the collector's included), so nothing else may run in it
// meanwhile: the tests that call it must not be parallel.
func Cost(f func(), runs int) time.Duration {
	const minCPU = 10 * time.Millisecond
	best := time.Duration(1<<63 - 1)
	for range max(runs, 1) {
		runtime.GC()
		start := CPU()
		n := 0
		var used time.Duration
		for used < minCPU {
			f()
			n++
			used = CPU() - start
		}
		best = min(best, used/time.Duration(n))
	}
	return best
}

// CPU is the user and system CPU time this process used so far. A
// benchmark reports it next to ns/op (wall time), which on a shared
// machine moves with everyone else's work.
func CPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		panic(err) // RUSAGE_SELF with a valid pointer cannot fail
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
