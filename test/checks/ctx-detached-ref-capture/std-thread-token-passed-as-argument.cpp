// Tokens handed to the thread as arguments are copied into the thread
// (std::thread decay-copies its arguments), and std::cref of something that
// is not a context is not our business. Silent.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <functional>
#include <stop_token>
#include <string>
#include <thread>

void drain(std::stop_token);
void drain_named(std::stop_token, const std::string &);

void start(std::stop_token tok, const std::string &name) {
  std::thread([](std::stop_token t) { drain(t); }, tok).detach();
  std::thread(drain, tok).detach();
  std::thread(std::bind(drain, tok)).detach();
  std::string copy = name;
  std::thread(drain_named, tok, copy).detach();
}
