// A handler that cancels and rethrows; every normal path cancels too.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <stop_token>
#include <thread>

void work(std::stop_token tok);
void commit();

void write() {
  std::stop_source src;
  std::thread(work, src.get_token()).detach();
  try {
    commit();
  } catch (...) {
    src.request_stop();
    throw;
  }
  src.request_stop();
}
