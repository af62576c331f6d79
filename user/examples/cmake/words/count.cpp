#include <algorithm>

#include "words.h"

namespace words {

std::vector<Count> count(std::vector<std::string> words) {
    std::sort(words.begin(), words.end());
    std::vector<Count> out;
    for (auto& w : words) {
        if (out.empty() || out.back().word != w) out.push_back({std::move(w), 0});
        out.back().n++;
    }
    std::stable_sort(out.begin(), out.end(), [](const Count& a, const Count& b) { return a.n > b.n; });
    return out;
}

}  // namespace words
