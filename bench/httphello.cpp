// httphello: user/examples/http_hello.cpp itself, for the http row:
// tools/bench.sh starts it and its Go twin (bench/go/httphello) in turn and
// runs `ab -k -c 50 -n 100000` against each. Metric: microseconds per
// request across all concurrent requests (ab's "Time per request", mean,
// across all concurrent requests: the inverse of requests per second).
#include "../user/examples/http_hello.cpp"
