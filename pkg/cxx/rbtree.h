// rbtree.h — the red-black tree rebalancing behind std::map, set, multimap
// and multiset, on libstdc++'s node layout (std::_Rb_tree_node_base:
// color, parent, left, right). tree.cpp exports these under libstdc++'s
// names; the host test (test/unit/test_rbtree.cpp) calls them under ours,
// because the host's libstdc++ defines the std:: ones too.
//
// The tree hangs from a header node: header.parent is the root (nullptr
// when empty), header.left the leftmost node, header.right the rightmost
// (both &header when empty), and the root's parent is &header. The header is
// red, which together with header.parent.parent == &header tells it apart
// from the root in decrement. end() is the header.
#pragma once

namespace cxx {

enum rbcolor : int { red = 0, black = 1 };  // libstdc++'s _S_red, _S_black

struct rbnode {
    rbcolor color;
    rbnode* parent;
    rbnode* left;
    rbnode* right;
};

// In-order successor; the rightmost node's is the header.
rbnode* rbtreeIncrement(const rbnode* x);
// In-order predecessor; the header's is the rightmost node.
rbnode* rbtreeDecrement(const rbnode* x);
// Link x as p's left (insertLeft) or right child, which must be empty,
// keep header's root/leftmost/rightmost, and restore the red-black
// properties. p is &header when the tree is empty.
void rbtreeInsertAndRebalance(bool insertLeft, rbnode* x, rbnode* p, rbnode& header);
// Unlink z from the tree (moving nodes, never values), restore the
// properties, and return z for the caller to free.
rbnode* rbtreeRebalanceForErase(rbnode* z, rbnode& header);
// The number of black nodes from x up to and including root.
unsigned rbtreeBlackCount(const rbnode* x, const rbnode* root);

}  // namespace cxx
