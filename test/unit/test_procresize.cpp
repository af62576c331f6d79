// Host tests of procresize's P lists (runtime/procresize.cpp).
#include <vector>

#include <catch2/catch.hpp>

#include "hosted.h"
#include "proc.h"

using namespace runtime;

// What procresize needs from files the host tests do not link.
namespace runtime {
void moveTimers(p*, p*) {}
void stackcacheflush(p*) {}
void gfpurge(p*) {}
m* mget() { return nullptr; }
void mallocinit();
}  // namespace runtime

namespace {

std::vector<int32_t> idleList() {
    std::vector<int32_t> ids;
    for (p* pp = sched.pidle; pp; pp = pp->link) ids.push_back(pp->id);
    return ids;
}

void resetAll() {
    static bool inited;
    if (!inited) {
        mallocinit();
        inited = true;
    }
    g* gp = hosted::attach(nullptr);
    gp->m->p = nullptr;
    for (int32_t i = 0; i < allplen; i++) {
        allp[i]->m = nullptr;
        allp[i]->link = nullptr;
    }
    sched.pidle = nullptr;
    sched.npidle = 0;
    idlepMask = pMask{};
    gomaxprocs = 0;
}

}  // namespace

TEST_CASE("procresize: boot builds allp; P0 runs on this M, the rest are idle", "[procresize]") {
    resetAll();
    REQUIRE(procresize(3) == nullptr);
    REQUIRE(gomaxprocs == 3);
    REQUIRE(allplen == 3);
    g* gp = getg();
    REQUIRE(gp->m->p == allp[0]);
    REQUIRE(allp[0]->status == _Prunning);
    REQUIRE(allp[0]->m == gp->m);
    REQUIRE(allp[1]->status == _Pidle);
    REQUIRE(allp[2]->status == _Pidle);
    REQUIRE(idleList() == std::vector<int32_t>{1, 2});
    REQUIRE(sched.npidle == 2);
    REQUIRE(idlepMask.read(1));
    REQUIRE(idlepMask.read(2));
    REQUIRE_FALSE(idlepMask.read(0));
    for (int32_t i = 0; i < 3; i++) REQUIRE(allp[i]->mcache != nullptr);
    REQUIRE(stealOrder.count == 3);
}

TEST_CASE("procresize: shrinking kills the Ps beyond n and moves their work", "[procresize]") {
    resetAll();
    procresize(4);
    // Give P3 some runnable Gs; shrink to 2 while running on P0.
    std::vector<g> gs(5);
    for (size_t i = 0; i < gs.size(); i++) gs[i].goid = (int64_t)i + 10;
    sched.pidle = nullptr;  // the world is stopped: every P is owned by the stopper
    sched.npidle = 0;
    for (int32_t i = 1; i < 4; i++) allp[i]->status = _Pgcstop;
    runqput(allp[3], &gs[0], false);
    runqput(allp[3], &gs[1], true);
    int32_t before = sched.runqsize;
    p* runnable = procresize(2);
    REQUIRE(gomaxprocs == 2);
    REQUIRE(allplen == 2);
    REQUIRE(allp[3]->status == _Pdead);
    REQUIRE(allp[2]->status == _Pdead);
    REQUIRE(allp[3]->mcache == nullptr);
    REQUIRE(sched.runqsize == before + 2);  // P3's ring and runnext went global
    REQUIRE(runnable == nullptr);
    REQUIRE(idleList() == std::vector<int32_t>{1});
    REQUIRE(getg()->m->p == allp[0]);
    // Growing again revives the dead Ps.
    sched.pidle = nullptr;
    sched.npidle = 0;
    allp[1]->status = _Pgcstop;
    procresize(4);
    REQUIRE(allp[3]->status == _Pidle);
    REQUIRE(allp[3]->mcache != nullptr);
    REQUIRE(idleList() == std::vector<int32_t>{1, 2, 3});
    sched.runq = gRing{};
    sched.runqsize = 0;
}

TEST_CASE("procresize: a P with local work is handed back for scheduling", "[procresize]") {
    resetAll();
    procresize(3);
    sched.pidle = nullptr;
    sched.npidle = 0;
    for (int32_t i = 1; i < 3; i++) allp[i]->status = _Pgcstop;
    g extra{};
    runqput(allp[2], &extra, false);
    p* runnable = procresize(3);
    REQUIRE(runnable == allp[2]);
    REQUIRE(runnable->link == nullptr);
    REQUIRE(idleList() == std::vector<int32_t>{1});
    bool inherit;
    REQUIRE(runqget(allp[2], &inherit) == &extra);
}

TEST_CASE("procresize: acquirep/releasep bind and unbind", "[procresize]") {
    resetAll();
    procresize(2);
    p* pp = releasep();
    REQUIRE(pp == allp[0]);
    REQUIRE(pp->status == _Pidle);
    REQUIRE(pp->m == nullptr);
    REQUIRE(getg()->m->p == nullptr);
    acquirep(pp);
    REQUIRE(pp->status == _Prunning);
    REQUIRE(getg()->m->p == pp);
}

TEST_CASE("stealOrder visits every P exactly once, from any start", "[procresize]") {
    for (uint32_t n : {1u, 2u, 3u, 4u, 7u, 12u, 64u}) {
        stealOrder.reset(n);
        for (uint32_t r = 0; r < 100; r++) {
            std::vector<int> hits(n, 0);
            for (randomEnum e = stealStart(r * 2654435761u); !e.done(); e.next()) hits[e.position()]++;
            for (uint32_t i = 0; i < n; i++) REQUIRE(hits[i] == 1);
        }
    }
}
