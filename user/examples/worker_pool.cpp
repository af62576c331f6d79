// A worker pool: three workers take jobs from one channel and send results
// on another; a WaitGroup tells when every worker has returned, so that the
// results channel can be closed and ranged over.
//
// Go's idiom (as in Go by Example, "Worker Pools"):
//
//     func worker(jobs <-chan int, results chan<- result, wg *sync.WaitGroup) {
//         defer wg.Done()
//         for j := range jobs { results <- result{j, j * 2} }
//     }
//     ...
//     for w := 1; w <= 3; w++ { wg.Add(1); go worker(jobs, results, &wg) }
//     for j := 1; j <= numJobs; j++ { jobs <- j }
//     close(jobs)
//     go func() { wg.Wait(); close(results) }()
//     for r := range results { ... }
//
// The workers finish jobs in any order; main stores each result under its
// job number and prints them in order, so the output is always the same.
#include "go.h"

using namespace go;

struct Result {
    int job;
    int value;
};

// Receives jobs until the jobs channel is closed and drained. The channels
// are handles, passed by value like Go's; the WaitGroup is passed by pointer
// (it must not be copied).
void worker(chan<int> jobs, chan<Result> results, sync::WaitGroup* wg) {
    for (int j : jobs) {
        time::Sleep(10 * time::Millisecond);  // pretend to work
        results.send(Result{j, j * 2});
    }
    wg->Done();  // Go would write defer wg.Done(); there is no defer in C++
}

int main() {
    constexpr int numJobs = 9, numWorkers = 3;
    auto jobs = make_chan<int>(numJobs);
    auto results = make_chan<Result>(numJobs);

    sync::WaitGroup wg;
    for (int w = 1; w <= numWorkers; w++) {
        wg.Add(1);
        go::go(worker, jobs, results, &wg);  // go worker(jobs, results, &wg)
    }

    for (int j = 1; j <= numJobs; j++) jobs.send(j);
    jobs.close();  // each worker's range loop ends once the jobs are drained

    // Close results once every worker has returned.
    go::go([&wg, results] {
        wg.Wait();
        results.close();
    });

    int value[numJobs + 1] = {};
    int received = 0;
    for (Result r : results) {
        value[r.job] = r.value;
        received++;
    }
    for (int j = 1; j <= numJobs; j++) fmt::Printf("job %d -> %d\n", j, value[j]);
    fmt::Println(received, "results");
}
