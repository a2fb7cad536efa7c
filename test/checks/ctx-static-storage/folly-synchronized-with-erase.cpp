// folly::Synchronized registries that do erase, through wlock() or inside a
// withWLock lambda.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20

#include <map>
#include <stop_token>

#include <folly/Synchronized.h>
#include <folly/container/F14Map.h>

folly::Synchronized<std::map<int, std::stop_token>> g_tokens;
folly::Synchronized<folly::F14FastMap<int, std::stop_source>> g_sources;

void on_request(int id, std::stop_token tok) {
  g_tokens.wlock()->emplace(id, tok);
  std::stop_source src;
  g_sources.withWLock([&](auto &m) { m.emplace(id, src); });
}

void on_done(int id) {
  g_tokens.withWLock([&](auto &m) { m.erase(id); });
  g_sources.wlock()->erase(id);
}
