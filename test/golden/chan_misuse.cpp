// Channel misuse panics: send on a closed channel (in a goroutine), close of
// a closed channel, close of a nil channel.
// (test/golden/README.md: the .go beside this file is the same program.)
#include "go.h"

//
//
static bool is(const char* a, const char* b) { while (*a && *a == *b) a++, b++; return *a == *b; }
//
go::chan<int> c = go::make_chan<int>();
go::chan<int> nilc;
go::chan<int> done = go::make_chan<int>();

__attribute__((noinline))
void sender() { c.send(1); }

int main() {
    const char* k = go::os::Getenv("CASE"); if (!k) k = "";
    if (is(k, "send_closed")) {
        c.close();
        go::go(sender);
        done.recv();
    } else if (is(k, "close_closed")) {
        c.close();
        c.close();
    } else if (is(k, "close_nil")) {
        nilc.close();
    }
}
