// Sources whose token never leaves the function, or is only looked at, are
// not handles: nothing can wait on them.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <stop_token>

bool fail();

void unused(bool b) {
  std::stop_source src;
  if (b)
    return;
}

void only_observed() {
  std::stop_source src;
  std::stop_token tok = src.get_token();
  if (tok.stop_requested())
    return;
  if (src.stop_possible() && fail())
    return;
}

// Parameters and copies of someone else's source belong to the caller.
void borrowed(std::stop_source &outer, std::stop_source param) {
  std::stop_source copy = outer;
  std::stop_token a = copy.get_token(), b = param.get_token();
  if (fail())
    throw a.stop_requested() || b.stop_requested();
}

// Sources of static storage duration are out of scope.
void statics() {
  static std::stop_source shared;
  extern void keep(std::stop_token);
  keep(shared.get_token());
}
