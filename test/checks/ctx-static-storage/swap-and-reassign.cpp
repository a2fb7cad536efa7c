// Swapping with an empty container and reassigning it are removals too.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20

#include <map>
#include <stop_token>
#include <utility>
#include <vector>

static std::vector<std::stop_token> g_a;
static std::map<int, std::stop_token> g_b;
static std::vector<std::stop_token> g_c;

void track(int id, std::stop_token tok) {
  g_a.push_back(tok);
  g_b[id] = tok;
  g_c.push_back(tok);
}

void reset_all() {
  std::vector<std::stop_token> empty;
  g_a.swap(empty);
  g_b = {};
  auto old = std::exchange(g_c, {});
}
