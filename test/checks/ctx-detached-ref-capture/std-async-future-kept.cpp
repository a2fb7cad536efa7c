// std::async whose future stays in the frame: it is waited for, explicitly
// or by its destructor, before the captured locals die. Silent.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <future>
#include <stop_token>
#include <vector>

int count_orders(std::stop_token);

int waited(std::stop_token tok) {
  auto f = std::async(std::launch::async, [&] { return count_orders(tok); });
  return f.get();
}

void discarded(std::stop_token tok) {
  // The temporary future's destructor blocks until the task is done.
  std::async(std::launch::async, [&tok] { count_orders(tok); });
}

int immediately(std::stop_token tok) {
  return std::async(std::launch::async, [&tok] { return count_orders(tok); }).get();
}

void local_vector(std::stop_token tok) {
  std::vector<std::future<int>> all;
  for (int i = 0; i < 4; ++i)
    all.push_back(std::async(std::launch::async, [&] { return count_orders(tok); }));
}

void kept_unwaited(std::stop_token tok) {
  auto f = std::async(std::launch::async, [&] { return count_orders(tok); });
}
