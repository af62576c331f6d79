#include "report.h"

#include "go.h"

void report(const std::vector<words::Count>& counts, int top) {
    for (int i = 0; i < top && i < static_cast<int>(counts.size()); i++)
        go::fmt::Printf("%-6s %d\n", counts[i].word, counts[i].n);
}
