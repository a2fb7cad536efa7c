// static const and constexpr-style empty tokens carry no request's state.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20

#include <map>
#include <stop_token>

static const std::stop_token kNoToken;
static std::map<int, std::stop_token> g_slots;

const std::stop_token &no_token() {
  static const std::stop_token empty{};
  return empty;
}

void reserve(int id) {
  g_slots[id] = std::stop_token{};
  g_slots.emplace(id + 1, kNoToken);
}
