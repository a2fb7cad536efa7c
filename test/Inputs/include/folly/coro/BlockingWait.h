// Test stand-in for folly (https://github.com/facebook/folly).
// Checked against: tag v2026.08.17.00.
// Upstream path: folly/coro/BlockingWait.h
//   (before v2026.05.04.00 also reachable as
//   folly/experimental/coro/BlockingWait.h)
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// As upstream, blocking_wait is a function object of type blocking_wait_fn and
// blockingWait is a `static constexpr` reference to it. The result type is the
// await_resume() type of the semi-awaitable (after co_viaIfAsync), with rvalue
// references decayed. C++20-only (FOLLY_HAS_COROUTINES), as upstream.

#pragma once

#include <folly/Executor.h>
#include <folly/Portability.h>
#include <folly/coro/Task.h>

#if FOLLY_HAS_COROUTINES

#include <type_traits>
#include <utility>

namespace folly {

class DrivableExecutor;

namespace coro {

namespace detail {

template <typename A>
decltype(auto) get_awaiter(A&& a) {
  if constexpr (requires { static_cast<A&&>(a).operator co_await(); }) {
    return static_cast<A&&>(a).operator co_await();
  } else if constexpr (requires { operator co_await(static_cast<A&&>(a)); }) {
    return operator co_await(static_cast<A&&>(a));
  } else {
    return static_cast<A&&>(a);
  }
}

template <typename A>
using await_result_t =
    decltype(detail::get_awaiter(std::declval<A>()).await_resume());

template <typename A>
struct semi_await_result {
  using type = await_result_t<A>;
};
template <typename A>
  requires requires {
    co_viaIfAsync(std::declval<Executor::KeepAlive<>>(), std::declval<A>());
  }
struct semi_await_result<A> {
  using type = await_result_t<decltype(co_viaIfAsync(
      std::declval<Executor::KeepAlive<>>(), std::declval<A>()))>;
};

template <typename T>
using decay_rvalue_reference_t = std::conditional_t<
    std::is_rvalue_reference_v<T>,
    std::remove_cvref_t<T>,
    T>;

} // namespace detail

template <typename SemiAwaitable>
using semi_await_result_t =
    typename detail::semi_await_result<SemiAwaitable>::type;

struct blocking_wait_fn {
  template <typename SemiAwaitable>
  auto operator()(
      SemiAwaitable&& awaitable, folly::DrivableExecutor* executor) const
      -> detail::decay_rvalue_reference_t<semi_await_result_t<SemiAwaitable>>;

  template <typename SemiAwaitable>
  auto operator()(SemiAwaitable&& awaitable) const
      -> detail::decay_rvalue_reference_t<semi_await_result_t<SemiAwaitable>>;
};

inline constexpr blocking_wait_fn blocking_wait{};
static constexpr blocking_wait_fn const& blockingWait = blocking_wait;

} // namespace coro
} // namespace folly

#endif // FOLLY_HAS_COROUTINES
