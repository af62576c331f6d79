// rbtree.cpp — red-black insertion and deletion (Cormen, Leiserson, Rivest,
// Stein, "Introduction to Algorithms", 3rd ed., ch. 13), adapted to
// libstdc++'s header node (rbtree.h): there is no sentinel nil node, so a
// missing child is nullptr (black), and deletion keeps the parent of the
// possibly-null node it fixes up; the root's parent is the header, so
// "x is the root" is x == header.parent.
#include "rbtree.h"

namespace cxx {

namespace {

bool isRed(const rbnode* x) { return x != nullptr && x->color == red; }

rbnode* minimum(rbnode* x) {
    while (x->left != nullptr) x = x->left;
    return x;
}

rbnode* maximum(rbnode* x) {
    while (x->right != nullptr) x = x->right;
    return x;
}

// CLRS writes each fix-up twice, once for x on the left and once mirrored;
// here side says which (0 left, 1 right) and child(x, side) picks the link.
rbnode*& child(rbnode* x, int side) { return side ? x->right : x->left; }

// Rotate x down to its side: its child on the other side, y, takes its
// place (side 0 is CLRS's LEFT-ROTATE, side 1 its RIGHT-ROTATE).
void rotate(rbnode* x, int side, rbnode& header) {
    rbnode* y = child(x, !side);
    child(x, !side) = child(y, side);
    if (child(y, side) != nullptr) child(y, side)->parent = x;
    y->parent = x->parent;
    if (x == header.parent) header.parent = y;
    else if (x == x->parent->left) x->parent->left = y;
    else x->parent->right = y;
    child(y, side) = x;
    x->parent = y;
}

// Put v (maybe nullptr) where u is in the tree (CLRS's RB-TRANSPLANT).
void transplant(rbnode* u, rbnode* v, rbnode& header) {
    if (u == header.parent) header.parent = v;
    else if (u == u->parent->left) u->parent->left = v;
    else u->parent->right = v;
    if (v != nullptr) v->parent = u->parent;
}

// CLRS's RB-INSERT-FIXUP: x is red; while its parent is red too, recolour
// (red uncle) or rotate (black uncle).
void insertFixup(rbnode* x, rbnode& header) {
    while (x != header.parent && x->parent->color == red) {
        rbnode* xp = x->parent;
        rbnode* xpp = xp->parent;  // exists: a red node is never the root
        int side = xp == xpp->right;
        rbnode* uncle = child(xpp, !side);
        if (isRed(uncle)) {
            xp->color = black;
            uncle->color = black;
            xpp->color = red;
            x = xpp;
            continue;
        }
        if (x == child(xp, !side)) {  // x zig-zags: make it a straight line
            x = xp;
            rotate(x, side, header);
            xp = x->parent;
        }
        xp->color = black;
        xpp->color = red;
        rotate(xpp, !side, header);
    }
    header.parent->color = black;
}

// CLRS's RB-DELETE-FIXUP: x (maybe nullptr, child of xp) carries an extra
// black; push it up, or absorb it with recolourings and rotations through
// x's sibling w.
void eraseFixup(rbnode* x, rbnode* xp, rbnode& header) {
    while (x != header.parent && !isRed(x)) {
        int side = x == xp->left ? 0 : 1;
        rbnode* w = child(xp, !side);  // not nullptr: its side has an extra black
        if (w->color == red) {
            w->color = black;
            xp->color = red;
            rotate(xp, side, header);
            w = child(xp, !side);
        }
        if (!isRed(w->left) && !isRed(w->right)) {
            w->color = red;
            x = xp;
            xp = xp->parent;
            continue;
        }
        if (!isRed(child(w, !side))) {
            child(w, side)->color = black;
            w->color = red;
            rotate(w, !side, header);
            w = child(xp, !side);
        }
        w->color = xp->color;
        xp->color = black;
        if (child(w, !side) != nullptr) child(w, !side)->color = black;
        rotate(xp, side, header);
        x = header.parent;
    }
    if (x != nullptr) x->color = black;
}

}  // namespace

rbnode* rbtreeIncrement(const rbnode* x) {
    if (x->right != nullptr) return minimum(x->right);
    // Climb while x is a right child; the first ancestor reached from its
    // left is the successor. From the rightmost node the climb passes the
    // root and reaches the header (the root's parent, whose parent is the
    // root again): the header is the answer then.
    rbnode* y = x->parent;
    while (x == y->right) {
        x = y;
        y = y->parent;
    }
    // x->right == y only when x is the header and y the root (a tree whose
    // root is its rightmost node): the header is the answer.
    return x->right != y ? y : (rbnode*)x;
}

rbnode* rbtreeDecrement(const rbnode* x) {
    if (x->color == red && x->parent->parent == x) return x->right;  // the header: end() - 1
    if (x->left != nullptr) return maximum(x->left);
    rbnode* y = x->parent;
    while (x == y->left) {
        x = y;
        y = y->parent;
    }
    return y;
}

void rbtreeInsertAndRebalance(bool insertLeft, rbnode* x, rbnode* p, rbnode& header) {
    x->parent = p;
    x->left = nullptr;
    x->right = nullptr;
    x->color = red;
    if (insertLeft) {
        p->left = x;  // for p == &header this sets leftmost
        if (p == &header) {
            header.parent = x;
            header.right = x;
        } else if (p == header.left) {
            header.left = x;
        }
    } else {
        p->right = x;
        if (p == header.right) header.right = x;
    }
    insertFixup(x, header);
}

rbnode* rbtreeRebalanceForErase(rbnode* z, rbnode& header) {
    // The new leftmost/rightmost if z is one of them (then it lacks that
    // child): its successor/predecessor, or the header when z is the last.
    rbnode* leftmost = header.left;
    rbnode* rightmost = header.right;
    if (z == leftmost) leftmost = z->right != nullptr ? minimum(z->right) : z->parent;
    if (z == rightmost) rightmost = z->left != nullptr ? maximum(z->left) : z->parent;

    rbcolor removed = z->color;  // the colour of the node leaving its place
    rbnode* x;                   // what takes that place (maybe nullptr)...
    rbnode* xp;                  // ...and its parent
    if (z->left == nullptr) {
        x = z->right;
        xp = z->parent;
        transplant(z, z->right, header);
    } else if (z->right == nullptr) {
        x = z->left;
        xp = z->parent;
        transplant(z, z->left, header);
    } else {
        rbnode* y = minimum(z->right);  // z's successor moves into z's place
        removed = y->color;
        x = y->right;
        if (y->parent == z) {
            xp = y;
        } else {
            xp = y->parent;
            transplant(y, y->right, header);
            y->right = z->right;
            y->right->parent = y;
        }
        transplant(z, y, header);
        y->left = z->left;
        y->left->parent = y;
        y->color = z->color;
    }
    if (header.parent == nullptr) {  // z was the only node
        header.left = &header;
        header.right = &header;
        return z;
    }
    header.left = leftmost;
    header.right = rightmost;
    if (removed == black) eraseFixup(x, xp, header);
    return z;
}

unsigned rbtreeBlackCount(const rbnode* x, const rbnode* root) {
    if (x == nullptr) return 0;
    unsigned n = 0;
    for (;; x = x->parent) {
        if (x->color == black) n++;
        if (x == root) return n;
    }
}

}  // namespace cxx
