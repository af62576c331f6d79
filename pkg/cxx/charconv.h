// charconv.h — floating-point to_chars and from_chars (charconv.cpp) under
// our names. to_chars.cpp exports them as libstdc++'s out-of-line
// std::to_chars and std::from_chars; the host test
// (test/unit/test_charconv.cpp) calls them under these names and compares
// them with the host's, which define the std:: ones too.
#pragma once

#include <charconv>

namespace cxx {

// fmt chars_format{} is the plain to_chars (no format); prec -1 is the
// shortest digits that read back as value, and is the only negative
// precision allowed (printf's default is the caller's business).
std::to_chars_result floatToChars(char* first, char* last, float value, std::chars_format fmt, int prec);
std::to_chars_result floatToChars(char* first, char* last, double value, std::chars_format fmt, int prec);
std::to_chars_result floatToChars(char* first, char* last, long double value, std::chars_format fmt, int prec);
std::from_chars_result floatFromChars(const char* first, const char* last, float& value, std::chars_format fmt);
std::from_chars_result floatFromChars(const char* first, const char* last, double& value, std::chars_format fmt);
std::from_chars_result floatFromChars(const char* first, const char* last, long double& value, std::chars_format fmt);

}  // namespace cxx
