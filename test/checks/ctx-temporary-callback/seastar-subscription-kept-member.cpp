// Seastar: a subscription stored in a member lives as long as its object:
// initialized in the constructor, assigned later, or moved out of the
// optimized_optional (`sc = std::move(*sc_opt);`, as seastar's own
// sleep_abortable does).
// RUN: %check_ctx %s ctx-temporary-callback %t -std=c++20

#include <seastar/core/abort_source.hh>
#include <utility>

class waiter {
  seastar::optimized_optional<seastar::abort_source::subscription> _sub;
  seastar::abort_source::subscription _sc;

public:
  explicit waiter(seastar::abort_source &as)
      : _sub(as.subscribe([this]() noexcept { wake(); })) {}

  void rearm(seastar::abort_source &as) {
    _sub = as.subscribe([this]() noexcept { wake(); });
  }

  void arm_if_not_aborted(seastar::abort_source &as) {
    auto sc_opt = as.subscribe([this]() noexcept { wake(); });
    if (sc_opt) {
      _sc = std::move(*sc_opt);
    }
  }

  void wake() noexcept;
};

struct entry {
  seastar::optimized_optional<seastar::abort_source::subscription> sub;
};

void attach(entry *e, seastar::abort_source &as) {
  e->sub = as.subscribe([e]() noexcept { (void)e; });
}
