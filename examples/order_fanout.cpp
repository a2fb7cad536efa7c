// Order service: fanning a request out to inventory and pricing workers.
//
// Expected findings:
//   ctx-undeferred-cancel at OrderFanout::quote: the stop source's token goes
//   to two detached workers, and the "out of stock" branch returns without
//   requesting stop, so both workers poll until the process exits.
//   ctx-undeferred-cancel at OrderFanout::quoteWithDeadline: the cancel
//   function from withDeadline is not called when validation fails.
// OrderFanout::quoteCorrectly guards the source right after creating it, and
// quoteWithDeadlineCorrectly does the same with the cancel function.

#include <chrono>
#include <cstdio>
#include <functional>
#include <stop_token>
#include <thread>
#include <utility>

#include "ctx/annotations.h"

namespace orders {

struct Deadline {
  std::chrono::milliseconds budget;
};

/// Go-style: returns the derived deadline and the function that cancels it.
CTX_CANCEL_FACTORY std::pair<Deadline, std::function<void()>>
withDeadline(std::chrono::milliseconds budget) {
  return {Deadline{budget}, [] { std::puts("deadline released"); }};
}

inline void pollInventory(std::stop_token tok) {
  while (!tok.stop_requested())
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
}
inline void pollPrices(std::stop_token tok) { pollInventory(tok); }

class OrderFanout {
public:
  bool inStock(int sku) const { return sku % 2 == 0; }
  bool valid(const Deadline &d) const { return d.budget.count() > 0; }

  int quote(int sku) {
    std::stop_source src; // leak: not cancelled on the out-of-stock path
    std::thread(pollInventory, src.get_token()).detach();
    std::thread(pollPrices, src.get_token()).detach();
    if (!inStock(sku))
      return -1;
    src.request_stop();
    return 100;
  }

  int quoteCorrectly(int sku) {
    std::stop_source src;
    // The guard ctx-undeferred-cancel's fix writes when no guard library is
    // included: every path out of this function requests stop.
    auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
    std::thread(pollInventory, src.get_token()).detach();
    std::thread(pollPrices, src.get_token()).detach();
    if (!inStock(sku))
      return -1;
    return 100;
  }

  int quoteWithDeadline(int sku) {
    auto [deadline, cancel] = withDeadline(std::chrono::milliseconds(250));
    if (!valid(deadline)) // leak: cancel is never called on this path
      return -1;
    cancel();
    return sku;
  }

  int quoteWithDeadlineCorrectly(int sku) {
    auto [deadline, cancel] = withDeadline(std::chrono::milliseconds(250));
    if (!valid(deadline)) {
      cancel();
      return -1;
    }
    cancel();
    return sku;
  }
};

} // namespace orders

int main() {
  orders::OrderFanout f;
  std::printf("%d %d %d %d\n", f.quote(2), f.quoteCorrectly(3),
              f.quoteWithDeadline(4), f.quoteWithDeadlineCorrectly(5));
}
