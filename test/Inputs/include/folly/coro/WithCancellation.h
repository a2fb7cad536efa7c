// Test stand-in for folly (https://github.com/facebook/folly).
// Checked against: tag v2026.08.17.00.
// Upstream path: folly/coro/WithCancellation.h
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// folly::coro::co_withCancellation is a customisation-point object, as
// upstream; awaitables opt in with an ADL-found co_withCancellation (Task and
// TaskWithExecutor do so as hidden friends). The must-use-immediately
// overloads are omitted. C++20-only (FOLLY_HAS_COROUTINES), as upstream.

#pragma once

#include <folly/CancellationToken.h>
#include <folly/Portability.h>

#if FOLLY_HAS_COROUTINES

#include <utility>

namespace folly {
namespace coro {

namespace detail {
namespace adl {

template <typename Awaitable>
Awaitable&& co_withCancellation(
    const folly::CancellationToken&, Awaitable&& awaitable) noexcept {
  return static_cast<Awaitable&&>(awaitable);
}

struct WithCancellationFunction {
  template <typename Awaitable>
  auto operator()(
      const folly::CancellationToken& cancelToken, Awaitable&& awaitable) const
      noexcept(noexcept(co_withCancellation(
          cancelToken, static_cast<Awaitable&&>(awaitable))))
          -> decltype(co_withCancellation(
              cancelToken, static_cast<Awaitable&&>(awaitable))) {
    return co_withCancellation(
        cancelToken, static_cast<Awaitable&&>(awaitable));
  }
  template <typename Awaitable>
  auto operator()(folly::CancellationToken&& cancelToken, Awaitable&& awaitable)
      const noexcept(noexcept(co_withCancellation(
          std::move(cancelToken), static_cast<Awaitable&&>(awaitable))))
          -> decltype(co_withCancellation(
              std::move(cancelToken), static_cast<Awaitable&&>(awaitable))) {
    return co_withCancellation(
        std::move(cancelToken), static_cast<Awaitable&&>(awaitable));
  }
};

} // namespace adl
} // namespace detail

namespace folly_cpo__ {
inline constexpr detail::adl::WithCancellationFunction co_withCancellation{};
} // namespace folly_cpo__
using namespace folly_cpo__;

} // namespace coro
} // namespace folly

#endif // FOLLY_HAS_COROUTINES
