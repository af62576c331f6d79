// words.h — the example's library: splitting text into words and counting
// them, with std::string and std::vector. Nothing here knows about
// goroutines: it is ordinary C++ built by gocxx like the rest.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace words {

// The words of text, lower-cased: runs of letters and apostrophes.
std::vector<std::string> split(std::string_view text);

struct Count {
    std::string word;
    int n;
};

// How often each word occurs, most frequent first (ties alphabetically).
std::vector<Count> count(std::vector<std::string> words);

}  // namespace words
