// Code in a system header is not analysed: the wait inside the vendor's
// function is not this project's to fix.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20 -- -isystem %S/Inputs/system

#include <blocking_queue.h>

std::mutex mu;
std::condition_variable cv;
int pending = 0;

int next(std::stop_token st) {
  std::stop_callback wake(st, [] { cv.notify_all(); });
  return vendor::pop_blocking(mu, cv, pending, st);
}
