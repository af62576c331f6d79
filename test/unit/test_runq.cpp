// Host tests of the run queues (runtime/runq.cpp): the local ring with
// runnext, overflow to the global queue, and stealing between threads.
#include <atomic>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "hosted.h"

using namespace runtime;

namespace {

struct fixture {
    std::vector<g> gs;
    p pp{};
    explicit fixture(size_t n) : gs(n) {
        hosted::attach(&pp);
        gomaxprocs = 1;
        for (size_t i = 0; i < n; i++) gs[i].goid = (int64_t)i + 1;
        sched.runq = gRing{};
        sched.runqsize = 0;
    }
};

std::vector<int64_t> drainLocal(p* pp) {
    std::vector<int64_t> out;
    bool inherit;
    while (g* gp = runqget(pp, &inherit)) out.push_back(gp->goid);
    return out;
}

}  // namespace

TEST_CASE("runq: FIFO order through the ring", "[runq]") {
    fixture f(10);
    for (auto& gp : f.gs) runqput(&f.pp, &gp, false);
    REQUIRE(runqlen(&f.pp) == 10);
    REQUIRE(drainLocal(&f.pp) == std::vector<int64_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    REQUIRE(runqempty(&f.pp));
}

TEST_CASE("runq: runnext runs first and inherits the time slice", "[runq]") {
    fixture f(3);
    runqput(&f.pp, &f.gs[0], false);
    runqput(&f.pp, &f.gs[1], true);
    bool inherit = false;
    g* gp = runqget(&f.pp, &inherit);
    REQUIRE(gp == &f.gs[1]);
    REQUIRE(inherit);
    gp = runqget(&f.pp, &inherit);
    REQUIRE(gp == &f.gs[0]);
    REQUIRE_FALSE(inherit);
}

TEST_CASE("runq: a new runnext kicks the old one to the tail of the ring", "[runq]") {
    fixture f(3);
    runqput(&f.pp, &f.gs[0], true);
    runqput(&f.pp, &f.gs[1], true);
    runqput(&f.pp, &f.gs[2], true);
    REQUIRE(drainLocal(&f.pp) == std::vector<int64_t>{3, 1, 2});
}

TEST_CASE("runq: a full ring moves half of it, plus the new G, to the global queue", "[runq]") {
    fixture f(runqSize + 1);
    for (auto& gp : f.gs) runqput(&f.pp, &gp, false);
    REQUIRE(runqlen(&f.pp) == runqSize / 2);
    REQUIRE(sched.runqsize == runqSize / 2 + 1);
    // The global queue holds the oldest half in order, then the newcomer.
    std::vector<int64_t> global;
    for (uint32_t i = 0; i < sched.runq.size(); i++) global.push_back(sched.runq.at(i)->goid);
    REQUIRE(global.size() == (size_t)runqSize / 2 + 1);
    for (int i = 0; i < runqSize / 2; i++) REQUIRE(global[i] == i + 1);
    REQUIRE(global.back() == runqSize + 1);
    // The local ring keeps the newest half, in order.
    std::vector<int64_t> local = drainLocal(&f.pp);
    REQUIRE(local.front() == runqSize / 2 + 1);
    REQUIRE(local.back() == runqSize);
}

TEST_CASE("runq: globrunqget takes a fair share into the local ring", "[runq]") {
    fixture f(40);
    gomaxprocs = 4;
    for (auto& gp : f.gs) globrunqput(&gp);
    g* first = globrunqget(&f.pp, 0);
    REQUIRE(first == &f.gs[0]);
    // n = runqsize/gomaxprocs + 1 = 11: one returned, ten into the ring.
    REQUIRE(runqlen(&f.pp) == 10);
    REQUIRE(sched.runqsize == 29);
    REQUIRE(globrunqget(&f.pp, 1) == &f.gs[11]);
    REQUIRE(runqlen(&f.pp) == 10);
}

TEST_CASE("runq: runqsteal takes half, and runnext only when asked", "[runq]") {
    fixture f(9);
    p thief{};
    for (int i = 0; i < 8; i++) runqput(&f.pp, &f.gs[i], false);
    runqput(&f.pp, &f.gs[8], true);
    g* gp = runqsteal(&thief, &f.pp, false);
    REQUIRE(gp != nullptr);
    REQUIRE(runqlen(&thief) == 3);  // 4 stolen: one returned, three queued
    REQUIRE(runqlen(&f.pp) == 4);
    // runnext stays with its P while the ring is not empty.
    REQUIRE(atomic::Load(&f.pp.runnext) == &f.gs[8]);
}

TEST_CASE("runq: an empty ring gives up runnext only to stealRunNextG", "[runq]") {
    fixture f(1);
    p thief{};
    runqput(&f.pp, &f.gs[0], true);
    REQUIRE_FALSE(runqempty(&f.pp));
    REQUIRE(runqsteal(&thief, &f.pp, false) == nullptr);
    REQUIRE(runqsteal(&thief, &f.pp, true) == &f.gs[0]);
    REQUIRE(runqempty(&f.pp));
}

TEST_CASE("runq: concurrent stealing sees every G exactly once", "[runq][threads]") {
    constexpr int total = 200000;
    constexpr int thieves = 3;
    std::vector<g> gs(total);
    for (int i = 0; i < total; i++) gs[i].goid = i;
    std::vector<std::atomic<int>> seen(total);
    for (auto& s : seen) s = 0;
    std::vector<p> ps(thieves + 1);
    sched.runq = gRing{};
    sched.runqsize = 0;
    gomaxprocs = thieves + 1;
    std::atomic<bool> done{false};
    std::atomic<int> consumed{0};
    auto consume = [&](g* gp) {
        seen[gp->goid]++;
        consumed++;
    };
    std::vector<std::thread> ts;
    for (int t = 1; t <= thieves; t++) {
        ts.emplace_back([&, t] {
            hosted::attach(&ps[t]);
            bool inherit;
            while (!done || consumed < total) {
                if (g* gp = runqget(&ps[t], &inherit)) {
                    consume(gp);
                    continue;
                }
                if (g* gp = runqsteal(&ps[t], &ps[0], (t & 1) != 0)) consume(gp);
                if (done && consumed >= total) break;
                // Drain what overflowed to the global queue.
                lock(&sched.lock);
                g* gp = globrunqget(&ps[t], 0);
                unlock(&sched.lock);
                if (gp) consume(gp);
            }
        });
    }
    hosted::attach(&ps[0]);
    bool inherit;
    for (int i = 0; i < total; i++) {
        runqput(&ps[0], &gs[i], i % 7 == 0);
        if (i % 3 == 0)
            if (g* gp = runqget(&ps[0], &inherit)) consume(gp);
    }
    while (consumed < total) {
        if (g* gp = runqget(&ps[0], &inherit)) consume(gp);
        else std::this_thread::yield();
    }
    done = true;
    for (auto& t : ts) t.join();
    int dup = 0, missing = 0;
    for (auto& s : seen) {
        if (s == 0) missing++;
        if (s > 1) dup++;
    }
    REQUIRE(missing == 0);
    REQUIRE(dup == 0);
}

TEST_CASE("runq: the global gRing keeps FIFO order across wrap-around and growth", "[runq]") {
    constexpr int n = 5000;  // several doublings past the first 1024 slots
    std::vector<g> gs(n);
    for (int i = 0; i < n; i++) gs[i].goid = i;
    gRing r;
    REQUIRE(r.empty());
    REQUIRE(r.popFront() == nullptr);
    // Interleave pushes and pops so head and tail wrap before each growth.
    int next = 0, popped = 0;
    while (next < n) {
        for (int k = 0; k < 7 && next < n; k++) r.pushBack(&gs[next++]);
        for (int k = 0; k < 3 && popped < next; k++) REQUIRE(r.popFront()->goid == popped++);
    }
    REQUIRE(r.size() == (uint32_t)(n - popped));
    // pushFront puts a G ahead of all others, as globrunqputhead needs.
    g front{};
    front.goid = -1;
    r.pushFront(&front);
    REQUIRE(r.popFront() == &front);
    while (popped < n) REQUIRE(r.popFront()->goid == popped++);
    REQUIRE(r.empty());
    REQUIRE(r.cap >= 1024);
    REQUIRE((r.cap & (r.cap - 1)) == 0);
}

TEST_CASE("runq: pushFront into an empty or full gRing", "[runq]") {
    std::vector<g> gs(1025);
    for (size_t i = 0; i < gs.size(); i++) gs[i].goid = (int64_t)i;
    gRing r;
    r.pushFront(&gs[0]);  // first push allocates
    REQUIRE(r.size() == 1);
    for (size_t i = 1; i < 1024; i++) r.pushBack(&gs[i]);
    REQUIRE(r.size() == r.cap);  // full: the next pushFront must grow
    r.pushFront(&gs[1024]);
    REQUIRE(r.popFront() == &gs[1024]);
    for (size_t i = 0; i < 1024; i++) REQUIRE(r.popFront() == &gs[i]);
    REQUIRE(r.empty());
}
