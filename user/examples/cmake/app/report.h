// report.h — printing the counts.
#pragma once

#include <vector>

#include "words.h"

void report(const std::vector<words::Count>& counts, int top);
