// The container is emptied by clear() (here at shutdown): its removal is
// visible, so it is treated as a managed registry.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20

#include <list>
#include <stop_token>

static std::list<std::stop_source> g_sources;

void start() {
  std::stop_source src;
  g_sources.push_back(src);
}

void shutdown() {
  for (auto &s : g_sources)
    s.request_stop();
  g_sources.clear();
}
