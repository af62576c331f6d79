// runtime1.cpp — arguments, environment and the runtime's knobs, as in Go's
// runtime1.go: goargs, goenvs, parsedebugvars (GODEBUG), GOTRACEBACK.
//
// The parsers take plain strings and touch no other runtime state, so the
// host unit tests (test/unit/test_runtime1.cpp) call them directly.
#include "runtime1.h"

#include "runtime.h"

namespace runtime {

dbgVars debug;
int32_t tracebackLevel = 1;  // GOTRACEBACK=single, Go's default
bool tracebackAll;
bool tracebackCrash;
const char* const* goArgv;
int32_t goArgc;

// Decimal integer with an optional '-' (Go's atoi64: no '+'); false unless
// the whole string is one and it fits in int64.
bool atoi(const char* s, int64_t* out) {
    if (s == nullptr || *s == 0) return false;
    bool neg = false;
    if (*s == '-') {
        neg = true;
        s++;
        if (*s == 0) return false;
    }
    uint64_t v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9') return false;
        uint64_t d = (uint64_t)(*s - '0');
        if (v > (UINT64_C(9223372036854775808) - d) / 10) return false;
        v = v * 10 + d;
    }
    if (!neg && v > (uint64_t)INT64_MAX) return false;
    *out = neg ? (int64_t)(0 - v) : (int64_t)v;
    return true;
}

// Auxiliary vector tags (linux/auxvec.h).
enum : uintptr {
    AT_NULL = 0,
    AT_PAGESZ = 6,
    AT_HWCAP = 16,
    AT_RANDOM = 25,
    AT_SYSINFO_EHDR = 33,
};

// Walk the auxiliary vector (tag, value pairs ending with AT_NULL) that the
// kernel puts after envp.
void parseAuxv(const uintptr* auxv, auxvInfo* out) {
    for (int i = 0; auxv[i] != AT_NULL; i += 2) {
        uintptr tag = auxv[i], val = auxv[i + 1];
        switch (tag) {
        case AT_RANDOM: {
            // The kernel provides 16 random bytes at val.
            const unsigned char* r = (const unsigned char*)val;
            uint64_t lo = 0, hi = 0;
            for (int k = 0; k < 8; k++) lo |= (uint64_t)r[k] << (8 * k);
            for (int k = 0; k < 8; k++) hi |= (uint64_t)r[8 + k] << (8 * k);
            out->randomSeed = lo ^ (hi * 0x9E3779B97F4A7C15ull);
            out->haveRandom = true;
            break;
        }
        case AT_PAGESZ: out->pagesz = val; break;
        case AT_HWCAP: out->hwcap = val; break;
        case AT_SYSINFO_EHDR: out->sysinfoEhdr = val; break;
        }
    }
}

// Look key up in an environment block (NULL-terminated "K=V" strings).
const char* envlookup(char* const* env, const char* key) {
    if (env == nullptr || key == nullptr) return nullptr;
    for (; *env; env++) {
        const char* e = *env;
        const char* k = key;
        while (*k && *e == *k) e++, k++;
        if (*k == 0 && *e == '=') return e + 1;
    }
    return nullptr;
}

const char* gogetenv(const char* key) { return envlookup(envp, key); }

// GODEBUG: comma-separated key=value pairs; unknown keys are ignored, a
// malformed value leaves the key at its default (Go's parsedebugvars).
void parseGodebug(const char* s, dbgVars* d) {
    if (s == nullptr) return;
    while (*s) {
        const char* key = s;
        while (*s && *s != '=' && *s != ',') s++;
        size_t klen = (size_t)(s - key);
        char val[32];
        size_t vlen = 0;
        bool hasval = *s == '=';
        if (hasval) {
            s++;
            while (*s && *s != ',') {
                if (vlen < sizeof(val) - 1) val[vlen] = *s;
                vlen++;
                s++;
            }
        }
        if (*s == ',') s++;
        if (!hasval || vlen >= sizeof(val)) continue;
        val[vlen] = 0;
        int64_t v;
        if (!atoi(val, &v)) continue;
        auto is = [&](const char* name) {
            size_t n = 0;
            while (name[n]) n++;
            if (n != klen) return false;
            for (size_t i = 0; i < n; i++)
                if (name[i] != key[i]) return false;
            return true;
        };
        auto clamp32 = [](int64_t x) { return (int32_t)(x > INT32_MAX ? INT32_MAX : x < INT32_MIN ? INT32_MIN : x); };
        if (is("boottrace")) d->boottrace = clamp32(v);
        else if (is("schedtrace")) d->schedtrace = clamp32(v);
        else if (is("scheddetail")) d->scheddetail = clamp32(v);
        else if (is("asyncpreemptoff")) d->asyncpreemptoff = clamp32(v);
        else if (is("schedtracefinal")) d->schedtracefinal = clamp32(v);
        else if (is("maxstack")) d->maxstack = v;
    }
}

// GOMAXPROCS as Go 1.19's schedinit reads it: atoi32 (an optional '-',
// digits, nothing else; "+3" is not a number to Go) and greater than 0, or
// it is ignored. No upper cap: 1.19 has none either (procresize allocates
// what is asked).
bool parseGomaxprocs(const char* s, int32_t* n) {
    int64_t v;
    if (!atoi(s, &v) || v <= 0 || v > INT32_MAX) return false;
    *n = (int32_t)v;
    return true;
}

// GOTRACEBACK, as Go 1.19's setTraceback: none (level 0), single or unset
// (1), all (1, every goroutine), system (2, every goroutine), crash (as
// system, then abort). Anything else lists every goroutine at the level it
// spells as a number that fits in a uint32, or at level 0 ("foo", "-1").
int32_t parseGotraceback(const char* s, bool* all, bool* crash) {
    *all = false;
    *crash = false;
    if (s == nullptr || *s == 0) return 1;
    auto eq = [](const char* a, const char* b) {
        while (*a && *a == *b) a++, b++;
        return *a == *b;
    };
    if (eq(s, "none")) return 0;
    if (eq(s, "single")) return 1;
    *all = true;
    if (eq(s, "all")) return 1;
    if (eq(s, "system")) return 2;
    if (eq(s, "crash")) {
        *crash = true;
        return 2;
    }
    int64_t v;
    if (atoi(s, &v) && v >= 0 && v <= (int64_t)UINT32_MAX) return v > INT32_MAX ? INT32_MAX : (int32_t)v;
    return 0;
}

// The boot trace must know whether to print before schedinit parses GODEBUG
// (steps 1-5 happen first), so it looks for itself as soon as envp is known.
bool boottraceEnabled() {
    static int state = -1;  // -1 unknown; only the boot thread asks before parsedebugvars
    if (state < 0) {
        if (envp == nullptr) return false;
        dbgVars d{};
        parseGodebug(gogetenv("GODEBUG"), &d);
        state = d.boottrace > 0;
    }
    return state > 0;
}

void goargs() {
    goArgv = argv;
    goArgc = argc;
}

void goenvs() {
    // The environment stays where the kernel put it; gogetenv reads envp.
}

void parsedebugvars() {
    parseGodebug(gogetenv("GODEBUG"), &debug);
    tracebackLevel = parseGotraceback(gogetenv("GOTRACEBACK"), &tracebackAll, &tracebackCrash);
}

}  // namespace runtime
