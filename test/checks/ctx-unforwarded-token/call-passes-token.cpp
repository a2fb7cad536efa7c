// Calls that pass the token, a copy of it, or any token at all: whether it
// is the right one is ctx-broken-propagation's question.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <condition_variable>
#include <mutex>
#include <stop_token>

void fetch(int id);
void fetch(int id, std::stop_token stop);

std::mutex mu;
std::condition_variable_any cv;
bool ready = false;

void worker(std::stop_token st, std::stop_token other) {
  std::stop_token copy = st;
  fetch(1, st);
  fetch(2, copy);
  fetch(3, other);
  std::unique_lock lk(mu);
  cv.wait(lk, st, [] { return ready; });
}
