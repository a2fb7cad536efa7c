// Work that finishes before the function goes on does not outlive it: an
// immediately invoked lambda, or a local lambda called in place.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <stop_token>

bool step(std::stop_token tok);

bool run_steps() {
  std::stop_source src;
  bool ok = [&] {
    for (int i = 0; i < 3; ++i)
      if (!step(src.get_token()))
        return false;
    return true;
  }();
  if (!ok)
    return false;
  return true;
}

bool run_local() {
  std::stop_source src;
  auto once = [&] { return src.get_token().stop_requested(); };
  if (once())
    return false;
  return true;
}
