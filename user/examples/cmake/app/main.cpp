// The CMake example (docs/cxx.md): a program of two files linking a library
// of two, built with gocxx as CMake's C++ compiler. Each line of a poem is
// split into words by its own goroutine; the words come back on a channel
// of std::vector<std::string>, and the counts are printed.
#include <string>
#include <vector>

#include "go.h"
#include "report.h"
#include "words.h"

static const char* const poem[] = {
    "The fog comes on little cat feet.",
    "It sits looking over harbor and city",
    "on silent haunches and then moves on.",
    "The cat, the fog, the city: the harbor's fog.",
};

int main() {
    constexpr int n = sizeof poem / sizeof poem[0];
    auto lines = go::make_chan<std::vector<std::string>>();
    for (int i = 0; i < n; i++) go::go([lines, i] { lines.send(words::split(poem[i])); });

    std::vector<std::string> all;
    for (int i = 0; i < n; i++)
        for (auto& w : lines.recv()) all.push_back(std::move(w));
    size_t total = all.size();
    auto counts = words::count(std::move(all));
    go::fmt::Println(total, "words,", counts.size(), "different");
    report(counts, 5);
}
