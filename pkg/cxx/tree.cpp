// tree.cpp — libstdc++'s out-of-line red-black tree functions (declared in
// <bits/stl_tree.h>), forwarding to rbtree.cpp, which works on the same
// layout under names of its own.
#include <cstddef>
#include <map>

#include "rbtree.h"

namespace {

using base = std::_Rb_tree_node_base;

static_assert(sizeof(base) == sizeof(cxx::rbnode) && alignof(base) == alignof(cxx::rbnode));
static_assert(offsetof(base, _M_color) == offsetof(cxx::rbnode, color) &&
              offsetof(base, _M_parent) == offsetof(cxx::rbnode, parent) &&
              offsetof(base, _M_left) == offsetof(cxx::rbnode, left) &&
              offsetof(base, _M_right) == offsetof(cxx::rbnode, right));
static_assert((int)std::_S_red == cxx::red && (int)std::_S_black == cxx::black);

cxx::rbnode* ours(const base* x) { return (cxx::rbnode*)x; }
base* theirs(cxx::rbnode* x) { return (base*)x; }

}  // namespace

namespace std {

_Rb_tree_node_base* _Rb_tree_increment(_Rb_tree_node_base* x) throw() {
    return theirs(cxx::rbtreeIncrement(ours(x)));
}
const _Rb_tree_node_base* _Rb_tree_increment(const _Rb_tree_node_base* x) throw() {
    return theirs(cxx::rbtreeIncrement(ours(x)));
}
_Rb_tree_node_base* _Rb_tree_decrement(_Rb_tree_node_base* x) throw() {
    return theirs(cxx::rbtreeDecrement(ours(x)));
}
const _Rb_tree_node_base* _Rb_tree_decrement(const _Rb_tree_node_base* x) throw() {
    return theirs(cxx::rbtreeDecrement(ours(x)));
}
void _Rb_tree_insert_and_rebalance(const bool insertLeft, _Rb_tree_node_base* x, _Rb_tree_node_base* p,
                                   _Rb_tree_node_base& header) throw() {
    cxx::rbtreeInsertAndRebalance(insertLeft, ours(x), ours(p), *ours(&header));
}
_Rb_tree_node_base* _Rb_tree_rebalance_for_erase(_Rb_tree_node_base* const z, _Rb_tree_node_base& header) throw() {
    return theirs(cxx::rbtreeRebalanceForErase(ours(z), *ours(&header)));
}
unsigned int _Rb_tree_black_count(const _Rb_tree_node_base* x, const _Rb_tree_node_base* root) throw() {
    return cxx::rbtreeBlackCount(ours(x), ours(root));
}

}  // namespace std
