// tracesvg.cpp — reads an execution trace (Chrome trace-event JSON as
// runtime/trace_json.cpp writes it) and either draws it as an SVG timeline
// or checks that it is consistent. A host tool (hosted C++17).
//
//   tracesvg trace.json out.svg [title] [--from-main]
//                                         one lane per P, slices coloured by goroutine,
//                                         block reasons marked, boot steps on top;
//                                         --from-main: start the picture where main starts
//   tracesvg --check trace.json [--boot]  parse and check the invariants below;
//                                         exit 1 with the first violations
//
// The checks (test/README.md, the trace step of tools/test.sh):
//   - the file is JSON with a traceEvents array;
//   - timestamps never decrease on a track;
//   - B and E pair up on every track, and a P track never holds two open
//     slices (no P runs two goroutines at once);
//   - every goroutine that starts was created (a "go" instant) before;
//   - a goroutine that blocked starts again only after an "unblock" of it;
//   - with --boot, the boot steps on m0 appear in rt0_go's order.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

// ---- A small JSON reader ---------------------------------------------------------
struct Value {
    enum Kind { Null, Bool, Num, Str, Arr, Obj } kind = Null;
    double num = 0;
    std::string str;
    std::vector<Value> arr;
    std::vector<std::pair<std::string, Value>> obj;
    const Value* get(const char* k) const {
        for (auto& [key, v] : obj)
            if (key == k) return &v;
        return nullptr;
    }
};

struct Parser {
    const std::string& s;
    size_t i = 0;
    std::string err;
    void ws() {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t')) i++;
    }
    bool fail(const char* what) {
        if (err.empty()) err = std::string(what) + " at byte " + std::to_string(i);
        return false;
    }
    bool lit(const char* w) {
        size_t n = std::strlen(w);
        if (s.compare(i, n, w) != 0) return fail("bad literal");
        i += n;
        return true;
    }
    bool string(std::string& out) {
        if (s[i] != '"') return fail("expected a string");
        for (i++; i < s.size() && s[i] != '"'; i++) {
            if (s[i] != '\\') {
                if ((unsigned char)s[i] < 0x20) return fail("control character in a string");
                out += s[i];
                continue;
            }
            if (++i >= s.size()) break;
            char c = s[i];
            if (c == 'u') {
                if (i + 4 >= s.size()) return fail("short \\u escape");
                unsigned v = (unsigned)std::strtoul(s.substr(i + 1, 4).c_str(), nullptr, 16);
                out += v < 0x80 ? (char)v : '?';
                i += 4;
            } else {
                const char* from = "\"\\/bfnrt";
                const char* to = "\"\\/\b\f\n\r\t";
                const char* p = std::strchr(from, c);
                if (p == nullptr || c == 0) return fail("bad escape");
                out += to[p - from];
            }
        }
        if (i >= s.size()) return fail("unterminated string");
        i++;
        return true;
    }
    // An object's or an array's items, from its opening bracket (at s[i])
    // through its closing one: none, or item() repeated with ',' between.
    template <class F> bool items(char close, F item) {
        i++;
        ws();
        if (s[i] == close) return i++, true;
        for (;;) {
            if (!item()) return false;
            ws();
            if (s[i] == ',') {
                i++;
                continue;
            }
            if (s[i] == close) return i++, true;
            return fail(close == '}' ? "expected ',' or '}'" : "expected ',' or ']'");
        }
    }
    bool value(Value& v) {
        ws();
        if (i >= s.size()) return fail("unexpected end");
        char c = s[i];
        if (c == '{') {
            v.kind = Value::Obj;
            return items('}', [&] {
                ws();
                std::string k;
                if (!string(k)) return false;
                ws();
                if (s[i] != ':') return fail("expected ':'");
                i++;
                v.obj.emplace_back(k, Value{});
                return value(v.obj.back().second);
            });
        }
        if (c == '[') {
            v.kind = Value::Arr;
            return items(']', [&] {
                v.arr.emplace_back();
                return value(v.arr.back());
            });
        }
        if (c == '"') return v.kind = Value::Str, string(v.str);
        if (c == 't') return v.kind = Value::Bool, v.num = 1, lit("true");
        if (c == 'f') return v.kind = Value::Bool, lit("false");
        if (c == 'n') return lit("null");
        char* end;
        v.num = std::strtod(s.c_str() + i, &end);
        if (end == s.c_str() + i) return fail("unexpected character");
        v.kind = Value::Num;
        i = (size_t)(end - s.c_str());
        return true;
    }
};

// ---- The trace's events ----------------------------------------------------------
struct Event {
    char ph;
    long tid;
    double ts;  // microseconds
    std::string name, cat, end;
    long g = 0, by = -1;
};
constexpr long tidP = 1, tidM = 1000;
bool isP(long tid) { return tid >= tidP && tid < tidM; }

bool load(const char* path, std::vector<Event>& out, std::string& err) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return err = std::string("cannot open ") + path, false;
    std::stringstream ss;
    ss << f.rdbuf();
    std::string text = ss.str();
    Parser p{text};
    Value root;
    if (!p.value(root)) return err = p.err, false;
    p.ws();
    if (p.i != text.size()) return err = "trailing data after the JSON value", false;
    const Value* evs = root.get("traceEvents");
    if (evs == nullptr || evs->kind != Value::Arr) return err = "no traceEvents array", false;
    for (const Value& v : evs->arr) {
        Event e{};
        const Value* ph = v.get("ph");
        if (ph == nullptr || ph->str.size() != 1) return err = "an event without ph", false;
        e.ph = ph->str[0];
        if (auto* x = v.get("tid")) e.tid = (long)x->num;
        if (auto* x = v.get("ts")) e.ts = x->num;
        if (auto* x = v.get("name")) e.name = x->str;
        if (auto* x = v.get("cat")) e.cat = x->str;
        if (auto* a = v.get("args")) {
            if (auto* x = a->get("g")) e.g = (long)x->num;
            if (auto* x = a->get("by")) e.by = (long)x->num;
            if (auto* x = a->get("end")) e.end = x->str;
            if (auto* x = a->get("GOMAXPROCS")) e.g = (long)x->num;
        }
        out.push_back(e);
    }
    return true;
}

// Ends of a goroutine's slice that are not blocking.
bool isBlock(const std::string& end) {
    static const std::set<std::string> notBlock = {"exit", "syscall", "Gosched", "preempted (signal)",
                                                   "preempted (stack check)", "end of trace", "P released", ""};
    return notBlock.count(end) == 0;
}

// ---- --check ---------------------------------------------------------------------
int check(const std::vector<Event>& evs, bool boot) {
    int bad = 0;
    auto problem = [&](const std::string& s) {
        if (bad++ < 20) std::fprintf(stderr, "tracesvg --check: %s\n", s.c_str());
    };
    std::map<long, double> last;            // track -> last ts
    std::map<long, std::vector<long>> open; // track -> open slices (goroutine ids, 0 for others)
    std::set<long> created;
    std::map<long, int> state;  // g -> 1 blocked, 2 unblocked since
    std::vector<std::string> bootSeen;
    size_t starts = 0;
    for (const Event& e : evs) {
        if (e.ph == 'M') continue;
        if (last.count(e.tid) && e.ts < last[e.tid])
            problem("time goes back on track " + std::to_string(e.tid) + " at ts " + std::to_string(e.ts));
        last[e.tid] = e.ts;
        if (e.ph == 'i' && e.name == "go") created.insert(e.g);
        if (e.ph == 'i' && e.name == "unblock" && state[e.g] == 1) state[e.g] = 2;
        if (e.ph == 'i' && e.tid == tidM && e.cat.empty() && e.g == 0 && e.name != "go") bootSeen.push_back(e.name);
        if (e.ph == 'B') {
            auto& o = open[e.tid];
            if (isP(e.tid)) {
                starts++;
                if (!o.empty())
                    problem("P track " + std::to_string(e.tid) + " starts g" + std::to_string(e.g) + " while g" +
                            std::to_string(o.back()) + " runs");
                if (!created.count(e.g)) {
                    problem("g" + std::to_string(e.g) + " starts but was never created");
                    created.insert(e.g);  // said once
                }
                if (state[e.g] == 1) problem("g" + std::to_string(e.g) + " runs again without an unblock");
                state[e.g] = 0;
            }
            o.push_back(e.g);
        }
        if (e.ph == 'E') {
            auto& o = open[e.tid];
            if (o.empty()) {
                problem("an E without a B on track " + std::to_string(e.tid));
                continue;
            }
            long g = o.back();
            o.pop_back();
            if (isP(e.tid) && isBlock(e.end)) state[g] = 1;
        }
    }
    for (auto& [tid, o] : open)
        if (!o.empty()) problem("track " + std::to_string(tid) + " ends with an open slice");
    if (starts == 0) problem("no goroutine ever started");
    if (boot) {
        static const char* order[] = {"_rt0_amd64_linux", "rt0_go", "settls", "args", "osinit", "schedinit",
                                      "newproc(runtime.main)", "mstart", "schedule: execute g1", "runtime.main",
                                      "main"};
        size_t k = 0;
        for (const std::string& s : bootSeen)
            if (k < std::size(order) && s == order[k]) k++;
        if (k != std::size(order)) problem(std::string("boot step missing or out of order: ") + order[k]);
    }
    if (bad) return 1;
    std::printf("trace ok: %zu events, %zu goroutines created, %zu goroutine starts\n", evs.size(), created.size(),
                starts);
    return 0;
}

// ---- The picture -----------------------------------------------------------------
std::string esc(const std::string& s) {
    std::string o;
    for (char c : s) {
        if (c == '<') o += "&lt;";
        else if (c == '>') o += "&gt;";
        else if (c == '&') o += "&amp;";
        else if (c == '"') o += "&quot;";
        else o += c;
    }
    return o;
}

std::string colour(long g) {
    unsigned h = (unsigned)(g * 2654435761u) % 360;
    return "hsl(" + std::to_string(h) + ",65%," + std::to_string(55 + (g % 3) * 8) + "%)";
}

struct Slice {
    long tid, g;
    double t0, t1;
    std::string name, end;
};

int render(const std::vector<Event>& evs, const char* out, const std::string& title, bool fromMain) {
    std::vector<Slice> slices;
    std::map<long, std::vector<size_t>> open;
    std::vector<std::pair<double, std::string>> bootSteps;
    std::set<long> lanes;
    double tmin = 1e300, tmax = 0, tmain = -1;
    for (const Event& e : evs) {
        if (e.ph == 'C' && e.name == "GOMAXPROCS")  // every P exists, whether or not it ran anything
            for (long i = 0; i < e.g; i++) lanes.insert(tidP + i);
        if (e.ph == 'i' && e.tid == tidM && e.g == 0 && e.name == "main") tmain = e.ts;
        if (e.ph == 'M' || !isP(e.tid)) {
            if (e.ph == 'i' && e.tid == tidM && e.g == 0) bootSteps.push_back({e.ts, e.name});
            if (e.ph != 'M') tmin = std::min(tmin, e.ts), tmax = std::max(tmax, e.ts);
            continue;
        }
        tmin = std::min(tmin, e.ts), tmax = std::max(tmax, e.ts);
        lanes.insert(e.tid);
        if (e.ph == 'B') {
            open[e.tid].push_back(slices.size());
            slices.push_back({e.tid, e.g, e.ts, e.ts, e.name, ""});
        } else if (e.ph == 'E' && !open[e.tid].empty()) {
            Slice& s = slices[open[e.tid].back()];
            open[e.tid].pop_back();
            s.t1 = e.ts;
            s.end = e.end;
        }
    }
    if (tmin > tmax) tmin = tmax = 0;
    if (fromMain && tmain >= 0) {
        tmin = tmain;
        std::vector<std::pair<double, std::string>> after;
        for (auto& b : bootSteps)
            if (b.first >= tmain) after.push_back(b);
        bootSteps = after;
        for (Slice& s : slices) s.t0 = std::max(s.t0, tmin), s.t1 = std::max(s.t1, tmin);
    }
    const double left = 70, width = 1100, laneH = 34, top = 60 + (bootSteps.empty() ? 0 : 90);
    double span = tmax > tmin ? tmax - tmin : 1;
    auto x = [&](double t) { return left + (t - tmin) / span * width; };
    std::map<long, int> laneIndex;
    for (long tid : lanes) laneIndex[tid] = (int)laneIndex.size();
    double height = top + laneH * (double)lanes.size() + 120 + 16 * (double)((bootSteps.size() + 2) / 3);
    FILE* f = std::fopen(out, "w");
    if (f == nullptr) return std::fprintf(stderr, "tracesvg: cannot create %s\n", out), 1;
    std::fprintf(f,
                 "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" font-family=\"sans-serif\" "
                 "font-size=\"11\">\n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n",
                 left + width + 30, height);
    std::fprintf(f, "<text x=\"%.0f\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>\n", left,
                 esc(title).c_str());
    // Time axis: about ten ticks at a round step.
    double step = std::pow(10, std::floor(std::log10(span / 10)));
    if (span / step > 20) step *= 5;
    else if (span / step > 10) step *= 2;
    double axisY = top - 8;
    for (double t = std::ceil(tmin / step) * step; t <= tmax; t += step) {
        std::fprintf(f, "<line x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"#ddd\"/>\n", x(t), axisY, x(t),
                     top + laneH * (double)lanes.size());
        std::fprintf(f, "<text x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\" fill=\"#666\">%g µs</text>\n", x(t),
                     axisY - 4, t);
    }
    // Boot steps: a numbered tick per step on m0 (numbers staggered on three
    // rows, as steps come microseconds apart), named in a list at the bottom.
    for (size_t i = 0; i < bootSteps.size(); i++) {
        double t = bootSteps[i].first, y = top - 70 + 16 * (double)(i % 3);
        std::fprintf(f, "<g class=\"boot\"><line x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"#c33\"/>"
                        "<text x=\"%.1f\" y=\"%.0f\" fill=\"#c33\" text-anchor=\"middle\">%zu</text>"
                        "<title>%s</title></g>\n",
                     x(t), y + 3, x(t), top - 22, x(t), y, i + 1, esc(bootSteps[i].second).c_str());
    }
    for (auto& [tid, i] : laneIndex) {
        double y = top + laneH * i;
        std::fprintf(f, "<g class=\"lane\" data-p=\"%ld\">\n<rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" "
                        "fill=\"%s\"/>\n<text x=\"8\" y=\"%.0f\" font-weight=\"bold\">P%ld</text>\n",
                     tid - tidP, left, y, width, laneH - 4, i % 2 ? "#f6f6f6" : "#eef", y + laneH / 2 + 2, tid - tidP);
        for (const Slice& s : slices) {
            if (s.tid != tid) continue;
            double x0 = x(s.t0), w = std::max(x(s.t1) - x0, 0.8);
            std::fprintf(f, "<rect x=\"%.2f\" y=\"%.0f\" width=\"%.2f\" height=\"%.0f\" fill=\"%s\"><title>%s, %.3f-%.3f "
                            "µs, then %s</title></rect>\n",
                         x0, y + 2, w, laneH - 8, colour(s.g).c_str(), esc(s.name).c_str(), s.t0, s.t1,
                         esc(s.end).c_str());
            if (w > 40) {
                std::fprintf(f, "<text x=\"%.1f\" y=\"%.0f\" font-size=\"9\">g%ld</text>\n", x0 + 2, y + 13, s.g);
            }
            if (isBlock(s.end)) {  // a block: a dark mark at the end, the reason under it when there is room
                std::fprintf(f, "<rect class=\"block\" x=\"%.2f\" y=\"%.0f\" width=\"2\" height=\"%.0f\" fill=\"#222\">"
                                "<title>g%ld blocks: %s</title></rect>\n",
                             x0 + w - 1, y + 2, laneH - 8, s.g, esc(s.end).c_str());
                if (w > 60)
                    std::fprintf(f, "<text x=\"%.1f\" y=\"%.0f\" font-size=\"8\" text-anchor=\"end\">%s</text>\n",
                                 x0 + w - 3, y + laneH - 9, esc(s.end).c_str());
            }
        }
        std::fprintf(f, "</g>\n");
    }
    // Legend: the goroutines, by first appearance.
    double ly = top + laneH * (double)lanes.size() + 20;
    std::set<long> shown;
    double lx = left;
    for (const Slice& s : slices) {
        if (shown.count(s.g) || shown.size() >= 12) continue;
        shown.insert(s.g);
        std::string label = s.name.size() > 40 ? s.name.substr(0, 40) + "…" : s.name;
        std::fprintf(f, "<rect x=\"%.0f\" y=\"%.0f\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%.0f\" "
                        "y=\"%.0f\">%s</text>\n",
                     lx, ly, colour(s.g).c_str(), lx + 14, ly + 9, esc(label).c_str());
        lx += 280;
        if (lx > left + width - 250) lx = left, ly += 18;
    }
    if (!bootSteps.empty()) ly += 24;
    for (size_t i = 0; i < bootSteps.size(); i++) {
        std::fprintf(f, "<text x=\"%.0f\" y=\"%.0f\" fill=\"#c33\">%zu  %s  (%.1f µs)</text>\n",
                     left + 370 * (double)(i % 3), ly + 16 * (double)(i / 3), i + 1, esc(bootSteps[i].second).c_str(),
                     bootSteps[i].first);
    }
    if (!bootSteps.empty()) ly += 16 * (double)((bootSteps.size() + 2) / 3) - 16;
    std::fprintf(f, "<text x=\"%.0f\" y=\"%.0f\" fill=\"#666\">a dark bar ends a slice where the goroutine blocked "
                    "(hover for the reason); time in µs from the start of the trace</text>\n</svg>\n",
                 left, ly + 36);
    std::fclose(f);
    std::printf("%s: %zu lanes, %zu goroutine slices\n", out, lanes.size(), slices.size());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    bool checkMode = argc >= 3 && std::strcmp(argv[1], "--check") == 0;
    if (!checkMode && argc < 3) {
        std::fprintf(stderr, "usage: tracesvg trace.json out.svg [title]\n       tracesvg --check trace.json [--boot]\n");
        return 2;
    }
    const char* in = checkMode ? argv[2] : argv[1];
    std::vector<Event> evs;
    std::string err;
    if (!load(in, evs, err)) {
        std::fprintf(stderr, "tracesvg: %s: %s\n", in, err.c_str());
        return 1;
    }
    if (checkMode) return check(evs, argc >= 4 && std::strcmp(argv[3], "--boot") == 0);
    bool fromMain = false;
    std::string title = in;
    for (int i = 3; i < argc; i++) {
        if (std::strcmp(argv[i], "--from-main") == 0) fromMain = true;
        else title = argv[i];
    }
    return render(evs, argv[2], title, fromMain);
}
