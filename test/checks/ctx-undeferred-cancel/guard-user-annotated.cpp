// A team's own guard, annotated as a scope guard (CTX_SCOPE_GUARD), or
// listed in ScopeGuardTypes.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20 -config="{CheckOptions: {ScopeGuardTypes: 'util::Defer'}}"

#include <stop_token>
#include <thread>
#include <utility>

template <class F> class [[clang::annotate("ctx::scope_guard")]] OnExit {
public:
  explicit OnExit(F f) : F_(std::move(f)) {}
  ~OnExit() { F_(); }
private:
  F F_;
};

namespace util {
template <class F> class Defer {
public:
  Defer(F f) : F_(std::move(f)) {}
  ~Defer() { F_(); }
private:
  F F_;
};
} // namespace util

void work(std::stop_token tok);
bool fail();

void annotated() {
  std::stop_source src;
  OnExit stop([&] { src.request_stop(); });
  std::thread(work, src.get_token()).detach();
  if (fail())
    return;
}

void configured() {
  std::stop_source src;
  std::thread(work, src.get_token()).detach();
  util::Defer stop = [&] { src.request_stop(); };
  if (fail())
    return;
}
