# httpserver.sh — sourced by tools/test.sh and tools/bench.sh: start an HTTP
# server program on a free port and wait until it answers.
#
# start_http_server LOG CMD...: runs `CMD... PORT` in the background, output
# appended to LOG, on a random port below the kernel's ephemeral range
# (32768-60999), where the TCP tests' and benchmarks' closed connections
# linger. If another socket holds the port anyway, the server exits at once
# ("address already in use") and another port is tried, up to five. Waits
# up to 10 s for an answer. Sets HTTP_PORT and HTTP_PID.
start_http_server() {
    local log=$1 try
    shift
    for try in 1 2 3 4 5; do
        HTTP_PORT=$((10000 + RANDOM % 20000))
        "$@" "$HTTP_PORT" >>"$log" 2>&1 &
        HTTP_PID=$!
        for _ in $(seq 100); do
            curl -s -o /dev/null "http://127.0.0.1:$HTTP_PORT/" && return 0
            kill -0 "$HTTP_PID" 2>/dev/null || break
            sleep 0.1
        done
        kill -0 "$HTTP_PID" 2>/dev/null && return 0
        wait "$HTTP_PID" 2>/dev/null
    done
}
