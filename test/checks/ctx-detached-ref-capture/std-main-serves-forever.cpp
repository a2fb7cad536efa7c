// main detaches a worker and then serves forever: main never returns, so its
// locals outlive the thread. Silent.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <stop_token>
#include <thread>

void drain(std::stop_token);
void serve_one_request();

int main() {
  std::stop_source shutdown;
  std::thread([&shutdown] { drain(shutdown.get_token()); }).detach();
  for (;;)
    serve_one_request();
}
