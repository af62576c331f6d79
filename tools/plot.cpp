// plot — writes the SVG bar chart of docs/performance.md (tools/bench.sh
// builds and runs it; hosted C++17, no libraries).
//
//   plot IN.tsv OUT.svg [TITLE]
//
// IN.tsv has one row per benchmark, tab-separated:
//     label  ratio  target  verdict
// ratio is Go/ours (> 1: we are better), "-" when there is none (a failed
// row: drawn as FAIL); target is the ratio the row must reach ("-": none);
// verdict is meets, misses, FAIL or anything else (drawn grey).
// The x axis is logarithmic, centred on the 1.0 line; each target is a
// black marker on its row.
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <string>
#include <vector>

struct Row {
    std::string label, verdict;
    double ratio = NAN, target = NAN;
};

static std::string esc(const std::string& s) {
    std::string o;
    for (char c : s) {
        if (c == '<') o += "&lt;";
        else if (c == '>') o += "&gt;";
        else if (c == '&') o += "&amp;";
        else o += c;
    }
    return o;
}

static double num(const std::string& s) {
    if (s.empty() || s == "-") return NAN;
    char* end;
    double v = strtod(s.c_str(), &end);
    return (*end == 0 && v > 0) ? v : NAN;
}

int main(int argc, char** argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: plot IN.tsv OUT.svg [TITLE]\n");
        return 2;
    }
    FILE* in = fopen(argv[1], "r");
    if (!in) {
        perror(argv[1]);
        return 1;
    }
    std::vector<Row> rows;
    char line[1024];
    while (fgets(line, sizeof line, in)) {
        line[strcspn(line, "\r\n")] = 0;
        if (!line[0] || line[0] == '#') continue;
        std::vector<std::string> f;
        std::string cur;
        for (char* p = line;; p++) {
            if (*p == '\t' || *p == 0) {
                f.push_back(cur);
                cur.clear();
                if (!*p) break;
            } else {
                cur += *p;
            }
        }
        f.resize(4);
        Row r;
        r.label = f[0];
        r.ratio = num(f[1]);
        r.target = num(f[2]);
        r.verdict = f[3];
        rows.push_back(r);
    }
    fclose(in);
    const char* title = argc > 3 ? argv[3] : "Go / ours (log scale; > 1: we are faster or smaller)";

    // Domain: whole decades around every ratio and target, at least 0.1..10.
    double lo = 0.1, hi = 10;
    for (auto& r : rows)
        for (double v : {r.ratio, r.target})
            if (!isnan(v)) {
                while (v < lo * 1.15) lo /= 10;
                while (v > hi / 1.15) hi *= 10;
            }
    const double L = 190, R = 820, W = 880, top = 56, rowH = 26;
    const double H = top + rowH * rows.size() + 56;
    auto X = [&](double v) { return L + (log10(v) - log10(lo)) / (log10(hi) - log10(lo)) * (R - L); };

    FILE* o = fopen(argv[2], "w");
    if (!o) {
        perror(argv[2]);
        return 1;
    }
    fprintf(o, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
               "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"12\">\n", W, H, W, H);
    fprintf(o, "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n");
    fprintf(o, "<text x=\"%.0f\" y=\"24\" font-size=\"15\" font-weight=\"bold\">%s</text>\n", L, esc(title).c_str());

    // Grid: 1, 2, 5 of each decade.
    double bottom = top + rowH * rows.size();
    for (double d = lo; d < hi * 1.001; d *= 10)
        for (double m : {1.0, 2.0, 5.0}) {
            double v = d * m;
            if (v > hi * 1.001) break;
            double x = X(v);
            bool major = m == 1.0;
            fprintf(o, "<line x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"%s\" stroke-width=\"1\"/>\n", x,
                    top - 6, x, bottom, major ? "#bbb" : "#e4e4e4");
            char lab[32];
            snprintf(lab, sizeof lab, v < 1 ? "%g" : "%g", v);
            fprintf(o, "<text x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\" fill=\"#555\">%s&#215;</text>\n", x,
                    bottom + 16, lab);
        }
    double x1 = X(1.0);

    for (size_t i = 0; i < rows.size(); i++) {
        const Row& r = rows[i];
        double y = top + rowH * i, cy = y + rowH / 2;
        if (i % 2) fprintf(o, "<rect x=\"0\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" fill=\"#f7f7f7\"/>\n", y, W, rowH);
        fprintf(o, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", L - 10, cy + 4, esc(r.label).c_str());
        if (isnan(r.ratio)) {
            fprintf(o, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#c00\" font-weight=\"bold\">%s</text>\n", x1 + 6, cy + 4,
                    r.verdict == "FAIL" ? "FAIL" : "no ratio");
        } else {
            const char* color = r.verdict == "meets" ? "#2e9d4a" : r.verdict == "misses" ? "#d9412b" : "#8a8a8a";
            double xr = X(r.ratio);
            double a = xr < x1 ? xr : x1, b = xr < x1 ? x1 : xr;
            fprintf(o, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n", a, y + 5,
                    b - a < 1 ? 1 : b - a, rowH - 10, color);
            char lab[32];
            snprintf(lab, sizeof lab, r.ratio < 10 ? "%.2f" : "%.1f", r.ratio);
            bool right = xr >= x1;
            double lx = right ? b + 5 : a - 5;
            // Keep the label clear of the target marker.
            if (!isnan(r.target)) {
                double xt = X(r.target);
                if (right && xt > b - 6 && xt < b + 48) lx = xt + 9;
                if (!right && xt < a + 6 && xt > a - 48) lx = xt - 9;
            }
            fprintf(o, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"#222\">%s&#215;</text>\n",
                    lx, cy + 4, right ? "start" : "end", lab);
        }
        if (!isnan(r.target)) {
            double xt = X(r.target);
            fprintf(o, "<path d=\"M %.1f %.1f l -5 -7 h 10 z\" fill=\"black\"/>\n", xt, y + 9);
            fprintf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"black\" stroke-width=\"2\"/>\n",
                    xt, y + 4, xt, y + rowH - 3);
        }
    }
    fprintf(o, "<line x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"black\" stroke-width=\"1.5\" "
               "stroke-dasharray=\"5,3\"/>\n", x1, top - 10, x1, bottom);
    // Legend.
    double ly = bottom + 38;
    struct {
        const char* color;
        const char* text;
    } leg[] = {{"#2e9d4a", "meets its target"}, {"#d9412b", "misses its target"}, {"#8a8a8a", "no target"}};
    double lx = L;
    for (auto& l : leg) {
        fprintf(o, "<rect x=\"%.0f\" y=\"%.0f\" width=\"12\" height=\"12\" fill=\"%s\"/>\n", lx, ly - 10, l.color);
        fprintf(o, "<text x=\"%.0f\" y=\"%.0f\">%s</text>\n", lx + 17, ly, l.text);
        lx += 150;
    }
    fprintf(o, "<path d=\"M %.0f %.0f l -5 -7 h 10 z\" fill=\"black\"/>\n", lx + 6, ly - 1);
    fprintf(o, "<text x=\"%.0f\" y=\"%.0f\">target (Go/ours needed)</text>\n", lx + 17, ly);
    fprintf(o, "</svg>\n");
    fclose(o);
    return 0;
}
