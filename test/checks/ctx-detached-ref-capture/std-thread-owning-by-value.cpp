// Owning, copyable handles captured by value keep the stop state alive:
// silent.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <memory>
#include <stop_token>
#include <thread>

void drain(std::stop_token);

void by_copy(std::stop_token tok, std::stop_source src) {
  std::thread([tok] { drain(tok); }).detach();
  std::thread([src]() mutable { src.request_stop(); }).detach();
  std::thread([=] { drain(tok); }).detach();
  std::thread([t = src.get_token()] { drain(t); }).detach();
  std::thread(drain, tok).detach();
}

void owned_by_the_lambda() {
  std::thread([src = std::stop_source()]() mutable {
    src.request_stop();
  }).detach();
  auto shared = std::make_shared<std::stop_source>();
  std::thread([shared] { shared->request_stop(); }).detach();
}

void uses_nothing_of_the_context(std::stop_token tok, int &orders) {
  std::thread([&] { ++orders; }).detach();
  (void)tok;
}
