// The standard library's containers and algorithms, linked with no libc or
// libstdc++ (pkg/cxx, pkg/libc): each line's expected text is what the same
// code prints with the host's g++ and libstdc++.
//! stdout: vector: 1 2 3 4 5 size=5 at(2)=3 back=5
//! stdout: string: hello, world! find=7 npos=1 substr=world compare<0=1 rfind=8 upper=HELLO
//! stdout: string_view: starts=1 ends=1 find=6 sub=view
//! stdout: array: sum=10 max=4
//! stdout: deque: 0 1 2 3 4 5 front=0 back=5
//! stdout: list: 1 2 3 4 5 6 reversed=6 5 4 3 2 1 spliced=7
//! stdout: map: apple=3 banana=1 cherry=2 lower_bound(b)=banana erased=1 size=3
//! stdout: map 10000: ok sum=49995000 first=0 last=9999
//! stdout: set: 1 2 3 5 8 count(5)=1 count(4)=0
//! stdout: multimap: 1:a 1:b 2:c count(1)=2
//! stdout: unordered_map: 1000 entries, 3=9, missing=0, buckets>=1000: 1
//! stdout: unordered_set: 3 of 4 found, wstring size=5 find=2
//! stdout: queue: 1 2 3 priority_queue: 9 5 4 1
//! stdout: algorithm: sorted=1 stable=b1 a1 b2 a2 lower_bound=3 unique=1 2 3 4 reversed=4 3 2 1 minmax=1,4
//! stdout: numeric: accumulate=55 iota=0 1 2 3 4 gcd=6 lcm=36 partial=1 3 6 10
//! stdout: optional: 42 empty=0 value_or=7
//! stdout: variant: index=1 text=two holds_int=0
//! stdout: tuple: 1 x 2.5
//! stdout: span: 2 3 4 size=3
//! stdout: bit: popcount=3 countl_zero=28 bit_ceil=16 rotl=0x8
//! stdout: charconv: 12345 -678 ff parsed=4711 ec=0 bad=1
//! stdout: function: 11 20 empty=0
//! stdout: unique_ptr: 5 6 reset=1
//! stdout: stoi: 123 -45 stol=1099511627776 to_string=-17
//! stdout: stable_sort 10000: ok
//! stdout: nothrow new: small=1 huge=null
//! stdout: cstring: 5 -1 1 0 ello lo llo 2 2 el (null) hi-there abc 4 -255 255 0 ok
//! stdout: cctype: A z 1 0 1 1 0
//! stdout: random: 1608637542 dice=5 device differs=1
#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <queue>
#include <random>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <variant>
#include <vector>

#include "go.h"

// One output line, built with std::string: the library checks itself.
static std::string line;
static void put(const std::string& s) { line += s; }
static void put(long v) { line += std::to_string(v); }
static void flush() {
    go::fmt::Println(line);
    line.clear();
}
template <class C> static void putAll(const C& c) {
    for (const auto& x : c) {
        put(" ");
        put((long)x);
    }
}

static void vectors() {
    std::vector<int> v{5, 3, 1};
    v.push_back(4);
    v.insert(v.begin() + 1, 2);
    std::sort(v.begin(), v.end());
    put("vector:");
    putAll(v);
    put(" size=");
    put((long)v.size());
    put(" at(2)=");
    put(v.at(2));
    put(" back=");
    put(v.back());
    flush();
}

static void strings() {
    std::string s = "hello";
    s += ", ";
    s.append("world");
    s.push_back('!');
    std::string upper = s.substr(0, 5);
    std::transform(upper.begin(), upper.end(), upper.begin(), [](char c) { return (char)(c - 'a' + 'A'); });
    put("string: " + s + " find=");
    put((long)s.find("world"));
    put(" npos=");
    put(s.find("xyz") == std::string::npos);
    put(" substr=" + s.substr(7, 5) + " compare<0=");
    put(s.compare("help") < 0);
    put(" rfind=");
    put((long)s.rfind('o'));
    put(" upper=" + upper);
    flush();

    std::string_view sv = "string view";
    put("string_view: starts=");
    put(sv.starts_with("str"));
    put(" ends=");
    put(sv.ends_with("view"));
    put(" find=");
    put((long)sv.find(' ') - 0);
    put(" sub=");
    put(std::string(sv.substr(7)));
    flush();
}

static void sequences() {
    std::array<int, 4> a{4, 1, 3, 2};
    put("array: sum=");
    put(std::accumulate(a.begin(), a.end(), 0));
    put(" max=");
    put(*std::max_element(a.begin(), a.end()));
    flush();

    std::deque<int> d;
    for (int i = 3; i <= 5; i++) d.push_back(i);
    for (int i = 2; i >= 0; i--) d.push_front(i);
    put("deque:");
    putAll(d);
    put(" front=");
    put(d.front());
    put(" back=");
    put(d.back());
    flush();

    std::list<int> l{4, 2, 6, 1, 5, 3};
    l.sort();
    put("list:");
    putAll(l);
    l.reverse();
    put(" reversed=");
    line += std::to_string(l.front());
    for (auto it = std::next(l.begin()); it != l.end(); ++it) put(" " + std::to_string(*it));
    std::list<int> other{7};
    l.splice(l.begin(), other);
    put(" spliced=");
    put(l.front());
    flush();
}

static void trees() {
    std::map<std::string, int> m;
    m["banana"] = 1;
    m["cherry"] = 2;
    m.emplace("apple", 3);
    m.insert({"date", 4});
    put("map:");
    size_t erased = m.erase("date");
    for (auto& [k, v] : m) put(" " + k + "=" + std::to_string(v));
    put(" lower_bound(b)=" + m.lower_bound("b")->first + " erased=");
    put((long)erased);
    put(" size=");
    put((long)m.size());
    flush();

    // Many inserts and erases in a scrambled order: the rebalancing works.
    std::map<int, int> big;
    for (int i = 0; i < 20000; i++) big[(i * 7919) % 20000] = i;
    for (int k = 10000; k < 20000; k++) big.erase(k);
    long sum = 0;
    int expect = 0;
    bool ok = big.size() == 10000;
    for (auto& [k, v] : big) {
        ok = ok && k == expect++;
        sum += k;
    }
    for (auto it = big.rbegin(); it != big.rend(); ++it) ok = ok && it->first == --expect;
    put(ok ? "map 10000: ok sum=" : "map 10000: BAD sum=");
    put(sum);
    put(" first=");
    put(big.begin()->first);
    put(" last=");
    put(std::prev(big.end())->first);
    flush();

    std::set<int> s{5, 3, 8, 1, 2, 3};
    put("set:");
    putAll(s);
    put(" count(5)=");
    put((long)s.count(5));
    put(" count(4)=");
    put((long)s.count(4));
    flush();

    std::multimap<int, std::string> mm{{2, "c"}, {1, "a"}, {1, "b"}};
    put("multimap:");
    for (auto& [k, v] : mm) put(" " + std::to_string(k) + ":" + v);
    put(" count(1)=");
    put((long)mm.count(1));
    flush();
}

static void hashes() {
    std::unordered_map<int, int> um;
    for (int i = 0; i < 1000; i++) um[i] = i * i;
    std::unordered_map<std::string, int> byName{{"a", 1}};
    put("unordered_map: ");
    put((long)um.size());
    put(" entries, 3=");
    put(um[3]);
    put(", missing=");
    put((long)byName.count("b"));
    put(", buckets>=1000: ");
    put(um.bucket_count() >= 1000);
    flush();

    std::unordered_set<std::string> us{"x", "yy", "zzz"};
    int found = 0;
    for (const char* k : {"x", "yy", "zzz", "w"}) found += (int)us.count(k);
    std::wstring ws = L"wide!";
    put("unordered_set: ");
    put(found);
    put(" of 4 found, wstring size=");
    put((long)ws.size());
    put(" find=");
    put((long)ws.find(L'd'));
    flush();
}

static void adaptors() {
    std::queue<int> q;
    for (int i = 1; i <= 3; i++) q.push(i);
    put("queue:");
    while (!q.empty()) {
        put(" ");
        put(q.front());
        q.pop();
    }
    std::priority_queue<int> pq;
    for (int x : {4, 1, 9, 5}) pq.push(x);
    put(" priority_queue:");
    while (!pq.empty()) {
        put(" ");
        put(pq.top());
        pq.pop();
    }
    flush();
}

static void algorithms() {
    std::vector<int> v{4, 2, 3, 1, 2, 4, 3};
    std::sort(v.begin(), v.end());
    put("algorithm: sorted=");
    put(std::is_sorted(v.begin(), v.end()));
    std::vector<std::pair<char, int>> ps{{'b', 1}, {'a', 1}, {'b', 2}, {'a', 2}};
    std::stable_sort(ps.begin(), ps.end(), [](auto& x, auto& y) { return x.second < y.second; });
    put(" stable=");
    for (size_t i = 0; i < ps.size(); i++) put(std::string(i ? " " : "") + ps[i].first + std::to_string(ps[i].second));
    put(" lower_bound=");
    put((long)(std::lower_bound(v.begin(), v.end(), 3) - v.begin()));
    v.erase(std::unique(v.begin(), v.end()), v.end());
    put(" unique=");
    for (size_t i = 0; i < v.size(); i++) put((i ? " " : "") + std::to_string(v[i]));
    std::reverse(v.begin(), v.end());
    put(" reversed=");
    for (size_t i = 0; i < v.size(); i++) put((i ? " " : "") + std::to_string(v[i]));
    auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    put(" minmax=" + std::to_string(*lo) + "," + std::to_string(*hi));
    flush();

    std::vector<int> n(10);
    std::iota(n.begin(), n.end(), 1);
    put("numeric: accumulate=");
    put(std::accumulate(n.begin(), n.end(), 0));
    std::vector<int> io(5);
    std::iota(io.begin(), io.end(), 0);
    put(" iota=");
    for (size_t i = 0; i < io.size(); i++) put((i ? " " : "") + std::to_string(io[i]));
    put(" gcd=");
    put(std::gcd(12, 18));
    put(" lcm=");
    put(std::lcm(12, 18));
    std::vector<int> part(4);
    std::partial_sum(n.begin(), n.begin() + 4, part.begin());
    put(" partial=");
    for (size_t i = 0; i < part.size(); i++) put((i ? " " : "") + std::to_string(part[i]));
    flush();
}

static void vocabulary() {
    std::optional<int> o = 42, none;
    put("optional: ");
    put(*o);
    put(" empty=");
    put(none.has_value());
    put(" value_or=");
    put(none.value_or(7));
    flush();

    std::variant<int, std::string> var = std::string("two");
    put("variant: index=");
    put((long)var.index());
    put(" text=" + std::get<std::string>(var) + " holds_int=");
    put(std::holds_alternative<int>(var));
    flush();

    auto t = std::make_tuple(1, std::string("x"), 2.5);
    put("tuple: ");
    put(std::get<0>(t));
    put(" " + std::get<1>(t) + " ");
    put((long)std::get<2>(t));
    put("." + std::to_string((int)(std::get<2>(t) * 10) % 10));
    flush();

    int arr[] = {1, 2, 3, 4, 5};
    std::span<int> sp(arr);
    auto mid = sp.subspan(1, 3);
    put("span:");
    putAll(mid);
    put(" size=");
    put((long)mid.size());
    flush();
}

// Values the optimiser cannot fold, so the library's out-of-line paths run.
static volatile unsigned opaque = 11;

static void bitsAndChars() {
    unsigned x = opaque;
    put("bit: popcount=");
    put(std::popcount(x));
    put(" countl_zero=");
    put(std::countl_zero(x));
    put(" bit_ceil=");
    put((long)std::bit_ceil(x));
    char hex[8];
    auto r = std::to_chars(hex, hex + sizeof hex, std::rotl(x >> 3, 3), 16);
    put(" rotl=0x" + std::string(hex, r.ptr));
    flush();

    char buf[64];
    char* p = buf;
    p = std::to_chars(p, buf + sizeof buf, 12345).ptr;
    *p++ = ' ';
    p = std::to_chars(p, buf + sizeof buf, -678).ptr;
    *p++ = ' ';
    p = std::to_chars(p, buf + sizeof buf, 255, 16).ptr;
    int parsed = 0;
    std::string_view in = "4711xyz";
    auto fr = std::from_chars(in.data(), in.data() + in.size(), parsed);
    int bad = 0;
    auto fb = std::from_chars(in.data() + 4, in.data() + in.size(), bad);
    put("charconv: " + std::string(buf, p) + " parsed=");
    put(parsed);
    put(" ec=");
    put((long)(fr.ec == std::errc()) - 1);
    put(" bad=");
    put(fb.ec == std::errc::invalid_argument);
    flush();
}

static void callables() {
    std::function<int(int)> f = [](int a) { return a + 1; };
    int base = 10;
    std::function<int(int)> g = [base](int a) { return a * base / 5; };
    std::function<void()> empty;
    put("function: ");
    put(f(10));
    put(" ");
    put(g(10));
    put(" empty=");
    put((bool)empty);
    flush();

    auto u = std::make_unique<int>(5);
    std::unique_ptr<int[]> arr(new int[2]{6, 7});
    put("unique_ptr: ");
    put(*u);
    put(" ");
    put(arr[0]);
    u.reset();
    put(" reset=");
    put(u == nullptr);
    flush();

    put("stoi: ");
    put(std::stoi(std::string("123")));
    put(" ");
    put(std::stoi(std::string("  -45abc")));
    put(" stol=");
    put(std::stol(std::string("1099511627776")));
    put(" to_string=" + std::to_string((int)opaque - 28));
    flush();
}

// std::stable_sort takes a temporary buffer with new(std::nothrow).
static void stableSortBig() {
    std::vector<std::pair<int, int>> v;
    for (int i = 0; i < 10000; i++) v.push_back({(i * 37) % 100, i});
    std::stable_sort(v.begin(), v.end(), [](auto& a, auto& b) { return a.first < b.first; });
    bool ok = true;
    for (size_t i = 1; i < v.size(); i++)
        ok = ok && (v[i - 1].first < v[i].first || (v[i - 1].first == v[i].first && v[i - 1].second < v[i].second));
    put(ok ? "stable_sort 10000: ok" : "stable_sort 10000: BAD");
    flush();

    // More than the address space: the nothrow form says no with nullptr.
    static volatile size_t huge = size_t(1) << 50;
    char* small = new (std::nothrow) char[16];
    char* none = new (std::nothrow) char[huge];
    put("nothrow new: small=");
    put(small != nullptr);
    put(none == nullptr ? " huge=null" : " huge=allocated?");
    flush();
    delete[] small;
}

// <cstring> and <cstdlib>'s integer parsing, called as functions (the
// volatile copy keeps g++ from computing them at compile time).
static void cFunctions() {
    static volatile char src[] = "hello";
    char h[16];
    for (int i = 0; i < 6; i++) h[i] = src[i];
    char buf[32];
    line += std::to_string(std::strlen(h)) + " ";
    line += std::to_string(std::strcmp("abc", "abd")) + " " + std::to_string(std::strncmp("abd", "abc", 3) > 0) + " ";
    line += std::to_string(std::strncmp("abcx", "abcy", 3)) + " ";
    line += std::string(std::strchr(h, 'e')) + " " + std::strrchr(h, 'l') + " " + std::strstr(h, "ll") + " ";
    line += std::to_string(std::strspn(h, "eh")) + " " + std::to_string(std::strcspn(h, "lo")) + " ";
    line += std::string(std::strpbrk(h, "le"), 2) + " " + (std::strchr(h, 'z') == nullptr ? "(null)" : "?") + " ";
    std::strcpy(buf, "hi");
    std::strcat(buf, "-there");
    line += std::string(buf) + " ";
    std::strncpy(buf, "abcdef", 3);
    buf[3] = 0;
    line += std::string(buf) + " ";
    line += std::to_string(::strnlen("abcdefgh", 4)) + " ";
    line += std::to_string(std::strtol("  -0xff", nullptr, 16)) + " " + std::to_string(std::strtoul("0377", nullptr, 0)) + " ";
    char* end;
    line += std::to_string(std::strtol("zz", &end, 10)) + " ";
    line += std::memchr(h, 'o', 5) == h + 4 && ::memrchr(h, 'l', 5) == h + 3 ? "ok" : "BAD";
    go::fmt::Println("cstring:", line);
    line.clear();

    static volatile int chars[] = {'a', 'z', '7', '!', ' ', 'F', 200};
    put("cctype: ");
    line += (char)std::toupper(chars[0]);
    line += " ";
    line += (char)std::tolower(chars[1]);
    put(" ");
    put(std::isdigit(chars[2]) != 0);
    put(" ");
    put(std::isalnum(chars[3]) != 0);
    put(" ");
    put(std::isspace(chars[4]) != 0);
    put(" ");
    put(std::isxdigit(chars[5]) != 0);
    put(" ");
    put(std::isprint(chars[6]) != 0);
    flush();

    std::mt19937 rng(42);
    put("random: ");
    put((long)rng());
    std::uniform_int_distribution<int> dice(1, 6);
    put(" dice=");
    put(dice(rng));
    std::random_device rd;
    unsigned a[4], b[4];
    for (auto& x : a) x = rd();
    for (auto& x : b) x = rd();
    put(" device differs=");
    put(!std::equal(a, a + 4, b));
    flush();
}

int main() {
    vectors();
    strings();
    sequences();
    trees();
    hashes();
    adaptors();
    algorithms();
    vocabulary();
    bitsAndChars();
    callables();
    stableSortBig();
    cFunctions();
    return 0;
}
