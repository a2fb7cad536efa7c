// One global stop source for process shutdown, and tokens taken from it:
// they belong to the process, not to a request.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20

#include <stop_token>
#include <vector>

std::stop_source g_shutdown;
std::stop_token g_shutdown_token;
static std::vector<std::stop_token> g_watchers;

void install_watchers() {
  g_shutdown_token = g_shutdown.get_token();
  g_watchers.push_back(g_shutdown.get_token());
  auto tok = g_shutdown.get_token();
  g_watchers.push_back(tok);
}

void request_shutdown() { g_shutdown.request_stop(); }
