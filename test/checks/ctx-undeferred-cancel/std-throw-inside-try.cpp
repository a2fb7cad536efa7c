// A throw inside a try flows to its handler, which cancels; calls that might
// throw are not exits.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <stdexcept>
#include <stop_token>
#include <thread>

void replicate(std::stop_token tok);
bool quorum();
void commit();

void write_order() {
  std::stop_source src;
  std::thread(replicate, src.get_token()).detach();
  try {
    if (!quorum())
      throw std::runtime_error("no quorum");
    commit();
  } catch (const std::exception &) {
    src.request_stop();
    return;
  }
  src.request_stop();
}

void catch_all() {
  std::stop_source src;
  std::thread(replicate, src.get_token()).detach();
  try {
    commit();
    throw 1;
  } catch (...) {
  }
  src.request_stop();
}
