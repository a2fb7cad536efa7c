// A source per loop iteration, cancelled before every way out of the
// iteration (continue, break, the end of the body).
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <stop_token>
#include <thread>
#include <vector>

void work(int id, std::stop_token tok);
bool skip(int id);
bool last(int id);

void per_order(const std::vector<int> &ids) {
  for (int id : ids) {
    std::stop_source src;
    std::thread(work, id, src.get_token()).detach();
    if (skip(id)) {
      src.request_stop();
      continue;
    }
    if (last(id)) {
      src.request_stop();
      break;
    }
    src.request_stop();
  }
}
