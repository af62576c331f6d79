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
    std::sort(out.begin(), out.end(), [](const Count& a, const Count& b) {
        return a.n != b.n ? a.n > b.n : a.word < b.word;  // out is sorted by word: keep that among equals
    });
    return out;
}

}  // namespace words
