// The concurrent prime sieve (Go's classic): a generator goroutine and one
// filter goroutine per prime found, connected by unbuffered channels. The
// first 100 primes, checked against trial division; main returns while the
// pipeline is still blocked.
//! stdout: 2 3 5 7 11 13 17 19 23 29 31 37 41 43 47 53 59 61 67 71 73 79 83 89 97 101 103 107 109 113 127 131 137 139 149 151 157 163 167 173 179 181 191 193 197 199 211 223 227 229 233 239 241 251 257 263 269 271 277 281 283 293 307 311 313 317 331 337 347 349 353 359 367 373 379 383 389 397 401 409 419 421 431 433 439 443 449 457 461 463 467 479 487 491 499 503 509 521 523 541
//! stdout: ok
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=2 ; GOMAXPROCS=4
//! timeout: 20
//! qemu-timeout: 120
#include "go.h"
#include "testutil.h"

static void generate(go::chan<int> ch) {
    for (int i = 2;; i++) ch.send(i);
}

static void filter(go::chan<int> in, go::chan<int> out, int prime) {
    for (;;) {
        int i = in.recv();
        if (i % prime != 0) out.send(i);
    }
}

static bool isPrime(int n) {
    if (n < 2) return false;
    for (int d = 2; d * d <= n; d++)
        if (n % d == 0) return false;
    return true;
}

int main() {
    auto ch = go::make_chan<int>();
    go::go(generate, ch);
    char line[1024];
    size_t len = 0;
    int expect = 1;
    for (int i = 0; i < 100; i++) {
        int prime = ch.recv();
        do expect++;
        while (!isPrime(expect));
        CHECK_EQ(prime, expect);
        len += go::fmt::Sprintf(line + len, sizeof line - len, i ? " %d" : "%d", prime);
        auto ch1 = go::make_chan<int>();
        go::go(filter, ch, ch1, prime);
        ch = ch1;
    }
    go::fmt::Println(line);
    t::ok();
    return 0;
}
