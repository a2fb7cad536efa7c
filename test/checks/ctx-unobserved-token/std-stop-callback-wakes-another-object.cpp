// A stop callback that notifies a different condition variable, or one
// registered after the loop, does not wake the loop's wait.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <condition_variable>
#include <deque>
#include <mutex>
#include <stop_token>

std::mutex m;
std::condition_variable work_ready;
std::condition_variable shutdown_seen;
std::deque<int> jobs;

void other_object(std::stop_token tok) {
  std::stop_callback wake(tok, [] { shutdown_seen.notify_all(); });
  while (true) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never observes stop token 'tok'; a stop request cannot end it [ctx-unobserved-token]
  // CHECK-MESSAGES: :[[@LINE-4]]:35: note: stop token 'tok' is received here
  // CHECK-FIXES: while (!tok.stop_requested()) {
    std::unique_lock lk(m);
    work_ready.wait(lk, [] { return !jobs.empty(); });
    jobs.pop_front();
  }
}
