// fmt.cpp — the engine behind go::fmt (go/fmt.h): Go's fmt/print.go and
// fmt/format.go, with the parts of strconv they use (ftoa, quote, IsPrint)
// and of unicode/utf8, for the argument kinds of detail::Arg.
//
// Structure, top to bottom:
//   Buf          the output: a caller's stack buffer that moves to the heap
//                (mallocgc) when it fills, so one call makes one write.
//   utf8         decode/encode/count as Go does (invalid bytes are one rune).
//   isPrint      strconv.IsPrint over generated range tables.
//   Big, digits  exact float -> decimal conversion (see "Floats" below).
//   ftoa         strconv.AppendFloat's layouts: %e %f %g %b %x.
//   Printer      fmt's flags and verbs; doPrintf/doPrint/doPrintln.
//
// Floats: every decimal digit is computed exactly with a small fixed-size
// big integer (Steele & White / Burger & Dybvig digit generation, "Dragon4"):
// the value is held as a ratio r/s, and each digit is floor(10r/s). Shortest
// mode stops as soon as the digits identify the float (Go's %v, and %e/%f/%g
// without precision); fixed mode stops at the requested digit and rounds
// half to even on the exact remainder. Both give exactly strconv's results.
// No libc and no floating-point arithmetic: the float is only taken apart
// (a float32 argument, widened to double by the caller, is narrowed back).
#include "fmt_impl.h"

namespace go::fmt::detail {
namespace {

// ---- Buf: the output of one call ------------------------------------------

struct Buf {
    char* p;
    size_t len = 0;
    size_t cap;
    bool heap = false;

    Buf(char* stack, size_t n) : p(stack), cap(n) {}
    ~Buf() {
        if (heap) runtime::mfree(p);
    }
    Buf(const Buf&) = delete;
    Buf& operator=(const Buf&) = delete;

    void reserve(size_t extra) {
        if (cap - len < extra) grow(extra);
    }
    void put(char c) {
        reserve(1);
        p[len++] = c;
    }
    void put(const char* s, size_t n) {
        reserve(n);
        __builtin_memcpy(p + len, s, n);
        len += n;
    }
    void puts(const char* s) { put(s, cstrlen(s)); }
    void fill(char c, size_t n) {
        reserve(n);
        __builtin_memset(p + len, c, n);
        len += n;
    }
    // Append n bytes that are already in the buffer at offset from.
    void putSelf(size_t from, size_t n) {
        reserve(n);
        __builtin_memcpy(p + len, p + from, n);
        len += n;
    }
    // n copies of c at offset at, moving what follows (left padding of
    // something formatted in place).
    void insert(size_t at, char c, size_t n) {
        reserve(n);
        __builtin_memmove(p + at + n, p + at, len - at);
        __builtin_memset(p + at, c, n);
        len += n;
    }
    // Drop [at, at+n).
    void erase(size_t at, size_t n) {
        __builtin_memmove(p + at, p + at + n, len - at - n);
        len -= n;
    }
    // Move [from, len) down to at, dropping what was between (scratch).
    void collapse(size_t at, size_t from) { erase(at, from - at); }

    void grow(size_t extra) {
        size_t want = len + extra;
        size_t ncap = cap * 2 > want ? cap * 2 : want;
        if (ncap < 512) ncap = 512;
        char* q = static_cast<char*>(runtime::mallocgc(ncap, false));
        __builtin_memcpy(q, p, len);
        if (heap) runtime::mfree(p);
        p = q;
        cap = ncap;
        heap = true;
    }
};

const char ldigits[] = "0123456789abcdefx";
const char udigits[] = "0123456789ABCDEFX";

// ---- UTF-8, as Go's unicode/utf8 ------------------------------------------

constexpr int32_t RuneError = 0xFFFD;
constexpr int32_t MaxRune = 0x10FFFF;

bool validRune(int32_t r) { return (0 <= r && r < 0xD800) || (0xDFFF < r && r <= MaxRune); }

bool isCont(uint8_t c, uint8_t lo = 0x80, uint8_t hi = 0xBF) { return lo <= c && c <= hi; }

// The rune at s (n > 0 bytes) and its width; an invalid or short encoding is
// (RuneError, 1), exactly as utf8.DecodeRuneInString.
int32_t decodeRune(const char* s, size_t n, int* width) {
    const uint8_t* u = reinterpret_cast<const uint8_t*>(s);
    uint8_t c = u[0];
    *width = 1;
    if (c < 0x80) return c;
    int need;
    uint8_t lo = 0x80, hi = 0xBF;  // the range of the second byte
    if (c >= 0xC2 && c <= 0xDF) need = 1;
    else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0) lo = 0xA0;       // no overlong forms
        else if (c == 0xED) hi = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0) lo = 0x90;
        else if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
    } else {
        return RuneError;
    }
    if (n <= (size_t)need || !isCont(u[1], lo, hi)) return RuneError;
    int32_t r = c & (0x7F >> (need + 1));
    for (int i = 1; i <= need; i++) {
        if (!isCont(u[i])) return RuneError;
        r = (r << 6) | (u[i] & 0x3F);
    }
    *width = need + 1;
    return r;
}

// utf8.EncodeRune: an invalid rune encodes as RuneError. Returns 1..4.
int encodeRune(char* out, int32_t r) {
    uint32_t x = static_cast<uint32_t>(r);
    if (x < 0x80) {
        out[0] = (char)x;
        return 1;
    }
    if (x < 0x800) {
        out[0] = (char)(0xC0 | (x >> 6));
        out[1] = (char)(0x80 | (x & 0x3F));
        return 2;
    }
    if (!validRune(r)) x = RuneError;
    if (x < 0x10000) {
        out[0] = (char)(0xE0 | (x >> 12));
        out[1] = (char)(0x80 | ((x >> 6) & 0x3F));
        out[2] = (char)(0x80 | (x & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (x >> 18));
    out[1] = (char)(0x80 | ((x >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((x >> 6) & 0x3F));
    out[3] = (char)(0x80 | (x & 0x3F));
    return 4;
}

void putRune(Buf& b, int32_t r) {
    char tmp[4];
    b.put(tmp, encodeRune(tmp, r));
}

// Widths are counted in runes, as Go does: an invalid byte is one rune.
size_t runeCount(const char* s, size_t n) {
    size_t count = 0;
    for (size_t i = 0; i < n; count++) {
        int w = 1;
        if ((uint8_t)s[i] >= 0x80) decodeRune(s + i, n - i, &w);
        i += w;
    }
    return count;
}

// ---- strconv.IsPrint ---------------------------------------------------------
// Inclusive ranges of the runes above U+00FF for which Go's strconv.IsPrint
// is true (Go 1.19, Unicode 13). Generated by enumerating strconv.IsPrint
// over every rune in Go: the tables are data, not code; regenerate with
// test/unit/gen_fmt_tables.go (go run it with -isprint).
static const uint16_t kPrint16[] = {
    0x0100,0x0377, 0x037a,0x037f, 0x0384,0x038a, 0x038c,0x038c, 0x038e,0x03a1, 0x03a3,0x052f,
    0x0531,0x0556, 0x0559,0x058a, 0x058d,0x058f, 0x0591,0x05c7, 0x05d0,0x05ea, 0x05ef,0x05f4,
    0x0606,0x061b, 0x061e,0x06dc, 0x06de,0x070d, 0x0710,0x074a, 0x074d,0x07b1, 0x07c0,0x07fa,
    0x07fd,0x082d, 0x0830,0x083e, 0x0840,0x085b, 0x085e,0x085e, 0x0860,0x086a, 0x08a0,0x08b4,
    0x08b6,0x08c7, 0x08d3,0x08e1, 0x08e3,0x0983, 0x0985,0x098c, 0x098f,0x0990, 0x0993,0x09a8,
    0x09aa,0x09b0, 0x09b2,0x09b2, 0x09b6,0x09b9, 0x09bc,0x09c4, 0x09c7,0x09c8, 0x09cb,0x09ce,
    0x09d7,0x09d7, 0x09dc,0x09dd, 0x09df,0x09e3, 0x09e6,0x09fe, 0x0a01,0x0a03, 0x0a05,0x0a0a,
    0x0a0f,0x0a10, 0x0a13,0x0a28, 0x0a2a,0x0a30, 0x0a32,0x0a33, 0x0a35,0x0a36, 0x0a38,0x0a39,
    0x0a3c,0x0a3c, 0x0a3e,0x0a42, 0x0a47,0x0a48, 0x0a4b,0x0a4d, 0x0a51,0x0a51, 0x0a59,0x0a5c,
    0x0a5e,0x0a5e, 0x0a66,0x0a76, 0x0a81,0x0a83, 0x0a85,0x0a8d, 0x0a8f,0x0a91, 0x0a93,0x0aa8,
    0x0aaa,0x0ab0, 0x0ab2,0x0ab3, 0x0ab5,0x0ab9, 0x0abc,0x0ac5, 0x0ac7,0x0ac9, 0x0acb,0x0acd,
    0x0ad0,0x0ad0, 0x0ae0,0x0ae3, 0x0ae6,0x0af1, 0x0af9,0x0aff, 0x0b01,0x0b03, 0x0b05,0x0b0c,
    0x0b0f,0x0b10, 0x0b13,0x0b28, 0x0b2a,0x0b30, 0x0b32,0x0b33, 0x0b35,0x0b39, 0x0b3c,0x0b44,
    0x0b47,0x0b48, 0x0b4b,0x0b4d, 0x0b55,0x0b57, 0x0b5c,0x0b5d, 0x0b5f,0x0b63, 0x0b66,0x0b77,
    0x0b82,0x0b83, 0x0b85,0x0b8a, 0x0b8e,0x0b90, 0x0b92,0x0b95, 0x0b99,0x0b9a, 0x0b9c,0x0b9c,
    0x0b9e,0x0b9f, 0x0ba3,0x0ba4, 0x0ba8,0x0baa, 0x0bae,0x0bb9, 0x0bbe,0x0bc2, 0x0bc6,0x0bc8,
    0x0bca,0x0bcd, 0x0bd0,0x0bd0, 0x0bd7,0x0bd7, 0x0be6,0x0bfa, 0x0c00,0x0c0c, 0x0c0e,0x0c10,
    0x0c12,0x0c28, 0x0c2a,0x0c39, 0x0c3d,0x0c44, 0x0c46,0x0c48, 0x0c4a,0x0c4d, 0x0c55,0x0c56,
    0x0c58,0x0c5a, 0x0c60,0x0c63, 0x0c66,0x0c6f, 0x0c77,0x0c8c, 0x0c8e,0x0c90, 0x0c92,0x0ca8,
    0x0caa,0x0cb3, 0x0cb5,0x0cb9, 0x0cbc,0x0cc4, 0x0cc6,0x0cc8, 0x0cca,0x0ccd, 0x0cd5,0x0cd6,
    0x0cde,0x0cde, 0x0ce0,0x0ce3, 0x0ce6,0x0cef, 0x0cf1,0x0cf2, 0x0d00,0x0d0c, 0x0d0e,0x0d10,
    0x0d12,0x0d44, 0x0d46,0x0d48, 0x0d4a,0x0d4f, 0x0d54,0x0d63, 0x0d66,0x0d7f, 0x0d81,0x0d83,
    0x0d85,0x0d96, 0x0d9a,0x0db1, 0x0db3,0x0dbb, 0x0dbd,0x0dbd, 0x0dc0,0x0dc6, 0x0dca,0x0dca,
    0x0dcf,0x0dd4, 0x0dd6,0x0dd6, 0x0dd8,0x0ddf, 0x0de6,0x0def, 0x0df2,0x0df4, 0x0e01,0x0e3a,
    0x0e3f,0x0e5b, 0x0e81,0x0e82, 0x0e84,0x0e84, 0x0e86,0x0e8a, 0x0e8c,0x0ea3, 0x0ea5,0x0ea5,
    0x0ea7,0x0ebd, 0x0ec0,0x0ec4, 0x0ec6,0x0ec6, 0x0ec8,0x0ecd, 0x0ed0,0x0ed9, 0x0edc,0x0edf,
    0x0f00,0x0f47, 0x0f49,0x0f6c, 0x0f71,0x0f97, 0x0f99,0x0fbc, 0x0fbe,0x0fcc, 0x0fce,0x0fda,
    0x1000,0x10c5, 0x10c7,0x10c7, 0x10cd,0x10cd, 0x10d0,0x1248, 0x124a,0x124d, 0x1250,0x1256,
    0x1258,0x1258, 0x125a,0x125d, 0x1260,0x1288, 0x128a,0x128d, 0x1290,0x12b0, 0x12b2,0x12b5,
    0x12b8,0x12be, 0x12c0,0x12c0, 0x12c2,0x12c5, 0x12c8,0x12d6, 0x12d8,0x1310, 0x1312,0x1315,
    0x1318,0x135a, 0x135d,0x137c, 0x1380,0x1399, 0x13a0,0x13f5, 0x13f8,0x13fd, 0x1400,0x167f,
    0x1681,0x169c, 0x16a0,0x16f8, 0x1700,0x170c, 0x170e,0x1714, 0x1720,0x1736, 0x1740,0x1753,
    0x1760,0x176c, 0x176e,0x1770, 0x1772,0x1773, 0x1780,0x17dd, 0x17e0,0x17e9, 0x17f0,0x17f9,
    0x1800,0x180d, 0x1810,0x1819, 0x1820,0x1878, 0x1880,0x18aa, 0x18b0,0x18f5, 0x1900,0x191e,
    0x1920,0x192b, 0x1930,0x193b, 0x1940,0x1940, 0x1944,0x196d, 0x1970,0x1974, 0x1980,0x19ab,
    0x19b0,0x19c9, 0x19d0,0x19da, 0x19de,0x1a1b, 0x1a1e,0x1a5e, 0x1a60,0x1a7c, 0x1a7f,0x1a89,
    0x1a90,0x1a99, 0x1aa0,0x1aad, 0x1ab0,0x1ac0, 0x1b00,0x1b4b, 0x1b50,0x1b7c, 0x1b80,0x1bf3,
    0x1bfc,0x1c37, 0x1c3b,0x1c49, 0x1c4d,0x1c88, 0x1c90,0x1cba, 0x1cbd,0x1cc7, 0x1cd0,0x1cfa,
    0x1d00,0x1df9, 0x1dfb,0x1f15, 0x1f18,0x1f1d, 0x1f20,0x1f45, 0x1f48,0x1f4d, 0x1f50,0x1f57,
    0x1f59,0x1f59, 0x1f5b,0x1f5b, 0x1f5d,0x1f5d, 0x1f5f,0x1f7d, 0x1f80,0x1fb4, 0x1fb6,0x1fc4,
    0x1fc6,0x1fd3, 0x1fd6,0x1fdb, 0x1fdd,0x1fef, 0x1ff2,0x1ff4, 0x1ff6,0x1ffe, 0x2010,0x2027,
    0x2030,0x205e, 0x2070,0x2071, 0x2074,0x208e, 0x2090,0x209c, 0x20a0,0x20bf, 0x20d0,0x20f0,
    0x2100,0x218b, 0x2190,0x2426, 0x2440,0x244a, 0x2460,0x2b73, 0x2b76,0x2b95, 0x2b97,0x2c2e,
    0x2c30,0x2c5e, 0x2c60,0x2cf3, 0x2cf9,0x2d25, 0x2d27,0x2d27, 0x2d2d,0x2d2d, 0x2d30,0x2d67,
    0x2d6f,0x2d70, 0x2d7f,0x2d96, 0x2da0,0x2da6, 0x2da8,0x2dae, 0x2db0,0x2db6, 0x2db8,0x2dbe,
    0x2dc0,0x2dc6, 0x2dc8,0x2dce, 0x2dd0,0x2dd6, 0x2dd8,0x2dde, 0x2de0,0x2e52, 0x2e80,0x2e99,
    0x2e9b,0x2ef3, 0x2f00,0x2fd5, 0x2ff0,0x2ffb, 0x3001,0x303f, 0x3041,0x3096, 0x3099,0x30ff,
    0x3105,0x312f, 0x3131,0x318e, 0x3190,0x31e3, 0x31f0,0x321e, 0x3220,0x9ffc, 0xa000,0xa48c,
    0xa490,0xa4c6, 0xa4d0,0xa62b, 0xa640,0xa6f7, 0xa700,0xa7bf, 0xa7c2,0xa7ca, 0xa7f5,0xa82c,
    0xa830,0xa839, 0xa840,0xa877, 0xa880,0xa8c5, 0xa8ce,0xa8d9, 0xa8e0,0xa953, 0xa95f,0xa97c,
    0xa980,0xa9cd, 0xa9cf,0xa9d9, 0xa9de,0xa9fe, 0xaa00,0xaa36, 0xaa40,0xaa4d, 0xaa50,0xaa59,
    0xaa5c,0xaac2, 0xaadb,0xaaf6, 0xab01,0xab06, 0xab09,0xab0e, 0xab11,0xab16, 0xab20,0xab26,
    0xab28,0xab2e, 0xab30,0xab6b, 0xab70,0xabed, 0xabf0,0xabf9, 0xac00,0xd7a3, 0xd7b0,0xd7c6,
    0xd7cb,0xd7fb, 0xf900,0xfa6d, 0xfa70,0xfad9, 0xfb00,0xfb06, 0xfb13,0xfb17, 0xfb1d,0xfb36,
    0xfb38,0xfb3c, 0xfb3e,0xfb3e, 0xfb40,0xfb41, 0xfb43,0xfb44, 0xfb46,0xfbc1, 0xfbd3,0xfd3f,
    0xfd50,0xfd8f, 0xfd92,0xfdc7, 0xfdf0,0xfdfd, 0xfe00,0xfe19, 0xfe20,0xfe52, 0xfe54,0xfe66,
    0xfe68,0xfe6b, 0xfe70,0xfe74, 0xfe76,0xfefc, 0xff01,0xffbe, 0xffc2,0xffc7, 0xffca,0xffcf,
    0xffd2,0xffd7, 0xffda,0xffdc, 0xffe0,0xffe6, 0xffe8,0xffee, 0xfffc,0xfffd,
};
static const uint32_t kPrint32[] = {
    0x10000,0x1000b, 0x1000d,0x10026, 0x10028,0x1003a, 0x1003c,0x1003d, 0x1003f,0x1004d,
    0x10050,0x1005d, 0x10080,0x100fa, 0x10100,0x10102, 0x10107,0x10133, 0x10137,0x1018e,
    0x10190,0x1019c, 0x101a0,0x101a0, 0x101d0,0x101fd, 0x10280,0x1029c, 0x102a0,0x102d0,
    0x102e0,0x102fb, 0x10300,0x10323, 0x1032d,0x1034a, 0x10350,0x1037a, 0x10380,0x1039d,
    0x1039f,0x103c3, 0x103c8,0x103d5, 0x10400,0x1049d, 0x104a0,0x104a9, 0x104b0,0x104d3,
    0x104d8,0x104fb, 0x10500,0x10527, 0x10530,0x10563, 0x1056f,0x1056f, 0x10600,0x10736,
    0x10740,0x10755, 0x10760,0x10767, 0x10800,0x10805, 0x10808,0x10808, 0x1080a,0x10835,
    0x10837,0x10838, 0x1083c,0x1083c, 0x1083f,0x10855, 0x10857,0x1089e, 0x108a7,0x108af,
    0x108e0,0x108f2, 0x108f4,0x108f5, 0x108fb,0x1091b, 0x1091f,0x10939, 0x1093f,0x1093f,
    0x10980,0x109b7, 0x109bc,0x109cf, 0x109d2,0x10a03, 0x10a05,0x10a06, 0x10a0c,0x10a13,
    0x10a15,0x10a17, 0x10a19,0x10a35, 0x10a38,0x10a3a, 0x10a3f,0x10a48, 0x10a50,0x10a58,
    0x10a60,0x10a9f, 0x10ac0,0x10ae6, 0x10aeb,0x10af6, 0x10b00,0x10b35, 0x10b39,0x10b55,
    0x10b58,0x10b72, 0x10b78,0x10b91, 0x10b99,0x10b9c, 0x10ba9,0x10baf, 0x10c00,0x10c48,
    0x10c80,0x10cb2, 0x10cc0,0x10cf2, 0x10cfa,0x10d27, 0x10d30,0x10d39, 0x10e60,0x10e7e,
    0x10e80,0x10ea9, 0x10eab,0x10ead, 0x10eb0,0x10eb1, 0x10f00,0x10f27, 0x10f30,0x10f59,
    0x10fb0,0x10fcb, 0x10fe0,0x10ff6, 0x11000,0x1104d, 0x11052,0x1106f, 0x1107f,0x110bc,
    0x110be,0x110c1, 0x110d0,0x110e8, 0x110f0,0x110f9, 0x11100,0x11134, 0x11136,0x11147,
    0x11150,0x11176, 0x11180,0x111df, 0x111e1,0x111f4, 0x11200,0x11211, 0x11213,0x1123e,
    0x11280,0x11286, 0x11288,0x11288, 0x1128a,0x1128d, 0x1128f,0x1129d, 0x1129f,0x112a9,
    0x112b0,0x112ea, 0x112f0,0x112f9, 0x11300,0x11303, 0x11305,0x1130c, 0x1130f,0x11310,
    0x11313,0x11328, 0x1132a,0x11330, 0x11332,0x11333, 0x11335,0x11339, 0x1133b,0x11344,
    0x11347,0x11348, 0x1134b,0x1134d, 0x11350,0x11350, 0x11357,0x11357, 0x1135d,0x11363,
    0x11366,0x1136c, 0x11370,0x11374, 0x11400,0x1145b, 0x1145d,0x11461, 0x11480,0x114c7,
    0x114d0,0x114d9, 0x11580,0x115b5, 0x115b8,0x115dd, 0x11600,0x11644, 0x11650,0x11659,
    0x11660,0x1166c, 0x11680,0x116b8, 0x116c0,0x116c9, 0x11700,0x1171a, 0x1171d,0x1172b,
    0x11730,0x1173f, 0x11800,0x1183b, 0x118a0,0x118f2, 0x118ff,0x11906, 0x11909,0x11909,
    0x1190c,0x11913, 0x11915,0x11916, 0x11918,0x11935, 0x11937,0x11938, 0x1193b,0x11946,
    0x11950,0x11959, 0x119a0,0x119a7, 0x119aa,0x119d7, 0x119da,0x119e4, 0x11a00,0x11a47,
    0x11a50,0x11aa2, 0x11ac0,0x11af8, 0x11c00,0x11c08, 0x11c0a,0x11c36, 0x11c38,0x11c45,
    0x11c50,0x11c6c, 0x11c70,0x11c8f, 0x11c92,0x11ca7, 0x11ca9,0x11cb6, 0x11d00,0x11d06,
    0x11d08,0x11d09, 0x11d0b,0x11d36, 0x11d3a,0x11d3a, 0x11d3c,0x11d3d, 0x11d3f,0x11d47,
    0x11d50,0x11d59, 0x11d60,0x11d65, 0x11d67,0x11d68, 0x11d6a,0x11d8e, 0x11d90,0x11d91,
    0x11d93,0x11d98, 0x11da0,0x11da9, 0x11ee0,0x11ef8, 0x11fb0,0x11fb0, 0x11fc0,0x11ff1,
    0x11fff,0x12399, 0x12400,0x1246e, 0x12470,0x12474, 0x12480,0x12543, 0x13000,0x1342e,
    0x14400,0x14646, 0x16800,0x16a38, 0x16a40,0x16a5e, 0x16a60,0x16a69, 0x16a6e,0x16a6f,
    0x16ad0,0x16aed, 0x16af0,0x16af5, 0x16b00,0x16b45, 0x16b50,0x16b59, 0x16b5b,0x16b61,
    0x16b63,0x16b77, 0x16b7d,0x16b8f, 0x16e40,0x16e9a, 0x16f00,0x16f4a, 0x16f4f,0x16f87,
    0x16f8f,0x16f9f, 0x16fe0,0x16fe4, 0x16ff0,0x16ff1, 0x17000,0x187f7, 0x18800,0x18cd5,
    0x18d00,0x18d08, 0x1b000,0x1b11e, 0x1b150,0x1b152, 0x1b164,0x1b167, 0x1b170,0x1b2fb,
    0x1bc00,0x1bc6a, 0x1bc70,0x1bc7c, 0x1bc80,0x1bc88, 0x1bc90,0x1bc99, 0x1bc9c,0x1bc9f,
    0x1d000,0x1d0f5, 0x1d100,0x1d126, 0x1d129,0x1d172, 0x1d17b,0x1d1e8, 0x1d200,0x1d245,
    0x1d2e0,0x1d2f3, 0x1d300,0x1d356, 0x1d360,0x1d378, 0x1d400,0x1d454, 0x1d456,0x1d49c,
    0x1d49e,0x1d49f, 0x1d4a2,0x1d4a2, 0x1d4a5,0x1d4a6, 0x1d4a9,0x1d4ac, 0x1d4ae,0x1d4b9,
    0x1d4bb,0x1d4bb, 0x1d4bd,0x1d4c3, 0x1d4c5,0x1d505, 0x1d507,0x1d50a, 0x1d50d,0x1d514,
    0x1d516,0x1d51c, 0x1d51e,0x1d539, 0x1d53b,0x1d53e, 0x1d540,0x1d544, 0x1d546,0x1d546,
    0x1d54a,0x1d550, 0x1d552,0x1d6a5, 0x1d6a8,0x1d7cb, 0x1d7ce,0x1da8b, 0x1da9b,0x1da9f,
    0x1daa1,0x1daaf, 0x1e000,0x1e006, 0x1e008,0x1e018, 0x1e01b,0x1e021, 0x1e023,0x1e024,
    0x1e026,0x1e02a, 0x1e100,0x1e12c, 0x1e130,0x1e13d, 0x1e140,0x1e149, 0x1e14e,0x1e14f,
    0x1e2c0,0x1e2f9, 0x1e2ff,0x1e2ff, 0x1e800,0x1e8c4, 0x1e8c7,0x1e8d6, 0x1e900,0x1e94b,
    0x1e950,0x1e959, 0x1e95e,0x1e95f, 0x1ec71,0x1ecb4, 0x1ed01,0x1ed3d, 0x1ee00,0x1ee03,
    0x1ee05,0x1ee1f, 0x1ee21,0x1ee22, 0x1ee24,0x1ee24, 0x1ee27,0x1ee27, 0x1ee29,0x1ee32,
    0x1ee34,0x1ee37, 0x1ee39,0x1ee39, 0x1ee3b,0x1ee3b, 0x1ee42,0x1ee42, 0x1ee47,0x1ee47,
    0x1ee49,0x1ee49, 0x1ee4b,0x1ee4b, 0x1ee4d,0x1ee4f, 0x1ee51,0x1ee52, 0x1ee54,0x1ee54,
    0x1ee57,0x1ee57, 0x1ee59,0x1ee59, 0x1ee5b,0x1ee5b, 0x1ee5d,0x1ee5d, 0x1ee5f,0x1ee5f,
    0x1ee61,0x1ee62, 0x1ee64,0x1ee64, 0x1ee67,0x1ee6a, 0x1ee6c,0x1ee72, 0x1ee74,0x1ee77,
    0x1ee79,0x1ee7c, 0x1ee7e,0x1ee7e, 0x1ee80,0x1ee89, 0x1ee8b,0x1ee9b, 0x1eea1,0x1eea3,
    0x1eea5,0x1eea9, 0x1eeab,0x1eebb, 0x1eef0,0x1eef1, 0x1f000,0x1f02b, 0x1f030,0x1f093,
    0x1f0a0,0x1f0ae, 0x1f0b1,0x1f0bf, 0x1f0c1,0x1f0cf, 0x1f0d1,0x1f0f5, 0x1f100,0x1f1ad,
    0x1f1e6,0x1f202, 0x1f210,0x1f23b, 0x1f240,0x1f248, 0x1f250,0x1f251, 0x1f260,0x1f265,
    0x1f300,0x1f6d7, 0x1f6e0,0x1f6ec, 0x1f6f0,0x1f6fc, 0x1f700,0x1f773, 0x1f780,0x1f7d8,
    0x1f7e0,0x1f7eb, 0x1f800,0x1f80b, 0x1f810,0x1f847, 0x1f850,0x1f859, 0x1f860,0x1f887,
    0x1f890,0x1f8ad, 0x1f8b0,0x1f8b1, 0x1f900,0x1f978, 0x1f97a,0x1f9cb, 0x1f9cd,0x1fa53,
    0x1fa60,0x1fa6d, 0x1fa70,0x1fa74, 0x1fa78,0x1fa7a, 0x1fa80,0x1fa86, 0x1fa90,0x1faa8,
    0x1fab0,0x1fab6, 0x1fac0,0x1fac2, 0x1fad0,0x1fad6, 0x1fb00,0x1fb92, 0x1fb94,0x1fbca,
    0x1fbf0,0x1fbf9, 0x20000,0x2a6dd, 0x2a700,0x2b734, 0x2b740,0x2b81d, 0x2b820,0x2cea1,
    0x2ceb0,0x2ebe0, 0x2f800,0x2fa1d, 0x30000,0x3134a, 0xe0100,0xe01ef,
};

template <class T, size_t N> bool inRanges(const T (&tab)[N], uint32_t r) {
    size_t lo = 0, hi = N / 2;  // find the last pair whose start is <= r
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (tab[2 * mid] <= r) lo = mid + 1;
        else hi = mid;
    }
    return lo > 0 && r <= tab[2 * (lo - 1) + 1];
}

}  // namespace

bool isPrint(int32_t r) {
    if (r <= 0xFF) {
        if (0x20 <= r && r <= 0x7E) return true;
        if (0xA1 <= r && r <= 0xFF) return r != 0xAD;  // soft hyphen
        return false;
    }
    if (r < 0x10000) return inRanges(kPrint16, (uint32_t)r);
    if (r > MaxRune) return false;
    return inRanges(kPrint32, (uint32_t)r);
}

namespace {

// ---- Big: just enough of a big natural number for digit generation ------
// The largest number in play is below 2^815 (see setupRatio; 26 limbs were
// the most seen over millions of conversions, subnormals and %.1100f
// included), so 28 32-bit limbs suffice: 112 bytes, three per conversion.
// Limbs are little-endian; n counts the used ones (0 is zero).
constexpr int BigLimbs = 28;

struct Big {
    int n;
    uint32_t d[BigLimbs];
};

void bigTrim(Big& a) {
    while (a.n > 0 && a.d[a.n - 1] == 0) a.n--;
}

void bigSet(Big& a, uint64_t v) {
    a.n = 0;
    while (v) {
        a.d[a.n++] = (uint32_t)v;
        v >>= 32;
    }
}

void bigMulSmall(Big& a, uint32_t m) {
    uint64_t carry = 0;
    for (int i = 0; i < a.n; i++) {
        uint64_t t = (uint64_t)a.d[i] * m + carry;
        a.d[i] = (uint32_t)t;
        carry = t >> 32;
    }
    if (carry) a.d[a.n++] = (uint32_t)carry;
}

void bigMulPow5(Big& a, int k) {
    static const uint32_t pow5[13] = {1,       5,        25,        125,        625,       3125,     15625,
                                      78125,   390625,   1953125,   9765625,    48828125,  244140625};
    for (; k >= 13; k -= 13) bigMulSmall(a, 1220703125u);  // 5^13, the largest that fits
    if (k > 0) bigMulSmall(a, pow5[k]);
}

void bigShl(Big& a, int bits) {
    if (a.n == 0 || bits == 0) return;
    int limbs = bits / 32, sh = bits % 32;
    if (sh) {
        uint32_t carry = 0;
        for (int i = 0; i < a.n; i++) {
            uint32_t x = a.d[i];
            a.d[i] = (x << sh) | carry;
            carry = x >> (32 - sh);
        }
        if (carry) a.d[a.n++] = carry;
    }
    if (limbs) {
        for (int i = a.n - 1; i >= 0; i--) a.d[i + limbs] = a.d[i];
        for (int i = 0; i < limbs; i++) a.d[i] = 0;
        a.n += limbs;
    }
}

int bigCmp(const Big& a, const Big& b) {
    if (a.n != b.n) return a.n < b.n ? -1 : 1;
    for (int i = a.n - 1; i >= 0; i--)
        if (a.d[i] != b.d[i]) return a.d[i] < b.d[i] ? -1 : 1;
    return 0;
}

void bigAdd(Big& a, const Big& b) {
    int n = a.n > b.n ? a.n : b.n;
    uint64_t carry = 0;
    for (int i = 0; i < n; i++) {
        uint64_t t = (uint64_t)(i < a.n ? a.d[i] : 0) + (i < b.n ? b.d[i] : 0) + carry;
        a.d[i] = (uint32_t)t;
        carry = t >> 32;
    }
    a.n = n;
    if (carry) a.d[a.n++] = (uint32_t)carry;
}

// a -= b; a >= b.
void bigSub(Big& a, const Big& b) {
    uint64_t borrow = 0;
    for (int i = 0; i < a.n; i++) {
        uint64_t t = (uint64_t)a.d[i] - (i < b.n ? b.d[i] : 0) - borrow;
        a.d[i] = (uint32_t)t;
        borrow = (t >> 32) & 1;  // wrapped below zero
    }
    bigTrim(a);
}

// One decimal digit: q = floor(r/s), r = r mod s, for r < 10s. s must be
// normalized (top limb's high bit set) so that the estimate from the top
// limbs is at most one or two short; the loop makes it exact.
uint32_t bigDivDigit(Big& r, const Big& s) {
    int n = s.n;
    if (bigCmp(r, s) < 0) return 0;
    uint64_t top = r.n > n ? ((uint64_t)r.d[n] << 32) | r.d[n - 1] : r.d[n - 1];
    uint32_t q = (uint32_t)(top / ((uint64_t)s.d[n - 1] + 1));
    if (q) {  // r -= q*s
        uint64_t carry = 0, borrow = 0;
        for (int i = 0; i < n; i++) {
            uint64_t prod = (uint64_t)q * s.d[i] + carry;
            carry = prod >> 32;
            uint64_t t = (uint64_t)r.d[i] - (uint32_t)prod - borrow;
            r.d[i] = (uint32_t)t;
            borrow = (t >> 32) & 1;
        }
        if (r.n > n) r.d[n] = (uint32_t)(r.d[n] - carry - borrow);
        bigTrim(r);
    }
    while (bigCmp(r, s) >= 0) {
        bigSub(r, s);
        q++;
    }
    return q;
}

// ---- Exact decimal digits of a float ---------------------------------------

// The digits d1 d2 ... dnd of value 0.d1d2...dnd × 10^dp, stored in the
// output buffer at offset at (scratch that ftoa then lays out), trailing
// zeros trimmed, like strconv's decimalSlice. Zero is nd = dp = 0.
struct Digits {
    size_t at;
    int nd;
    int dp;
};

// value/10^k = r/s, and mm is the lower half-gap to the neighbouring float
// in the same scale. The upper half-gap is mm, or 2mm when the gaps are
// unequal (the float is a power of two: the float below is closer).
struct Ratio {
    Big r, s, mm;
    int k;
};

// Set up r/s for v = mant·2^exp. In units of 2^(exp-2) the value is 4·mant
// and the half-gaps are 2 (1 below a power of two), so r, s and mm are
// integers; powers of two common to r and s are left out to keep them short
// (the worst case, the largest subnormals, stays under 2^780).
//
// k starts from floor(log2 v)·log10(2), which is at most the decimal
// exponent; the callers raise it until r/s < 1.
void setupRatio(Ratio& x, uint64_t mant, int exp, bool unequal) {
    int e2 = exp + 63 - __builtin_clzll(mant);  // floor(log2 v)
    int k = (e2 * 78913) >> 18;                 // 78913/2^18 ~ log10(2); C++20 >> floors
    int t = exp - 2 - k;                        // net power of two of v/10^k
    bigSet(x.r, mant << 2);
    bigSet(x.s, 1);
    bigSet(x.mm, unequal ? 1 : 2);
    if (t > 0) {
        bigShl(x.r, t);
        bigShl(x.mm, t);
    } else {
        bigShl(x.s, -t);
    }
    if (k > 0) {
        bigMulPow5(x.s, k);
    } else {
        bigMulPow5(x.r, -k);
        bigMulPow5(x.mm, -k);
    }
    x.k = k;
}

// Shift everything so s's top limb has its high bit set (for bigDivDigit).
void normalize(Ratio& x) {
    int sh = __builtin_clz(x.s.d[x.s.n - 1]);
    bigShl(x.s, sh);
    bigShl(x.r, sh);
    bigShl(x.mm, sh);
}

// Whether r + (upper half-gap) reaches s: the upper end of the interval of
// decimals that read back as this float is at or past 10^k. Adds and takes
// back the gap in place rather than needing a fourth big number.
int cmpHigh(Ratio& x, bool unequal) {
    bigAdd(x.r, x.mm);
    if (unequal) bigAdd(x.r, x.mm);
    int c = bigCmp(x.r, x.s);
    bigSub(x.r, x.mm);
    if (unequal) bigSub(x.r, x.mm);
    return c;
}

// Round the digits at [at, at+nd) up by one unit in the last place; an all-9
// string becomes "1" one place higher (Go's decimal.RoundUp).
void roundUp(Buf& b, Digits& d) {
    while (d.nd > 0 && b.p[d.at + d.nd - 1] == '9') d.nd--;
    b.len = d.at + d.nd;
    if (d.nd == 0) {
        b.put('1');  // put: there may have been no digit, hence no room
        d.nd = 1;
        d.dp++;
    } else {
        b.p[d.at + d.nd - 1]++;
    }
}

void trimZeros(Buf& b, Digits& d) {
    while (d.nd > 0 && b.p[d.at + d.nd - 1] == '0') d.nd--;
    if (d.nd == 0) d.dp = 0;
    b.len = d.at + d.nd;
}

// The shortest digits that read back as mant·2^exp (strconv's shortest
// mode). Boundaries count as inside when mant is even, since reading rounds
// ties to even. Out of line: its big numbers should only occupy the stack
// while a float is being converted.
__attribute__((noinline)) void shortestDigits(Buf& b, uint64_t mant, int exp, bool unequal, Digits& d) {
    d = {b.len, 0, 0};
    if (mant == 0) return;
    bool inclusive = (mant & 1) == 0;
    Ratio x;
    setupRatio(x, mant, exp, unequal);
    while (cmpHigh(x, unequal) >= (inclusive ? 0 : 1)) {
        bigMulSmall(x.s, 10);
        x.k++;
    }
    normalize(x);
    d.dp = x.k;
    for (;;) {
        bigMulSmall(x.r, 10);
        bigMulSmall(x.mm, 10);
        uint32_t digit = bigDivDigit(x.r, x.s);
        int cl = bigCmp(x.r, x.mm);
        bool low = inclusive ? cl <= 0 : cl < 0;  // digit as is is close enough
        int ch = cmpHigh(x, unequal);
        bool high = inclusive ? ch >= 0 : ch > 0;  // digit+1 is close enough
        if (low && high) {  // both: take the nearer, ties to even
            bigShl(x.r, 1);
            int c = bigCmp(x.r, x.s);
            if (c > 0 || (c == 0 && (digit & 1))) digit++;
        } else if (high) {
            digit++;
        }
        if (digit == 10) {  // cannot happen with the k above; kept safe anyway
            d.nd = (int)(b.len - d.at);
            roundUp(b, d);
        } else {
            b.put((char)('0' + digit));
        }
        if (low || high) break;
    }
    d.nd = (int)(b.len - d.at);
    trimZeros(b, d);
}

// The digits of mant·2^exp correctly rounded (half to even, on the exact
// value) to prec significant digits, or with fracMode to prec digits after
// the decimal point: what strconv gets from decimal.Round.
__attribute__((noinline)) void fixedDigits(Buf& b, uint64_t mant, int exp, bool fracMode, int prec, Digits& d) {
    d = {b.len, 0, 0};
    if (mant == 0) return;
    Ratio x;
    setupRatio(x, mant, exp, false);
    while (bigCmp(x.r, x.s) >= 0) {
        bigMulSmall(x.s, 10);
        x.k++;
    }
    d.dp = x.k;
    long want = fracMode ? (long)x.k + prec : prec;
    if (want < 0) {  // below half a unit of the last place: all zeros
        d.dp = 0;
        return;
    }
    normalize(x);
    for (long i = 0; i < want && x.r.n != 0; i++) {
        bigMulSmall(x.r, 10);
        b.put((char)('0' + bigDivDigit(x.r, x.s)));
    }
    d.nd = (int)(b.len - d.at);
    if (x.r.n != 0) {  // inexact: round on the remainder
        bigShl(x.r, 1);
        int c = bigCmp(x.r, x.s);
        bool odd = d.nd > 0 && ((b.p[d.at + d.nd - 1] - '0') & 1);
        if (c > 0 || (c == 0 && odd)) roundUp(b, d);
    }
    trimZeros(b, d);
}

// ---- strconv.AppendFloat ------------------------------------------------------

int imax(int a, int b) { return a > b ? a : b; }
int imin(int a, int b) { return a < b ? a : b; }

void putUint(Buf& b, uint64_t v) {
    char tmp[20];
    int i = 20;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    b.put(tmp + i, 20 - i);
}

// Exponent digits: at least two.
void putExp(Buf& b, int exp) {
    if (exp < 10) b.put('0');
    putUint(b, (uint64_t)exp);
}

// %e: -d.ddddde±dd
void fmtE(Buf& b, bool neg, const Digits& d, int prec, char fmt) {
    if (neg) b.put('-');
    b.put(d.nd != 0 ? b.p[d.at] : '0');
    if (prec > 0) {
        b.put('.');
        int i = 1;
        int m = imin(d.nd, prec + 1);
        if (i < m) {
            b.putSelf(d.at + i, m - i);
            i = m;
        }
        if (i <= prec) b.fill('0', prec + 1 - i);
    }
    b.put(fmt);
    int exp = d.nd == 0 ? 0 : d.dp - 1;  // 0 has exponent 0
    b.put(exp < 0 ? '-' : '+');
    putExp(b, exp < 0 ? -exp : exp);
}

// %f: -ddddddd.ddddd
void fmtF(Buf& b, bool neg, const Digits& d, int prec) {
    if (neg) b.put('-');
    if (d.dp > 0) {
        int m = imin(d.nd, d.dp);
        b.putSelf(d.at, m);
        b.fill('0', d.dp - m);
    } else {
        b.put('0');
    }
    if (prec > 0) {
        b.put('.');
        for (int i = 0; i < prec; i++) {
            int j = d.dp + i;
            if (j >= d.nd) {  // only zeros from here on
                b.fill('0', prec - i);
                break;
            }
            b.put(j >= 0 ? b.p[d.at + j] : '0');
        }
    }
}

// strconv's formatDigits: choose and apply the layout.
void formatDigits(Buf& b, bool shortest, bool neg, const Digits& d, int prec, char fmt) {
    switch (fmt) {
    case 'e':
    case 'E':
        fmtE(b, neg, d, prec, fmt);
        return;
    case 'f':
        fmtF(b, neg, d, prec);
        return;
    default:  // 'g', 'G': %e for large exponents, %f otherwise
        break;
    }
    int eprec = prec;
    if (eprec > d.nd && d.nd >= d.dp) eprec = d.nd;
    if (shortest) eprec = 6;  // the %e threshold of the shortest form
    int exp = d.dp - 1;
    if (exp < -4 || exp >= eprec) {
        if (prec > d.nd) prec = d.nd;
        fmtE(b, neg, d, prec - 1, (char)(fmt + 'e' - 'g'));
        return;
    }
    if (prec > d.dp) prec = d.nd;
    fmtF(b, neg, d, imax(prec - d.dp, 0));
}

// %b: -ddddddddp±ddd
void fmtB(Buf& b, bool neg, uint64_t mant, int exp) {
    if (neg) b.put('-');
    putUint(b, mant);
    b.put('p');
    b.put(exp >= 0 ? '+' : '-');
    putUint(b, (uint64_t)(exp >= 0 ? exp : -exp));
}

// %x: -0x1.yyyyyyyyp±ddd (hex mantissa, binary exponent)
void fmtX(Buf& b, int prec, char fmt, bool neg, uint64_t mant, int exp, int mantbits) {
    if (mant == 0) exp = 0;
    // Put the leading 1 (if any) at bit 60.
    mant <<= 60 - mantbits;
    while (mant != 0 && (mant & (1ull << 60)) == 0) {
        mant <<= 1;
        exp--;
    }
    if (prec >= 0 && prec < 15) {  // round to prec hex digits, half to even
        unsigned shift = (unsigned)prec * 4;
        uint64_t extra = (mant << shift) & ((1ull << 60) - 1);
        mant >>= 60 - shift;
        if ((extra | (mant & 1)) > (1ull << 59)) mant++;
        mant <<= 60 - shift;
        if (mant & (1ull << 61)) {  // carried into a new leading digit
            mant >>= 1;
            exp++;
        }
    }
    const char* hex = fmt == 'X' ? udigits : ldigits;
    if (neg) b.put('-');
    b.put('0');
    b.put(fmt);
    b.put((char)('0' + ((mant >> 60) & 1)));
    mant <<= 4;  // drop the leading digit
    if (prec < 0 && mant != 0) {
        b.put('.');
        for (; mant != 0; mant <<= 4) b.put(hex[(mant >> 60) & 15]);
    } else if (prec > 0) {
        b.put('.');
        for (int i = 0; i < prec; i++, mant <<= 4) b.put(hex[(mant >> 60) & 15]);
    }
    b.put(fmt == 'X' ? 'P' : 'p');
    b.put(exp < 0 ? '-' : '+');
    putExp(b, exp < 0 ? -exp : exp);
}

struct FloatBits {
    uint64_t bits;
    int mantbits, expbits, bias;
};

FloatBits floatBits(double val, int bitSize) {
    if (bitSize == 32) return {__builtin_bit_cast(uint32_t, (float)val), 23, 8, -127};
    return {__builtin_bit_cast(uint64_t, val), 52, 11, -1023};
}

// The digits and the precision the layout uses.
void floatDigits(Buf& b, uint64_t mant, int exp, const FloatBits& fb, char fmt, int& prec, Digits& d) {
    int e2 = exp - fb.mantbits;
    if (prec < 0) {
        bool unequal = mant == (1ull << fb.mantbits) && exp > fb.bias + 1;
        shortestDigits(b, mant, e2, unequal, d);
        if (fmt == 'e' || fmt == 'E') prec = imax(d.nd - 1, 0);
        else if (fmt == 'f') prec = imax(d.nd - d.dp, 0);
        else prec = d.nd;
        return;
    }
    if (fmt == 'f') {
        fixedDigits(b, mant, e2, true, prec, d);
    } else if (fmt == 'e' || fmt == 'E') {
        fixedDigits(b, mant, e2, false, prec + 1, d);
    } else {
        if (prec == 0) prec = 1;
        fixedDigits(b, mant, e2, false, prec, d);
    }
}

// strconv.AppendFloat(b, val, fmt, prec, bitSize).
void appendFloat(Buf& b, double val, char fmt, int prec, int bitSize) {
    FloatBits fb = floatBits(val, bitSize);
    bool neg = (fb.bits >> (fb.expbits + fb.mantbits)) != 0;
    int exp = (int)(fb.bits >> fb.mantbits) & ((1 << fb.expbits) - 1);
    uint64_t mant = fb.bits & ((1ull << fb.mantbits) - 1);
    if (exp == (1 << fb.expbits) - 1) {
        b.puts(mant != 0 ? "NaN" : neg ? "-Inf" : "+Inf");
        return;
    }
    if (exp == 0) exp++;  // subnormal
    else mant |= 1ull << fb.mantbits;
    exp += fb.bias;
    if (fmt == 'b') return fmtB(b, neg, mant, exp - fb.mantbits);
    if (fmt == 'x' || fmt == 'X') return fmtX(b, prec, fmt, neg, mant, exp, fb.mantbits);
    bool shortest = prec < 0;
    Digits d;
    floatDigits(b, mant, exp, fb, fmt, prec, d);
    size_t from = b.len;
    formatDigits(b, shortest, neg, d, prec, fmt);
    b.collapse(d.at, from);  // drop the scratch digits
}

// ---- Printer: Go's pp and fmt -----------------------------------------------

const char nilAngle[] = "<nil>";

// Go limits widths and precisions to 1e6.
bool tooLarge(long x) { return x > 1000000 || x < -1000000; }

struct Printer {
    Buf buf;
    Arg* args;
    int nargs;
    const Arg* cur = nullptr;  // the argument being printed, for badVerb

    // Go's fmtFlags, width and precision.
    bool widPresent, precPresent, minus, plus, sharp, space, zero, plusV, sharpV;
    int wid, prec;

    bool reordered = false, goodArgNum = true;

    Printer(char* stack, size_t n, Arg* a, int na) : buf(stack, n), args(a), nargs(na) {
        clearflags();
        for (int i = 0; i < na; i++)  // C strings: find their length once
            if (a[i].kind == Kind::String && a[i].cstr) a[i].n = cstrnlen(a[i].s, a[i].n);
    }

    void clearflags() {
        widPresent = precPresent = minus = plus = sharp = space = zero = plusV = sharpV = false;
        wid = prec = 0;
    }

    // ---- format.go: padding
    void writePadding(long n) {
        if (n > 0) buf.fill(zero ? '0' : ' ', (size_t)n);
    }
    void padString(const char* s, size_t n) {
        if (!widPresent || wid == 0) return buf.put(s, n);
        long width = wid - (long)runeCount(s, n);
        if (!minus) writePadding(width);
        buf.put(s, n);
        if (minus) writePadding(width);
    }
    void padString(const char* s) { padString(s, cstrlen(s)); }
    // Pad what was formatted in place since start.
    void padFrom(size_t start) {
        if (!widPresent || wid == 0) return;
        long width = wid - (long)runeCount(buf.p + start, buf.len - start);
        if (width <= 0) return;
        if (minus) writePadding(width);
        else buf.insert(start, zero ? '0' : ' ', (size_t)width);
    }
    // Go's truncateString: the byte length of the first prec runes.
    size_t truncate(const char* s, size_t n) {
        if (!precPresent) return n;
        long left = prec;
        for (size_t i = 0; i < n; left--) {
            if (left <= 0) return i;
            int w = 1;
            if ((uint8_t)s[i] >= 0x80) decodeRune(s + i, n - i, &w);
            i += w;
        }
        return n;
    }

    void fmtBoolean(bool v) { padString(v ? "true" : "false"); }
    void fmtInteger(uint64_t u, int base, bool isSigned, int32_t verb, const char* digits);
    void fmtUnicode(uint64_t u);
    void fmtS(const char* s, size_t n) { padString(s, truncate(s, n)); }
    void fmtSbx(const char* s, size_t n, const char* digits);
    void fmtQ(const char* s, size_t n);
    void fmtC(uint64_t c);
    void fmtQc(uint64_t c);
    void fmtFloat(double v, int size, char verb, int prec);
    void floatSharp(size_t start, char verb, int prec);

    // ---- print.go
    void badVerb(int32_t verb);
    void fmtBool(bool v, int32_t verb);
    void fmt0x64(uint64_t v, bool leading0x);
    void ppFmtInteger(uint64_t v, bool isSigned, int32_t verb);
    void ppFmtFloat(double v, int size, int32_t verb);
    void fmtString(const char* s, size_t n, int32_t verb);
    void fmtPointer(const Arg& a, int32_t verb);
    void printArg(const Arg& a, int32_t verb);
    void putTypeName(const Arg& a);
    void intFromArg(int& argNum, int& num, bool& isInt);
    int argNumber(int argNum, const char* format, size_t& i, size_t end, bool& found);
    void parseFlags(const char* format, size_t& i, size_t end);
    void parseWidthPrec(const char* format, size_t& i, size_t end, int& argNum, bool& afterIndex);
    void printVerb(int32_t verb, int& argNum);
    void printExtra(int argNum);
    void doPrintf(Format format);
    void doPrint();
    void doPrintln();
    void printValue(const Arg& a);
};

// Go's fmt.fmtInteger. Built left to right: sign, 0o, 0x/0b/0, zeros, digits.
void Printer::fmtInteger(uint64_t u, int base, bool isSigned, int32_t verb, const char* digits) {
    bool negative = isSigned && (int64_t)u < 0;
    if (negative) u = -u;
    long precision = 0;  // leading zeros asked for: %.3d, or %03d
    if (precPresent) {
        precision = prec;
        if (precision == 0 && u == 0) {  // "print nothing" but the padding
            bool oldZero = zero;
            zero = false;
            writePadding(wid);
            zero = oldZero;
            return;
        }
    } else if (zero && widPresent) {
        precision = wid;
        if (negative || plus || space) precision--;  // room for the sign
    }
    char d[64];
    int i = 64;
    do {
        d[--i] = digits[u % base];
        u /= base;
    } while (u);
    long nd = 64 - i;
    long zeros = precision > nd ? precision - nd : 0;
    char pre[5];
    int np = 0;
    if (negative) pre[np++] = '-';
    else if (plus) pre[np++] = '+';
    else if (space) pre[np++] = ' ';
    if (verb == 'O') pre[np++] = '0', pre[np++] = 'o';
    if (sharp) {
        if (base == 2) pre[np++] = '0', pre[np++] = 'b';
        else if (base == 16) pre[np++] = '0', pre[np++] = digits[16];
        else if (base == 8 && zeros == 0 && d[i] != '0') pre[np++] = '0';
    }
    long width = widPresent ? wid - (np + zeros + nd) : 0;
    if (!minus && width > 0) buf.fill(' ', width);  // zero padding became precision above
    buf.put(pre, np);
    buf.fill('0', zeros);
    buf.put(d + i, nd);
    if (minus && width > 0) buf.fill(' ', width);
}

// %U: U+0078, or with # U+0078 'x'.
void Printer::fmtUnicode(uint64_t u) {
    size_t start = buf.len;
    long precision = precPresent && prec > 4 ? prec : 4;
    char hex[16];
    int i = 16;
    uint64_t v = u;
    do {
        hex[--i] = udigits[v & 0xF];
        v >>= 4;
    } while (v);
    buf.put("U+", 2);
    if (precision > 16 - i) buf.fill('0', precision - (16 - i));
    buf.put(hex + i, 16 - i);
    if (sharp && u <= (uint64_t)MaxRune && isPrint((int32_t)u)) {
        buf.put(" '", 2);
        putRune(buf, (int32_t)u);
        buf.put('\'');
    }
    bool oldZero = zero;
    zero = false;
    padFrom(start);
    zero = oldZero;
}

// %x on a string: hex of its bytes; space separates them, # adds 0x.
void Printer::fmtSbx(const char* s, size_t n, const char* digits) {
    long length = (long)n;
    if (precPresent && prec < length) length = prec;
    long width = 2 * length;
    if (width <= 0) {
        if (widPresent) writePadding(wid);
        return;
    }
    if (space) {
        if (sharp) width *= 2;
        width += length - 1;
    } else if (sharp) {
        width += 2;
    }
    if (widPresent && wid > width && !minus) writePadding(wid - width);
    if (sharp) buf.put('0'), buf.put(digits[16]);
    for (long i = 0; i < length; i++) {
        if (space && i > 0) {
            buf.put(' ');
            if (sharp) buf.put('0'), buf.put(digits[16]);
        }
        uint8_t c = (uint8_t)s[i];
        buf.put(digits[c >> 4]);
        buf.put(digits[c & 0xF]);
    }
    if (widPresent && wid > width && minus) writePadding(wid - width);
}

// strconv's appendEscapedRune.
void putEscapedRune(Buf& b, int32_t r, char quote, bool asciiOnly) {
    if (r == quote || r == '\\') {  // always backslashed
        b.put('\\');
        b.put((char)r);
        return;
    }
    if (asciiOnly ? (r < 0x80 && isPrint(r)) : isPrint(r)) return putRune(b, r);
    const char* esc = nullptr;
    switch (r) {
    case '\a': esc = "\\a"; break;
    case '\b': esc = "\\b"; break;
    case '\f': esc = "\\f"; break;
    case '\n': esc = "\\n"; break;
    case '\r': esc = "\\r"; break;
    case '\t': esc = "\\t"; break;
    case '\v': esc = "\\v"; break;
    }
    if (esc) return b.put(esc, 2);
    int digits;
    if (r < ' ' || r == 0x7F) {
        b.put("\\x", 2);
        digits = 2;
    } else {
        if (!validRune(r)) r = RuneError;
        b.put(r < 0x10000 ? "\\u" : "\\U", 2);
        digits = r < 0x10000 ? 4 : 8;
    }
    for (int sh = 4 * (digits - 1); sh >= 0; sh -= 4) b.put(ldigits[(r >> sh) & 0xF]);
}

// strconv.Quote / QuoteToASCII: invalid bytes become \xNN.
void putQuoted(Buf& b, const char* s, size_t n, bool asciiOnly) {
    b.put('"');
    for (size_t i = 0; i < n;) {
        int w = 1;
        int32_t r = (uint8_t)s[i];
        if (r >= 0x80) r = decodeRune(s + i, n - i, &w);
        if (w == 1 && r == RuneError) {
            uint8_t c = (uint8_t)s[i];
            b.put("\\x", 2);
            b.put(ldigits[c >> 4]);
            b.put(ldigits[c & 0xF]);
        } else {
            putEscapedRune(b, r, '"', asciiOnly);
        }
        i += w;
    }
    b.put('"');
}

// strconv.CanBackquote.
bool canBackquote(const char* s, size_t n) {
    for (size_t i = 0; i < n;) {
        int w = 1;
        int32_t r = (uint8_t)s[i];
        if (r >= 0x80) r = decodeRune(s + i, n - i, &w);
        i += w;
        if (w > 1) {
            if (r == 0xFEFF) return false;  // BOMs are invisible
            continue;
        }
        if (r == RuneError) return false;
        if ((r < ' ' && r != '\t') || r == '`' || r == 0x7F) return false;
    }
    return true;
}

// %q on a string: Go-quoted, or `raw` with # when possible; + for ASCII.
void Printer::fmtQ(const char* s, size_t n) {
    n = truncate(s, n);
    size_t start = buf.len;
    if (sharp && canBackquote(s, n)) {
        buf.put('`');
        buf.put(s, n);
        buf.put('`');
    } else {
        putQuoted(buf, s, n, plus);
    }
    padFrom(start);
}

// Integers as characters: anything not a valid code point is U+FFFD.
int32_t toRune(uint64_t c) { return c > (uint64_t)MaxRune ? RuneError : (int32_t)c; }

void Printer::fmtC(uint64_t c) {
    char tmp[4];
    padString(tmp, encodeRune(tmp, toRune(c)));
}

void Printer::fmtQc(uint64_t c) {
    int32_t r = toRune(c);
    if (!validRune(r)) r = RuneError;
    size_t start = buf.len;
    buf.put('\'');
    putEscapedRune(buf, r, '\'', plus);
    buf.put('\'');
    padFrom(start);
}

// The # flag on floats: always a decimal point, and %g/%x keep their
// trailing zeros (format.go's fmtFloat).
void Printer::floatSharp(size_t start, char verb, int precision) {
    int digits = 0;
    if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x') digits = precision == -1 ? 6 : precision;
    char tail[8];  // the exponent: e+123 or p-1074
    size_t ntail = 0;
    bool hasDot = false, sawNonzero = false;
    for (size_t i = start + 1; i < buf.len; i++) {
        char c = buf.p[i];
        bool isTail = c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X');
        if (isTail) {
            ntail = buf.len - i;
            __builtin_memcpy(tail, buf.p + i, ntail);
            buf.len = i;
            break;
        }
        if (c == '.') {
            hasDot = true;
            continue;
        }
        if (c != '0') sawNonzero = true;
        if (sawNonzero) digits--;  // significant digits after the first nonzero
    }
    if (!hasDot) {
        if (buf.len - start == 2 && buf.p[start + 1] == '0') digits--;  // a lone 0 counts once
        buf.put('.');
    }
    if (digits > 0) buf.fill('0', digits);
    buf.put(tail, ntail);
}

// Go's fmt.fmtFloat: strconv's text with a sign slot in front (num[0] is
// '+' when strconv gave no sign), then flags and padding.
void Printer::fmtFloat(double v, int size, char verb, int precision) {
    if (precPresent) precision = prec;
    size_t start = buf.len;
    buf.put('+');
    appendFloat(buf, v, verb, precision, size);
    if (buf.p[start + 1] == '-' || buf.p[start + 1] == '+') buf.erase(start, 1);
    if (space && buf.p[start] == '+' && !plus) buf.p[start] = ' ';
    char c1 = buf.p[start + 1];
    if (c1 == 'I' || c1 == 'N') {  // Inf and NaN are never zero-padded
        bool oldZero = zero;
        zero = false;
        if (c1 == 'N' && !space && !plus) buf.erase(start, 1);
        padFrom(start);
        zero = oldZero;
        return;
    }
    if (sharp && verb != 'b') floatSharp(start, verb, precision);
    if (plus || buf.p[start] != '+') {
        long n = (long)(buf.len - start);
        if (zero && widPresent && wid > n) {  // sign, then the zeros
            buf.insert(start + 1, '0', (size_t)(wid - n));
            return;
        }
        return padFrom(start);
    }
    buf.erase(start, 1);  // positive, no sign wanted
    padFrom(start);
}

// ---- print.go ---------------------------------------------------------------

void Printer::putTypeName(const Arg& a) {
    if (a.kind == Kind::Nil) return buf.puts(nilAngle);
    buf.fill('*', a.stars);
    if (!a.pretty) return buf.puts(a.tname);
    // __PRETTY_FUNCTION__: "... prettyName() [with T = Foo]" (g++) or
    // "[T = Foo]" (clang): take what follows "T = " up to the closing ']'.
    const char* s = a.tname;
    for (; *s; s++)
        if (s[0] == 'T' && s[1] == ' ' && s[2] == '=' && s[3] == ' ') break;
    if (!*s) return buf.put('?');
    s += 4;
    size_t n = cstrlen(s);
    if (n > 0 && s[n - 1] == ']') n--;
    buf.put(s, n);
}

void Printer::badVerb(int32_t verb) {
    buf.put("%!", 2);
    putRune(buf, verb);
    buf.put('(');
    if (cur == nullptr || cur->kind == Kind::Nil) {
        buf.puts(nilAngle);
    } else {
        const Arg* a = cur;
        putTypeName(*a);
        buf.put('=');
        printArg(*a, 'v');
    }
    buf.put(')');
}

void Printer::fmtBool(bool v, int32_t verb) {
    if (verb == 't' || verb == 'v') fmtBoolean(v);
    else badVerb(verb);
}

void Printer::fmt0x64(uint64_t v, bool leading0x) {
    bool old = sharp;
    sharp = leading0x;
    fmtInteger(v, 16, false, 'v', ldigits);
    sharp = old;
}

void Printer::ppFmtInteger(uint64_t v, bool isSigned, int32_t verb) {
    switch (verb) {
    case 'v':
        if (sharpV && !isSigned) fmt0x64(v, true);
        else fmtInteger(v, 10, isSigned, verb, ldigits);
        break;
    case 'd': fmtInteger(v, 10, isSigned, verb, ldigits); break;
    case 'b': fmtInteger(v, 2, isSigned, verb, ldigits); break;
    case 'o':
    case 'O': fmtInteger(v, 8, isSigned, verb, ldigits); break;
    case 'x': fmtInteger(v, 16, isSigned, verb, ldigits); break;
    case 'X': fmtInteger(v, 16, isSigned, verb, udigits); break;
    case 'c': fmtC(v); break;
    case 'q': fmtQc(v); break;
    case 'U': fmtUnicode(v); break;
    default: badVerb(verb);
    }
}

void Printer::ppFmtFloat(double v, int size, int32_t verb) {
    switch (verb) {
    case 'v': fmtFloat(v, size, 'g', -1); break;
    case 'b':
    case 'g':
    case 'G':
    case 'x':
    case 'X': fmtFloat(v, size, (char)verb, -1); break;
    case 'f':
    case 'e':
    case 'E': fmtFloat(v, size, (char)verb, 6); break;
    case 'F': fmtFloat(v, size, 'f', 6); break;
    default: badVerb(verb);
    }
}

void Printer::fmtString(const char* s, size_t n, int32_t verb) {
    switch (verb) {
    case 'v':
        if (sharpV) fmtQ(s, n);
        else fmtS(s, n);
        break;
    case 's': fmtS(s, n); break;
    case 'x': fmtSbx(s, n, ldigits); break;
    case 'X': fmtSbx(s, n, udigits); break;
    case 'q': fmtQ(s, n); break;
    default: badVerb(verb);
    }
}

void Printer::fmtPointer(const Arg& a, int32_t verb) {
    if (a.kind != Kind::Pointer) return badVerb(verb);
    uint64_t u = (uint64_t)(uintptr_t)a.p;
    switch (verb) {
    case 'v':
        if (sharpV) {  // Go syntax: (*T)(0x...) or (*T)(nil)
            buf.put('(');
            putTypeName(a);
            buf.put(")(", 2);
            if (u == 0) buf.put("nil", 3);
            else fmt0x64(u, true);
            buf.put(')');
        } else if (u == 0) {
            padString(nilAngle);
        } else {
            fmt0x64(u, !sharp);
        }
        break;
    case 'p': fmt0x64(u, !sharp); break;
    case 'b':
    case 'o':
    case 'd':
    case 'x':
    case 'X': ppFmtInteger(u, false, verb); break;
    default: badVerb(verb);
    }
}

void Printer::printArg(const Arg& a, int32_t verb) {
    cur = &a;
    if (a.kind == Kind::Nil) {
        if (verb == 'T' || verb == 'v') padString(nilAngle);
        else badVerb(verb);
        return;
    }
    if (verb == 'T') {  // fmtS of the type's name
        size_t start = buf.len;
        putTypeName(a);
        buf.len = start + truncate(buf.p + start, buf.len - start);
        return padFrom(start);
    }
    if (verb == 'p') return fmtPointer(a, 'p');
    switch (a.kind) {
    case Kind::Bool: fmtBool(a.b, verb); break;
    case Kind::Float32: a.floatfn(this, a.f, 32, verb); break;
    case Kind::Float64: a.floatfn(this, a.f, 64, verb); break;
    case Kind::Int: ppFmtInteger(a.u, true, verb); break;
    case Kind::Uint: ppFmtInteger(a.u, false, verb); break;
    case Kind::String: fmtString(a.s, a.n, verb); break;
    default: fmtPointer(a, verb); break;
    }
}

// parsenum: a decimal number at format[i:end); num 0 and ok false if none,
// and the whole rest of the format consumed if it is absurdly long.
bool parsenum(const char* format, size_t& i, size_t end, int& num) {
    num = 0;
    bool isnum = false;
    long n = 0;
    for (; i < end && '0' <= format[i] && format[i] <= '9'; i++) {
        if (tooLarge(n)) {
            i = end;
            return false;
        }
        n = n * 10 + (format[i] - '0');
        isnum = true;
    }
    num = (int)n;
    return isnum;
}

// intFromArg: a * width or precision; any integer kind that fits.
void Printer::intFromArg(int& argNum, int& num, bool& isInt) {
    num = 0;
    isInt = false;
    if (argNum >= nargs) return;
    const Arg& a = args[argNum++];
    int64_t v = 0;
    if (a.kind == Kind::Int) v = a.i, isInt = true;
    else if (a.kind == Kind::Uint && (int64_t)a.u >= 0) v = (int64_t)a.u, isInt = true;
    if (!isInt || tooLarge(v)) {
        isInt = false;
        return;
    }
    num = (int)v;
}

// argNumber: an explicit [n] index at format[i]; sets found and returns
// the (zero-based) argument to use next.
int Printer::argNumber(int argNum, const char* format, size_t& i, size_t end, bool& found) {
    found = false;
    if (i >= end || format[i] != '[') return argNum;
    reordered = true;
    // parseArgNumber: "[n]" needs at least 3 bytes and a closing bracket.
    size_t close = i + 1;
    while (close < end && format[close] != ']') close++;
    if (end - i < 3 || close >= end) {
        i += 1;
        goodArgNum = false;
        return argNum;
    }
    size_t j = i + 1;
    int n;
    bool ok = parsenum(format, j, close, n) && j == close;
    i = close + 1;
    if (ok && 1 <= n && n <= nargs) {
        found = true;
        return n - 1;
    }
    goodArgNum = false;
    found = ok;
    return argNum;
}

// The flags after a '%': # 0 + - space.
void Printer::parseFlags(const char* format, size_t& i, size_t end) {
    for (; i < end; i++) {
        char c = format[i];
        if (c == '#') sharp = true;
        else if (c == '0') zero = !minus;  // zero padding only to the left
        else if (c == '+') plus = true;
        else if (c == '-') minus = true, zero = false;
        else if (c == ' ') space = true;
        else return;
    }
}

// Width, then precision, each a number or '*', each possibly preceded by an
// argument index: what follows the flags of one verb.
void Printer::parseWidthPrec(const char* format, size_t& i, size_t end, int& argNum, bool& afterIndex) {
    argNum = argNumber(argNum, format, i, end, afterIndex);
    if (i < end && format[i] == '*') {
        i++;
        intFromArg(argNum, wid, widPresent);
        if (!widPresent) buf.puts("%!(BADWIDTH)");
        if (wid < 0) {  // a negative width means left-justify
            wid = -wid;
            minus = true;
            zero = false;
        }
        afterIndex = false;
    } else {
        widPresent = parsenum(format, i, end, wid);
        if (afterIndex && widPresent) goodArgNum = false;  // "%[3]2d"
    }
    if (i + 1 < end && format[i] == '.') {  // a '.' that ends the format is the verb
        i++;
        if (afterIndex) goodArgNum = false;  // "%[3].2d"
        argNum = argNumber(argNum, format, i, end, afterIndex);
        if (i < end && format[i] == '*') {
            i++;
            intFromArg(argNum, prec, precPresent);
            if (prec < 0) {  // a negative precision means none
                prec = 0;
                precPresent = false;
            }
            if (!precPresent) buf.puts("%!(BADPREC)");
            afterIndex = false;
        } else {
            parsenum(format, i, end, prec);  // none ("%.d") is precision 0
            precPresent = true;
        }
    }
    if (!afterIndex) argNum = argNumber(argNum, format, i, end, afterIndex);
}

// One verb, its operand chosen: print it or say why not.
void Printer::printVerb(int32_t verb, int& argNum) {
    if (verb == '%') {  // absorbs no operand, ignores width and precision
        buf.put('%');
        return;
    }
    if (!goodArgNum || argNum >= nargs) {
        buf.put("%!", 2);
        putRune(buf, verb);
        buf.puts(!goodArgNum ? "(BADINDEX)" : "(MISSING)");
        return;
    }
    if (verb == 'v') {  // %#v is Go syntax, %+v field names
        sharpV = sharp;
        sharp = false;
        plusV = plus;
        plus = false;
    }
    printArg(args[argNum++], verb);
}

// %!(EXTRA type=value, ...) for operands no verb used.
void Printer::printExtra(int argNum) {
    clearflags();
    buf.puts("%!(EXTRA ");
    for (int k = argNum; k < nargs; k++) {
        if (k > argNum) buf.put(", ", 2);
        if (args[k].kind == Kind::Nil) {
            buf.puts(nilAngle);
            continue;
        }
        putTypeName(args[k]);
        buf.put('=');
        printArg(args[k], 'v');
    }
    buf.put(')');
}

void Printer::doPrintf(Format f) {
    const char* format = f.s;
    size_t end = !format ? 0 : f.n == Format::NulTerminated ? cstrlen(format) : f.n;
    int argNum = 0;
    bool afterIndex = false;  // the previous item was an index like [3]
    reordered = false;
    for (size_t i = 0; i < end;) {
        goodArgNum = true;
        size_t lasti = i;
        while (i < end && format[i] != '%') i++;
        if (i > lasti) buf.put(format + lasti, i - lasti);
        if (i >= end) break;
        i++;  // the '%'
        clearflags();
        parseFlags(format, i, end);
        parseWidthPrec(format, i, end, argNum, afterIndex);
        if (i >= end) {
            buf.puts("%!(NOVERB)");
            break;
        }
        int w = 1;
        int32_t verb = (uint8_t)format[i];
        if (verb >= 0x80) verb = decodeRune(format + i, end - i, &w);
        i += w;
        printVerb(verb, argNum);
    }
    // Extra operands, unless the format reordered them (then it cannot tell).
    if (!reordered && argNum < nargs) printExtra(argNum);
}

// printArg(a, 'v') with no flags, as Print and Println use it, in its own
// function: it reaches none of the other verbs, so a program that only ever
// prints with them does not link quoting and its Unicode tables (%q, %c, %U)
// or badVerb. Floats still go through their own pointer (go/fmt.h).
void Printer::printValue(const Arg& a) {
    cur = &a;
    switch (a.kind) {
    case Kind::Nil: padString(nilAngle); break;
    case Kind::Bool: fmtBoolean(a.b); break;
    case Kind::Float32: a.floatfn(this, a.f, 32, 'v'); break;
    case Kind::Float64: a.floatfn(this, a.f, 64, 'v'); break;
    case Kind::Int: fmtInteger(a.u, 10, true, 'v', ldigits); break;
    case Kind::Uint: fmtInteger(a.u, 10, false, 'v', ldigits); break;
    case Kind::String: fmtS(a.s, a.n); break;
    default:  // pointers: fmtPointer's %v without flags
        if (a.p == nullptr) padString(nilAngle);
        else fmt0x64((uint64_t)(uintptr_t)a.p, true);
        break;
    }
}

// Print: a space between operands when neither is a string.
void Printer::doPrint() {
    bool prevString = false;
    for (int k = 0; k < nargs; k++) {
        bool isString = args[k].kind == Kind::String;
        if (k > 0 && !isString && !prevString) buf.put(' ');
        printValue(args[k]);
        prevString = isString;
    }
}

// Println: always a space between operands, and a newline.
void Printer::doPrintln() {
    for (int k = 0; k < nargs; k++) {
        if (k > 0) buf.put(' ');
        printValue(args[k]);
    }
    buf.put('\n');
}

// Small outputs stay in this much of the caller's stack; goroutine stacks
// start at 2 KB, so it is kept well under the 512-byte frame budget.
constexpr size_t StackBuf = 256;

int clampInt(size_t n) { return n > 0x7FFFFFFF ? 0x7FFFFFFF : (int)n; }

// The one write of a call.
int flush(Printer& p, int fd) {
    long r = go::os::Write(fd, p.buf.p, p.buf.len);
    if (r < 0) return (int)r;
    return clampInt((size_t)r);
}

// snprintf's contract: at most size-1 bytes and a NUL; the full length back.
int copyOut(const Buf& b, char* out, size_t size) {
    if (size > 0) {
        size_t m = b.len < size - 1 ? b.len : size - 1;
        __builtin_memmove(out, b.p, m);  // memmove: out may alias an argument
        out[m] = 0;
    }
    return clampInt(b.len);
}

}  // namespace

int vfprintf(int fd, Format format, Arg* a, int n) {
    char stack[StackBuf];
    Printer p(stack, sizeof stack, a, n);
    p.doPrintf(format);
    return flush(p, fd);
}

int vsprintf(char* out, size_t size, Format format, Arg* a, int n) {
    char stack[StackBuf];
    Printer p(stack, sizeof stack, a, n);
    p.doPrintf(format);
    return copyOut(p.buf, out, size);
}

int vfprint(int fd, Arg* a, int n, bool ln) {
    char stack[StackBuf];
    Printer p(stack, sizeof stack, a, n);
    if (ln) p.doPrintln();
    else p.doPrint();
    return flush(p, fd);
}

int formatFloat(char* out, size_t size, double v, char fmt, int prec, int bitSize) {
    char stack[StackBuf];
    Buf b(stack, sizeof stack);
    appendFloat(b, v, fmt, prec, bitSize);
    return copyOut(b, out, size);
}

// Float arguments carry a pointer to this (go/fmt.h), so only programs
// that print floats link the float code.
void formatFloatArg(void* printer, double v, int size, int32_t verb) {
    static_cast<Printer*>(printer)->ppFmtFloat(v, size, verb);
}

}  // namespace go::fmt::detail
