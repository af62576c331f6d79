// GOTRACEBACK=all while goroutines sleep, receive, select, send, and wait on
// a Mutex, a WaitGroup, an RWMutex and a Once: every wait reason and frame.
// (test/golden/README.md: the .go beside this file is the same program.)
#include "go.h"

//
//
//
//
//
go::chan<int> c1 = go::make_chan<int>(), c2 = go::make_chan<int>(), c3 = go::make_chan<int>();
go::sync::Mutex mu;
go::sync::RWMutex rw;
go::sync::WaitGroup wg;
go::sync::Once once;

__attribute__((noinline))
void waiterRecv() { c1.recv(); }

__attribute__((noinline))
void waiterSend() { c2.send(1); }

__attribute__((noinline))
void waiterSleep() { go::time::Sleep(go::time::Hour); }

__attribute__((noinline))
void waiterSelect() { int v;
    go::select(
        go::recv(c3, &v),
        go::recv(c1, &v)
    );
}

__attribute__((noinline))
void waiterMutex() { mu.Lock(); }

__attribute__((noinline))
void waiterWaitGroup() { wg.Wait(); }

__attribute__((noinline))
void waiterRWMutex() { rw.RLock(); }

__attribute__((noinline))
void blockForever() { go::select(); }

__attribute__((noinline))
void onceHolder() { once.Do(blockForever); }

__attribute__((noinline))
void waiterOnce() { once.Do(blockForever); }

int main() {
    mu.Lock();
    rw.Lock();
    wg.Add(1);
    go::go(waiterRecv);
    go::go(waiterSend);
    go::go(waiterSleep);
    go::go(waiterSelect);
    go::go(waiterMutex);
    go::go(waiterWaitGroup);
    go::go(waiterRWMutex);
    go::go(onceHolder);
    go::time::Sleep(100 * go::time::Millisecond);
    go::go(waiterOnce);
    go::time::Sleep(100 * go::time::Millisecond);
    go::panic("boom");
}
