// A local reference to a member of a global names static storage, which
// outlives every thread: silent.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <stop_token>
#include <thread>

struct Limits { std::stop_source stop; };
struct Service { std::stop_source stop; Limits limits; };

Service g_service;

void start() {
  std::stop_source &alias = g_service.stop;
  std::thread([&alias] { alias.request_stop(); }).detach();
  std::stop_source &nested = g_service.limits.stop;
  std::thread([&nested] { nested.request_stop(); }).detach();
  static Service s_local;
  std::stop_source &in_static = s_local.stop;
  std::thread([&] { in_static.request_stop(); }).detach();
}
