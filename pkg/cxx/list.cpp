// list.cpp — std::__detail::_List_node_base's out-of-line members
// (<bits/stl_list.h>), the pointer surgery behind std::list: a circular
// doubly linked list whose header node is end(); an empty list's header
// points to itself both ways.
#include <list>

namespace std::__detail {

// Insert this node before pos.
void _List_node_base::_M_hook(_List_node_base* const pos) noexcept {
    _M_next = pos;
    _M_prev = pos->_M_prev;
    pos->_M_prev->_M_next = this;
    pos->_M_prev = this;
}

void _List_node_base::_M_unhook() noexcept {
    _M_prev->_M_next = _M_next;
    _M_next->_M_prev = _M_prev;
}

// Move the nodes [first, last) (of this list or another) before this node.
void _List_node_base::_M_transfer(_List_node_base* const first, _List_node_base* const last) noexcept {
    if (this == last || first == last) return;
    _List_node_base* before = first->_M_prev;  // stays where it is
    _List_node_base* tail = last->_M_prev;     // the range's last node
    _List_node_base* prev = _M_prev;           // will precede first
    before->_M_next = last;
    last->_M_prev = before;
    prev->_M_next = first;
    first->_M_prev = prev;
    tail->_M_next = this;
    _M_prev = tail;
}

// Reverse the list this header heads: every node, the header too, swaps
// its two links.
void _List_node_base::_M_reverse() noexcept {
    _List_node_base* n = this;
    do {
        _List_node_base* next = n->_M_next;
        n->_M_next = n->_M_prev;
        n->_M_prev = next;
        n = next;
    } while (n != this);
}

// Exchange the nodes of the lists headed by x and y.
void _List_node_base::swap(_List_node_base& x, _List_node_base& y) noexcept {
    _List_node_base* xn = x._M_next;
    _List_node_base* xp = x._M_prev;
    bool xEmpty = xn == &x, yEmpty = y._M_next == &y;
    if (yEmpty) {
        x._M_next = x._M_prev = &x;
    } else {
        x._M_next = y._M_next;
        x._M_prev = y._M_prev;
        x._M_next->_M_prev = x._M_prev->_M_next = &x;
    }
    if (xEmpty) {
        y._M_next = y._M_prev = &y;
    } else {
        y._M_next = xn;
        y._M_prev = xp;
        y._M_next->_M_prev = y._M_prev->_M_next = &y;
    }
}

}  // namespace std::__detail
