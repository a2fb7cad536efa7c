// The ScopeGuard option chooses the guard the fix writes.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20 -config="{CheckOptions: {ctx-undeferred-cancel.ScopeGuard: 'util::Defer ${guard}([&] { ${cancel}; });'}}"

#include <stop_token>
#include <thread>
#include <utility>

namespace util {
template <class F> class [[clang::annotate("ctx::scope_guard")]] Defer {
public:
  Defer(F f) : F_(std::move(f)) {}
  ~Defer() { F_(); }
private:
  F F_;
};
} // namespace util

void work(std::stop_token tok);
bool fail();

void leak() {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: util::Defer cancelSrc([&] { src.request_stop(); });
  std::thread(work, src.get_token()).detach();
  if (fail())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'src'
  src.request_stop();
}
