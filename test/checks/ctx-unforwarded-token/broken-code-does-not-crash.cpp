// Code with errors, as an editor shows it mid-keystroke: no crash and no
// warning built on a guess.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20 -allow-compile-errors

#include <condition_variable>
#include <mutex>
#include <stop_token>

void fetch(int id);
void fetch(int id, std::stop_token stop);

std::mutex mu;
std::condition_variable cv;

void worker(std::stop_token st) {
  fetch(undeclared_id);
  std::unique_lock<std::mutex> lk(mu);
  cv.wait(lk, [] { return missing; });
  fetch(1,
}
