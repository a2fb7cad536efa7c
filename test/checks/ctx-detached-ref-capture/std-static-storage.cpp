// Objects of static storage duration outlive every thread: silent.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <stop_token>
#include <thread>

void drain(std::stop_token);

std::stop_source g_shutdown;

void start() {
  static std::stop_source s_local;
  std::thread([&] { drain(g_shutdown.get_token()); }).detach();
  std::thread([&] { drain(s_local.get_token()); }).detach();
  std::stop_source &alias = g_shutdown;
  std::thread([&alias] { alias.request_stop(); }).detach();
}
