// By-reference captures of things that are not cancellation state are
// another check's business: silent here. So are pointers to heap objects.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <mutex>
#include <stop_token>
#include <string>
#include <thread>

void log_line(const std::string &);

void start(std::string name, int &counter) {
  std::mutex mu;
  std::thread([&] {
    std::lock_guard<std::mutex> lock(mu);
    ++counter;
    log_line(name);
  }).detach();
  auto *heap = new std::stop_source;
  std::thread([heap] { heap->request_stop(); delete heap; }).detach();
}
