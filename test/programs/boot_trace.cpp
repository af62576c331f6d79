// GODEBUG=boottrace=1: one line per boot step on stderr, in Go's order, with
// the real values (issue 2, "Seeing it happen"). main writes a marker to
// stderr so the trace is known to come before main runs.
//! args: first second
//! env: GODEBUG=boottrace=1
//! stdout: main ran
//! stderr-order: [1] | _rt0_amd64_linux | [2] | rt0_go | [3] | settls | [4] | args | [5] | osinit | [6] | schedinit | procresize | [7] | newproc | [8] | mstart | schedule | [9] | runtime.main | main: running
//! stderr-regex: \[1\].*_rt0_amd64_linux.*argc=3
//! stderr-regex: \[2\].*rt0_go.*stack.*0x[0-9a-f]+.*0x[0-9a-f]+
//! stderr-regex: \[3\].*settls.*0x[0-9a-f]+
//! stderr-regex: \[4\].*args.*physPageSize=4096
//! stderr-regex: \[5\].*osinit.*ncpu=[1-9][0-9]*
//! stderr-regex: \[5\].*physHugePageSize=[0-9]+
//! stderr-regex: \[6\].*schedinit.*maxmcount=10000
//! stderr-regex: \[6\].*GOMAXPROCS=[1-9][0-9]*
//! stderr-regex: \[6\].*procresize\([1-9][0-9]*\)
//! stderr-regex: P0.{0,3}_Prunning
//! stderr-regex: \[7\].*newproc.*runtime.main.*g1
//! stderr-regex: \[8\].*mstart
//! stderr-regex: \[9\].*runtime.main.*sysmon.*[0-9]+
//! stderr-regex: \[9\].*static constructor
#include "go.h"
#include "testutil.h"

int main(int argc, char** argv) {
    CHECK_EQ(argc, 3);
    t::write(2, "main: running\n");
    go::fmt::Println("main ran");
    return 0;
}
