// Package rss measures the resident set of the running process, for the
// benchmarks that report memory (parked, tcpidle); bench/bench.h is our side.
package rss

import (
	"os"
	"strconv"
	"strings"
)

// Bytes is the resident set size in bytes: the second field of
// /proc/self/statm, in pages; -1 when the file cannot be read.
func Bytes() int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return -1
	}
	f := strings.Fields(string(b))
	pages, _ := strconv.ParseInt(f[1], 10, 64)
	return pages * 4096
}
