// absl and F14 registries with visible removal, including F14's eraseInto.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20

#include <stop_token>
#include <string>

#include <absl/container/flat_hash_map.h>
#include <folly/container/F14Map.h>

absl::flat_hash_map<std::string, std::stop_token> g_absl;
folly::F14VectorMap<std::string, std::stop_token> g_f14;

void track(const std::string &id, std::stop_token tok) {
  g_absl.try_emplace(id, tok);
  g_f14.emplace(id, tok);
}

void done(const std::string &id) {
  g_absl.erase(id);
  g_f14.eraseInto(id, [](std::string &&, std::stop_token &&) {});
}
