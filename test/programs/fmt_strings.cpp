// go::fmt takes std::string and std::string_view wherever it takes a
// const char*: as %s %q %v %x operands, with widths and precisions, in
// Println/Print (where a string is a string: no space between two of them in
// Print), as the format itself, and in Sprintf; a view is bounded by its
// size (not by a NUL), and an empty one prints as "", not <nil>. Expected
// lines are what Go 1.19 prints for the same calls on Go strings.
//! stdout: [hello] [world] [hel] ["quo\"te"] [  right] [left   ]
//! stdout: 68656c6c6f|6869|"view"
//! stdout: std::string string_view const char* 42
//! stdout: abcd
//! stdout: ab 1
//! stdout: format from a string: 7
//! stdout: format from a view: 8
//! stdout: []|[]|""|[    ]
//! stdout: %!d(string=x)
//! stdout: Sprintf: 16 [str=abc|sv=xyz]
//! stdout: wo
#include <string>
#include <string_view>

#include "go.h"

int main() {
    std::string s = "hello";
    std::string_view v = "world and more";
    v = v.substr(0, 5);  // not NUL-terminated at its end
    std::string q = "quo\"te";
    go::fmt::Printf("[%s] [%s] [%.3s] [%q] [%7s] [%-7s]\n", s, v, s, q, std::string_view("right"), std::string("left"));
    go::fmt::Printf("%x|%x|%q\n", s, std::string_view("hi!").substr(0, 2), std::string_view("view"));
    go::fmt::Println(std::string("std::string"), std::string_view("string_view"), "const char*", 42);
    go::fmt::Print(std::string("ab"), std::string_view("cd"), "\n");
    go::fmt::Print(std::string("ab "), 1, "\n");

    std::string f = "format from a string: %d\n";
    go::fmt::Printf(f, 7);
    std::string_view fv = "format from a view: %d\n<not this>";
    go::fmt::Printf(fv.substr(0, fv.find('<')), 8);

    std::string_view empty;
    go::fmt::Printf("[%s]|[%v]|%q|[%4s]\n", empty, std::string(), empty, empty);
    go::fmt::Printf("%d\n", std::string("x"));

    char buf[64];
    int n = go::fmt::Sprintf(buf, sizeof buf, std::string("[str=%s|sv=%s]"), std::string("abc"), std::string_view("xyz"));
    go::fmt::Println("Sprintf:", n, buf);
    go::fmt::Fprintf(1, std::string_view("%s\n"), v.substr(0, 2));
}

// The Go twin:
//   s, v, q := "hello", "world", "quo\"te"
//   fmt.Printf("[%s] [%s] [%.3s] [%q] [%7s] [%-7s]\n", s, v, s, q, "right", "left")
//   fmt.Printf("%x|%x|%q\n", s, "hi", "view")
//   fmt.Println("std::string", "string_view", "const char*", 42)
//   fmt.Print("ab", "cd", "\n"); fmt.Print("ab ", 1, "\n")
//   fmt.Printf("[%s]|[%v]|%q|[%4s]\n", "", "", "", ""); fmt.Printf("%d\n", "x")
