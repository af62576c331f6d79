// Host tests of the runtime's locks (runtime/lock_futex.cpp): the futex
// mutex and the spinmutex exclude each other's critical sections under
// contention from real threads, count themselves in m.locks, and leave the
// lock free.
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "hosted.h"

using namespace runtime;

namespace {

// Each thread adds to a plain counter under the lock, with a read-modify-
// write spread over two statements so that any overlap loses updates.
template <class Mutex> void hammer(Mutex* l, int threads, int iters) {
    static long counter;
    counter = 0;
    std::vector<std::thread> ts;
    std::vector<int> locksAfter(threads, -1);
    std::vector<char> countedInside(threads, 1);  // Catch2 assertions are not thread-safe
    for (int t = 0; t < threads; t++)
        ts.emplace_back([&, t] {
            g* gp = hosted::attach(nullptr);
            for (int i = 0; i < iters; i++) {
                lock(l);
                if (gp->m->locks != 1) countedInside[t] = 0;
                long v = counter;
                __atomic_signal_fence(__ATOMIC_SEQ_CST);
                counter = v + 1;
                unlock(l);
            }
            locksAfter[t] = gp->m->locks;
        });
    for (auto& t : ts) t.join();
    REQUIRE(counter == (long)threads * iters);
    for (int n : locksAfter) REQUIRE(n == 0);
    for (char ok : countedInside) REQUIRE(ok);
    REQUIRE(l->key == 0);
}

}  // namespace

TEST_CASE("lock: the futex mutex excludes under contention", "[lock][threads]") {
    mutex l;
    hammer(&l, 4, 50000);
}

TEST_CASE("lock: the spinmutex excludes under contention", "[lock][threads]") {
    spinmutex l;
    hammer(&l, 4, 50000);
}
