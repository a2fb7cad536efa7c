// Sources share their state: cancelling through a reference, a copy, or a
// local lambda that cancels counts.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <stop_token>
#include <thread>

void work(std::stop_token tok);
bool fail();

void through_reference() {
  std::stop_source src;
  std::stop_source &ref = src;
  std::thread(work, src.get_token()).detach();
  if (fail()) {
    ref.request_stop();
    return;
  }
  src.request_stop();
}

void through_copy() {
  std::stop_source src;
  std::thread(work, src.get_token()).detach();
  std::stop_source copy = src;
  if (fail()) {
    copy.request_stop();
    return;
  }
  copy.request_stop();
}

void through_local_lambda() {
  std::stop_source src;
  auto stop = [&] { src.request_stop(); };
  std::thread(work, src.get_token()).detach();
  if (fail()) {
    stop();
    return;
  }
  stop();
}

void through_token_alias() {
  std::stop_source src;
  std::stop_token tok = src.get_token();
  std::stop_token again;
  again = tok;
  std::thread(work, again).detach();
  src.request_stop();
}
