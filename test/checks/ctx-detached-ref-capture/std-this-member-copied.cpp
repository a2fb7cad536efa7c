// Members copied into init-captures are owned by the lambda: silent.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <stop_token>
#include <thread>

void drain(std::stop_token);

class Worker {
public:
  void start() {
    std::thread([tok = tok_] { drain(tok); }).detach();
    std::thread([src = src_]() mutable { src.request_stop(); }).detach();
    std::thread([this] { ++Started; }).detach();
  }

private:
  std::stop_token tok_;
  std::stop_source src_;
  int Started = 0;
};
