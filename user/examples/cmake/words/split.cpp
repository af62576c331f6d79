#include "words.h"

namespace words {

static bool isWordChar(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\''; }

std::vector<std::string> split(std::string_view text) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : text) {
        if (isWordChar(c)) {
            cur += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        } else if (!cur.empty()) {
            out.push_back(std::move(cur));
            cur.clear();
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

}  // namespace words
