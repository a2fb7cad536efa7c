// Threads kept in a static pool: a std::jthread owns its stop source and
// requests stop and joins when the pool is destroyed, so it is not a
// request's context parked in a global. Values with no context-family type
// (ids, deadlines) stored beside them are not either.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20

#include <chrono>
#include <map>
#include <mutex>
#include <stop_token>
#include <thread>
#include <vector>

static std::vector<std::jthread> g_workers;
static std::map<int, std::chrono::steady_clock::time_point> g_deadlines;
static std::mutex g_mu;

void poll(std::stop_token st);

void start_worker(int request_id, std::stop_token request) {
  std::lock_guard lock(g_mu);
  g_deadlines[request_id] =
      std::chrono::steady_clock::now() + std::chrono::seconds(5);
  if (request.stop_requested())
    return;
  g_workers.emplace_back([](std::stop_token st) { poll(st); });
}
