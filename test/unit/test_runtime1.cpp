// Host tests of argument, environment and knob parsing (runtime/runtime1.cpp)
// and of the vDSO lookup (runtime/vdso_linux.cpp).
#include <stdio.h>
#include <sys/auxv.h>
#include <time.h>

#include <catch2/catch.hpp>

#include "hosted.h"
#include "runtime1.h"

using namespace runtime;

TEST_CASE("atoi accepts exactly decimal integers", "[runtime1]") {
    int64_t v;
    REQUIRE(runtime::atoi("42", &v));
    REQUIRE(v == 42);
    REQUIRE(runtime::atoi("-3", &v));
    REQUIRE(v == -3);
    REQUIRE(runtime::atoi("9223372036854775807", &v));
    REQUIRE(v == INT64_MAX);
    REQUIRE(runtime::atoi("-9223372036854775808", &v));
    REQUIRE(v == INT64_MIN);
    REQUIRE_FALSE(runtime::atoi("9223372036854775808", &v));
    REQUIRE_FALSE(runtime::atoi("", &v));
    REQUIRE_FALSE(runtime::atoi("-", &v));
    REQUIRE_FALSE(runtime::atoi("12x", &v));
    REQUIRE_FALSE(runtime::atoi(" 1", &v));
    REQUIRE_FALSE(runtime::atoi("+1", &v));  // Go's atoi64 takes no '+'
    REQUIRE_FALSE(runtime::atoi(nullptr, &v));
}

TEST_CASE("GOMAXPROCS: a positive integer, anything else ignored", "[runtime1]") {
    int32_t n = -1;
    REQUIRE(parseGomaxprocs("3", &n));
    REQUIRE(n == 3);
    REQUIRE(parseGomaxprocs("2000", &n));
    REQUIRE(n == 2000);  // Go 1.19 has no cap
    for (const char* bad : {"0", "-3", "abc", "", "2.5", "3 ", "+3"}) {
        n = -1;
        REQUIRE_FALSE(parseGomaxprocs(bad, &n));
        REQUIRE(n == -1);
    }
    REQUIRE_FALSE(parseGomaxprocs(nullptr, &n));
}

TEST_CASE("GODEBUG: comma-separated key=value, unknown keys ignored", "[runtime1]") {
    dbgVars d{};
    parseGodebug("schedtrace=1000,scheddetail=1,unknown=5,asyncpreemptoff=1,boottrace=1,maxstack=65536", &d);
    REQUIRE(d.schedtrace == 1000);
    REQUIRE(d.scheddetail == 1);
    REQUIRE(d.asyncpreemptoff == 1);
    REQUIRE(d.boottrace == 1);
    REQUIRE(d.maxstack == 65536);
    dbgVars e{};
    parseGodebug("schedtrace=abc,scheddetail,=3,,asyncpreemptoff=1", &e);
    REQUIRE(e.schedtrace == 0);
    REQUIRE(e.scheddetail == 0);
    REQUIRE(e.asyncpreemptoff == 1);
    dbgVars z{};
    parseGodebug(nullptr, &z);
    parseGodebug("", &z);
    REQUIRE(z.schedtrace == 0);
}

TEST_CASE("GOTRACEBACK levels as Go's setTraceback", "[runtime1]") {
    bool all, crash;
    REQUIRE(parseGotraceback("none", &all, &crash) == 0);
    REQUIRE_FALSE(all);
    REQUIRE(parseGotraceback("single", &all, &crash) == 1);
    REQUIRE_FALSE(all);
    REQUIRE(parseGotraceback(nullptr, &all, &crash) == 1);
    REQUIRE(parseGotraceback("", &all, &crash) == 1);
    REQUIRE(parseGotraceback("all", &all, &crash) == 1);
    REQUIRE(all);
    REQUIRE(parseGotraceback("system", &all, &crash) == 2);
    REQUIRE(all);
    REQUIRE_FALSE(crash);
    REQUIRE(parseGotraceback("crash", &all, &crash) == 2);
    REQUIRE(crash);
    // Anything else: every goroutine, at the level it spells as a uint32, else 0.
    REQUIRE(parseGotraceback("bogus", &all, &crash) == 0);
    REQUIRE(all);
    REQUIRE_FALSE(crash);
    REQUIRE(parseGotraceback("2", &all, &crash) == 2);
    REQUIRE(parseGotraceback("5", &all, &crash) == 5);
    REQUIRE(parseGotraceback("-1", &all, &crash) == 0);
    REQUIRE(all);
}

TEST_CASE("environment lookup", "[runtime1]") {
    char a[] = "HOME=/root", b[] = "GOMAXPROCS=4", c[] = "GOMAXPROCSX=9", d[] = "EMPTY=";
    char* env[] = {a, b, c, d, nullptr};
    REQUIRE(std::string(envlookup(env, "GOMAXPROCS")) == "4");
    REQUIRE(std::string(envlookup(env, "HOME")) == "/root");
    REQUIRE(std::string(envlookup(env, "EMPTY")).empty());
    REQUIRE(envlookup(env, "GOMAX") == nullptr);
    REQUIRE(envlookup(env, "NOPE") == nullptr);
    REQUIRE(envlookup(nullptr, "HOME") == nullptr);
}

TEST_CASE("the vDSO's clock_gettime is found and agrees with the kernel", "[vdso]") {
    uintptr_t ehdr = getauxval(AT_SYSINFO_EHDR);
    if (ehdr == 0) {
        WARN("no vDSO in this process (qemu-user?): skipped");
        REQUIRE_FALSE(vdsoInit(0));
        return;
    }
    REQUIRE(vdsoInit(ehdr));
    REQUIRE(vdsoClockgettimeSym != nullptr);
    auto fn = (int (*)(clockid_t, timespec*))vdsoClockgettimeSym;
    timespec a{}, b{}, c{};
    clock_gettime(CLOCK_MONOTONIC, &a);
    REQUIRE(fn(CLOCK_MONOTONIC, &b) == 0);
    clock_gettime(CLOCK_MONOTONIC, &c);
    auto ns = [](timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; };
    REQUIRE(ns(a) <= ns(b));
    REQUIRE(ns(b) <= ns(c));
}

TEST_CASE("auxv parsing takes what the kernel gave this process", "[runtime1]") {
    // The real auxv of this process, from /proc/self/auxv.
    FILE* f = fopen("/proc/self/auxv", "rb");
    REQUIRE(f != nullptr);
    uintptr_t buf[512];
    size_t n = fread(buf, sizeof(uintptr_t), 512, f);
    fclose(f);
    REQUIRE(n >= 2);
    auxvInfo ai{};
    parseAuxv(buf, &ai);
    auto raw = [&](uintptr_t tag) -> uintptr_t {
        for (size_t i = 0; i + 1 < n && buf[i] != 0; i += 2)
            if (buf[i] == tag) return buf[i + 1];
        return 0;
    };
    REQUIRE(ai.pagesz == getauxval(AT_PAGESZ));
    REQUIRE(ai.hwcap == raw(AT_HWCAP));  // (glibc's getauxval reports its own HWCAP on x86-64)
    REQUIRE(ai.sysinfoEhdr == getauxval(AT_SYSINFO_EHDR));
    REQUIRE(ai.haveRandom);
}

TEST_CASE("auxv parsing: absent entries stay zero, unknown tags are skipped", "[runtime1]") {
    unsigned char random[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    uintptr_t v[] = {6, 16384, 99, 7, 25, (uintptr_t)random, 0, 0};
    auxvInfo ai{};
    parseAuxv(v, &ai);
    REQUIRE(ai.pagesz == 16384);
    REQUIRE(ai.sysinfoEhdr == 0);  // as under qemu-user: no vDSO
    REQUIRE(ai.haveRandom);
    REQUIRE(ai.randomSeed != 0);
    auxvInfo empty{};
    uintptr_t none[] = {0, 0};
    parseAuxv(none, &empty);
    REQUIRE(empty.pagesz == 0);
    REQUIRE_FALSE(empty.haveRandom);
}
