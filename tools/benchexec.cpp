// benchexec — process start-up measurements for tools/bench.sh (hosted C++,
// built with the host g++).
//
//   benchexec time N PROG [ARGS...]
//       Starts PROG N times, one after the other (posix_spawn, stdout and
//       stderr to /dev/null), and times each run from just before the spawn to
//       the return of wait4: process start to exit, as a shell user sees it.
//       Prints "EXEC median_us=M mean_us=A min_us=L fails=F".
//   benchexec rss PROG [ARGS...]
//       Runs PROG once under ptrace and, when its main thread exits
//       (PTRACE_EVENT_EXIT: the address space still exists), reads VmHWM from
//       /proc/PID/status: the peak resident set of the new program image
//       alone. (wait4's ru_maxrss is no good here: exec keeps the high-water
//       mark of the pre-exec image, which is a copy of the launcher's.)
//       Prints "RSS peak_kb=K".
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>

#include <algorithm>
#include <vector>

extern char** environ;

static double nowUs() {
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int cmdTime(int n, char** argv) {
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    std::vector<double> us;
    int fails = 0;
    for (int i = 0; i < n; i++) {
        pid_t pid;
        double t0 = nowUs();
        if (posix_spawn(&pid, argv[0], &fa, nullptr, argv, environ) != 0) {
            perror("posix_spawn");
            return 1;
        }
        int st;
        if (waitpid(pid, &st, 0) < 0) {
            perror("waitpid");
            return 1;
        }
        double t1 = nowUs();
        if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) fails++;
        us.push_back(t1 - t0);
    }
    std::sort(us.begin(), us.end());
    double sum = 0;
    for (double u : us) sum += u;
    double med = n % 2 ? us[n / 2] : (us[n / 2 - 1] + us[n / 2]) / 2;
    printf("EXEC median_us=%.1f mean_us=%.1f min_us=%.1f fails=%d\n", med, sum / n, us[0], fails);
    return fails ? 1 : 0;
}

static long vmhwmKb(pid_t pid) {
    char path[64], buf[4096];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    int fd = open(path, O_RDONLY);
    if (fd < 0) return -1;
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0) return -1;
    buf[n] = 0;
    const char* p = strstr(buf, "VmHWM:");
    return p ? strtol(p + 6, nullptr, 10) : -1;
}

static int cmdRss(char** argv) {
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 1;
    }
    if (pid == 0) {
        int fd = open("/dev/null", O_WRONLY);
        dup2(fd, 1);
        dup2(fd, 2);
        ptrace(PTRACE_TRACEME, 0, nullptr, nullptr);
        execv(argv[0], argv);
        _exit(127);
    }
    int st;
    long kb = -1;
    bool ok = false;
    // First stop: SIGTRAP after the exec.
    if (waitpid(pid, &st, 0) < 0 || !WIFSTOPPED(st)) {
        fprintf(stderr, "benchexec: %s did not start\n", argv[0]);
        return 1;
    }
    ptrace(PTRACE_SETOPTIONS, pid, nullptr, (void*)(long)(PTRACE_O_TRACEEXIT | PTRACE_O_EXITKILL));
    ptrace(PTRACE_CONT, pid, nullptr, nullptr);
    for (;;) {
        if (waitpid(pid, &st, __WALL) < 0) break;
        if (WIFEXITED(st)) {
            ok = WEXITSTATUS(st) == 0;
            break;
        }
        if (WIFSIGNALED(st)) break;
        if (WIFSTOPPED(st)) {
            int sig = WSTOPSIG(st);
            if (sig == SIGTRAP && (st >> 16) == PTRACE_EVENT_EXIT) {
                kb = vmhwmKb(pid);
                sig = 0;
            }
            // Pass real signals on (the runtimes use signals of their own).
            ptrace(PTRACE_CONT, pid, nullptr, (void*)(long)(sig == SIGTRAP ? 0 : sig));
        }
    }
    if (!ok || kb < 0) {
        fprintf(stderr, "benchexec: %s failed (status %#x)\n", argv[0], st);
        return 1;
    }
    printf("RSS peak_kb=%ld\n", kb);
    return 0;
}

int main(int argc, char** argv) {
    if (argc >= 4 && strcmp(argv[1], "time") == 0) return cmdTime(atoi(argv[2]), argv + 3);
    if (argc >= 3 && strcmp(argv[1], "rss") == 0) return cmdRss(argv + 2);
    fprintf(stderr, "usage: benchexec time N PROG [ARGS...] | benchexec rss PROG [ARGS...]\n");
    return 2;
}
