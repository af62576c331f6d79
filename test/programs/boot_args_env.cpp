// Arguments and environment: argc/argv as C++ has them, and the same through
// go::os::Args() and go::os::Getenv().
//! args: one "two words" '' three
//! env: TEST_FOO=bar TEST_EMPTY= TEST_EQ=a=b
//! stdout: 5 args
//! stdout: [one] [two words] [] [three]
//! stdout: ok
#include "go.h"
#include "testutil.h"

int main(int argc, char** argv) {
    go::fmt::Printf("%d args\n", argc);
    CHECK_EQ(argc, 5);
    CHECK(argv[argc] == nullptr);
    CHECK_STREQ(argv[1], "one");
    CHECK_STREQ(argv[2], "two words");
    CHECK_STREQ(argv[3], "");
    CHECK_STREQ(argv[4], "three");

    auto args = go::os::Args();
    CHECK_EQ(args.size(), argc);
    for (int i = 0; i < argc; i++) CHECK_STREQ(args[i], argv[i]);
    int n = 0;
    for (const char* a : args) {
        if (n > 0) go::fmt::Printf("%s[%s]", n > 1 ? " " : "", a);
        n++;
    }
    go::fmt::Println();
    CHECK_EQ(n, argc);

    CHECK_STREQ(go::os::Getenv("TEST_FOO"), "bar");
    CHECK_STREQ(go::os::Getenv("TEST_EMPTY"), "");
    CHECK_STREQ(go::os::Getenv("TEST_EQ"), "a=b");
    CHECK_STREQ(go::os::Getenv("TEST_MODE"), t::underQemu() ? "qemu" : "native");
    CHECK(go::os::Getenv("TEST_NOT_SET_ANYWHERE") == nullptr);
    CHECK(go::os::Getenv("TEST_FO") == nullptr);   // a prefix of a name is not the name
    CHECK(go::os::Getenv("TEST_FOOB") == nullptr);
    CHECK(go::os::Getenv("GODEBUG") == nullptr);    // the runner clears it
    t::ok();
    return 0;
}
