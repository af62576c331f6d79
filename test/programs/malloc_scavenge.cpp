// Freed memory goes back to the OS: after 64 MB of 64-byte objects are
// freed, the background scavenger (run by sysmon, at a bounded rate) brings
// RSS back near the live heap within seconds; FreeOSMemory does it at once.
// Before, the freed pages stayed resident for the life of the process.
//! stdout: ok
//! env-native: WAIT_MS=10000
//! env-qemu: WAIT_MS=30000
//! timeout: 60
//! qemu-timeout: 180
#include "go.h"
#include "testutil.h"

struct Node {
    Node* next;
    char pad[56];
};
static_assert(sizeof(Node) == 64);

constexpr int64_t MB = 1 << 20, objects = 1024 * 1024;  // 64 MB
constexpr int64_t slack = 24 * MB;  // what may stay resident above the start

static Node* fill() {
    Node* head = nullptr;
    for (int64_t i = 0; i < objects; i++) {
        Node* n = new Node;
        n->next = head;
        n->pad[0] = (char)i;
        head = n;
    }
    return head;
}

static void freeAll(Node* n) {
    while (n != nullptr) {
        Node* next = n->next;
        delete n;
        n = next;
    }
}

int main() {
    const int64_t waitMs = t::envInt("WAIT_MS", 5000);
    int64_t r0 = t::rssBytes();
    freeAll(fill());  // warm up: the heap's metadata and caches exist from here on
    go::debug::FreeOSMemory();
    r0 = t::rssBytes();

    Node* list = fill();
    int64_t r1 = t::rssBytes();
    CHECK_MSG(r1 - r0 >= 56 * MB, "the objects were not resident (test is broken)");
    freeAll(list);
    // The background scavenger: no call, only time.
    int64_t start = t::monoMillis();
    bool fell = false;
    while (!(fell = t::rssBytes() <= r0 + slack) && t::monoMillis() - start < waitMs)
        go::time::Sleep(20 * go::time::Millisecond);
    if (!fell) {
        char b[32];
        t::write(2, "RSS stayed at ");
        t::write(2, t::itoa((t::rssBytes() - r0) / MB, b));
        t::write(2, " MB above the start\n");
    }
    CHECK_MSG(fell, "freed memory was not returned to the OS in the background");

    // FreeOSMemory returns it at once.
    list = fill();
    freeAll(list);
    go::debug::FreeOSMemory();
    CHECK_MSG(t::rssBytes() <= r0 + slack, "FreeOSMemory left the freed memory resident");
    t::ok();
    return 0;
}
