#pragma once
#include <stop_token>

namespace sys {
void fetch(int id, std::stop_token tok = {});
inline void relay(int id, std::stop_token st) {
  fetch(id);
  fetch(id, std::stop_token{});
  (void)st;
}
} // namespace sys
