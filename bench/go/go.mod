// The Go side of the benchmarks: one module, so that the programs can share
// the package rss (tools/bench.sh builds each with `go build ./NAME` here).
module benchgo

go 1.19
