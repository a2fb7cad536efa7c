// Work that finishes before the function goes on does not outlive it: an
// immediately invoked lambda that looks at the token or receives it, or a
// local lambda called in place.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <stop_token>

bool step();

bool run_steps() {
  std::stop_source src;
  bool ok = [&] {
    for (int i = 0; i < 3; ++i)
      if (src.get_token().stop_requested() || !step())
        return false;
    return true;
  }();
  if (!ok)
    return false;
  return true;
}

bool token_parameter() {
  std::stop_source src;
  bool stopped = [](std::stop_token tok) { return tok.stop_requested(); }(
      src.get_token());
  if (stopped)
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
