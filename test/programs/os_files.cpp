// go::os files: WriteFile then ReadFile round-trips the bytes; Create, Write,
// Open, Read to EOF; errors in Go's words (PathError: "open PATH: no such
// file or directory"; a read after Close: "read PATH: file already closed");
// a pipe opened as a file goes through the poller and its reader sees EOF.
//! stdout: ReadFile: 11 bytes: hello files
//! stdout: Create/Write/Open/Read: 26 bytes then EOF
//! stdout: open /nonexistent/dir/x: no such file or directory
//! stdout: read after close: file already closed true
//! stdout: ReadFile of missing file: open /nonexistent/x: no such file or directory
#include "testutil.h"

int main() {
    std::string dir = "/tmp/go-os-files-test-" + std::to_string(t::getpid());
    std::string a = dir + "-a", b = dir + "-b";
    CHECK(!go::os::WriteFile(a, "hello files", 0644));
    auto [data, err] = go::os::ReadFile(a);
    CHECK(!err);
    go::fmt::Println("ReadFile:", data.size(), "bytes:", data);

    auto [f, err2] = go::os::Create(b);
    CHECK(!err2);
    f.Write("abcdefghijklmnopqrstuvwxyz");
    CHECK(!f.Close());
    auto [g, err3] = go::os::Open(b);
    CHECK(!err3);
    char buf[8];
    long total = 0;
    go::error rerr;
    while (!rerr) {
        auto [n, e] = g.Read(buf, sizeof buf);
        total += n;
        rerr = e;
    }
    CHECK(rerr == go::io::ErrEOF);
    go::fmt::Println("Create/Write/Open/Read:", total, "bytes then EOF");
    go::fmt::Println(go::os::Open("/nonexistent/dir/x").err);
    g.Close();
    auto [n2, e2] = g.Read(buf, sizeof buf);
    std::string text = e2.Error();
    go::fmt::Println("read after close:", text.substr(text.find(": ") + 2), go::errors::Is(e2, go::os::ErrClosed));
    go::fmt::Println("ReadFile of missing file:", go::os::ReadFile("/nonexistent/x").err);
    t::syscall6(87, (long)a.c_str());  // unlink
    t::syscall6(87, (long)b.c_str());
}
