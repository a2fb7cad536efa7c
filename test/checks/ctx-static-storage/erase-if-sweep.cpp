// std::erase_if sweeps finished entries: a visible removal.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20

#include <map>
#include <stop_token>

static std::map<int, std::stop_source> g_sources;

void start(int id) {
  std::stop_source src;
  g_sources.emplace(id, src);
}

void sweep() {
  std::erase_if(g_sources, [](const auto &entry) {
    return entry.second.stop_requested();
  });
}
