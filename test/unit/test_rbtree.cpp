// Host tests of the red-black tree behind std::map and std::set
// (pkg/cxx/rbtree.cpp, under its own names: the host's libstdc++ defines
// the std:: ones). Random inserts and erases against a sorted vector, with
// every red-black and header invariant checked after each step.
#include <algorithm>
#include <random>
#include <vector>

#include <catch2/catch.hpp>

#include "pkg/cxx/rbtree.h"

using cxx::rbnode;

namespace {

struct node {
    rbnode base;  // first: a node's address is its rbnode's
    int key;
};

int keyOf(const rbnode* n) { return ((const node*)n)->key; }

struct tree {
    rbnode header{cxx::red, nullptr, &header, &header};
    std::vector<int> ref;  // the same multiset, sorted

    ~tree() {
        while (header.parent != nullptr) erase(keyOf(header.parent));
    }

    // As std::multiset::insert: equal keys go after the existing ones.
    void insert(int k) {
        rbnode* p = &header;
        bool left = true;
        for (rbnode* x = header.parent; x != nullptr;) {
            p = x;
            left = k < keyOf(x);
            x = left ? x->left : x->right;
        }
        auto* n = new node{{}, k};
        cxx::rbtreeInsertAndRebalance(left, &n->base, p, header);
        ref.insert(std::upper_bound(ref.begin(), ref.end(), k), k);
    }

    // Remove one node with key k, if any.
    bool erase(int k) {
        rbnode* x = header.parent;
        while (x != nullptr && keyOf(x) != k) x = k < keyOf(x) ? x->left : x->right;
        if (x == nullptr) return false;
        rbnode* gone = cxx::rbtreeRebalanceForErase(x, header);
        REQUIRE(gone == x);
        delete (node*)gone;
        ref.erase(std::lower_bound(ref.begin(), ref.end(), k));
        return true;
    }
};

// Check the subtree at x (parent xp) and return its black height, counting
// the null leaves' level as 1; collect its keys in order.
int checkSubtree(const rbnode* x, const rbnode* xp, std::vector<int>& keys) {
    if (x == nullptr) return 1;
    REQUIRE(x->parent == xp);
    REQUIRE((x->color == cxx::red || x->color == cxx::black));
    if (x->color == cxx::red) {
        REQUIRE((x->left == nullptr || x->left->color == cxx::black));
        REQUIRE((x->right == nullptr || x->right->color == cxx::black));
    }
    int lh = checkSubtree(x->left, x, keys);
    keys.push_back(keyOf(x));
    int rh = checkSubtree(x->right, x, keys);
    REQUIRE(lh == rh);
    return lh + (x->color == cxx::black ? 1 : 0);
}

void checkInvariants(tree& t) {
    rbnode* root = t.header.parent;
    if (root == nullptr) {
        REQUIRE(t.ref.empty());
        REQUIRE(t.header.left == &t.header);
        REQUIRE(t.header.right == &t.header);
        return;
    }
    REQUIRE(t.header.color == cxx::red);
    REQUIRE(root->color == cxx::black);
    std::vector<int> keys;
    int height = checkSubtree(root, &t.header, keys);
    REQUIRE(keys == t.ref);  // in order, and the same multiset

    const rbnode* leftmost = root;
    while (leftmost->left != nullptr) leftmost = leftmost->left;
    const rbnode* rightmost = root;
    while (rightmost->right != nullptr) rightmost = rightmost->right;
    REQUIRE(t.header.left == leftmost);
    REQUIRE(t.header.right == rightmost);
    REQUIRE(cxx::rbtreeBlackCount(leftmost, root) == (unsigned)height - 1);

    // Iteration both ways, ending at the header (end()).
    std::vector<int> fwd, back;
    for (const rbnode* n = t.header.left; n != &t.header; n = cxx::rbtreeIncrement(n)) fwd.push_back(keyOf(n));
    for (const rbnode* n = cxx::rbtreeDecrement(&t.header);; n = cxx::rbtreeDecrement(n)) {
        back.push_back(keyOf(n));
        if (n == t.header.left) break;
    }
    std::reverse(back.begin(), back.end());
    REQUIRE(fwd == t.ref);
    REQUIRE(back == t.ref);
}

}  // namespace

TEST_CASE("rbtree: ascending, descending and single-node trees") {
    tree t;
    checkInvariants(t);
    t.insert(1);
    checkInvariants(t);
    REQUIRE(cxx::rbtreeIncrement(t.header.parent) == &t.header);
    REQUIRE(cxx::rbtreeDecrement(&t.header) == t.header.parent);
    REQUIRE(t.erase(1));
    checkInvariants(t);
    for (int i = 0; i < 200; i++) {
        t.insert(i);
        checkInvariants(t);
    }
    for (int i = 399; i >= 200; i--) {
        t.insert(i);
        checkInvariants(t);
    }
    for (int i = 0; i < 400; i += 2) {
        REQUIRE(t.erase(i));
        checkInvariants(t);
    }
}

TEST_CASE("rbtree: random inserts and erases against a sorted vector") {
    for (uint32_t seed = 1; seed <= 20; seed++) {
        std::mt19937 rng(seed);
        tree t;
        int range = seed % 2 ? 64 : 100000;  // many duplicates, or few
        for (int step = 0; step < 3000; step++) {
            int k = (int)(rng() % (uint32_t)range);
            // Grow for a while, then shrink: the tree passes every size.
            bool grow = (step / 500) % 2 == 0;
            if (rng() % 4 != 0 ? grow : !grow) t.insert(k);
            else if (!t.erase(k) && !t.ref.empty()) t.erase(t.ref[rng() % t.ref.size()]);
            checkInvariants(t);
        }
        while (!t.ref.empty()) {
            t.erase(t.ref[rng() % t.ref.size()]);
            checkInvariants(t);
        }
    }
}
