// Test stand-in for folly (https://github.com/facebook/folly).
// Checked against: tag v2026.08.17.00.
// Upstream path: folly/futures/Future.h
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// Declares SemiFuture<T>/Future<T> (get/wait/via/thenValue/deferValue/cancel),
// makeFuture/makeSemiFuture and via(). `isFutureOrSemiFuture` lives in
// folly/futures/Future-pre.h upstream and `HighResDuration` in
// folly/futures/detail/Types.h; both are declared here. Try<T> is not
// declared, so Try-taking overloads are omitted. The coroutine hooks
// (co_viaIfAsync friends, operator co_await) are C++20-only, as upstream.

#pragma once

#include <folly/Executor.h>
#include <folly/Unit.h>

#include <chrono>
#include <cstdint>
#include <exception>
#include <type_traits>
#include <utility>

#if __cplusplus >= 202002L && __has_include(<coroutine>)
#include <coroutine>
#endif

namespace folly {

using HighResDuration = std::chrono::microseconds;

template <class T>
class Future;

template <class T>
class SemiFuture;

template <typename T>
struct isFutureOrSemiFuture : std::false_type {
  using Inner = lift_unit_t<T>;
};
template <typename T>
struct isFutureOrSemiFuture<Future<T>> : std::true_type {
  using Inner = T;
};
template <typename T>
struct isFutureOrSemiFuture<SemiFuture<T>> : std::true_type {
  using Inner = T;
};

namespace futures {
namespace detail {
// Result of a value continuation. Upstream also accepts Try<T> callables.
template <typename T, typename F, typename = void>
struct valueCallableResult {
  using Result = std::invoke_result_t<F>;
  using value_type = typename isFutureOrSemiFuture<Result>::Inner;
};
template <typename T, typename F>
struct valueCallableResult<
    T,
    F,
    std::enable_if_t<std::is_invocable_v<F, T&&>>> {
  using Result = std::invoke_result_t<F, T&&>;
  using value_type = typename isFutureOrSemiFuture<Result>::Inner;
};
} // namespace detail
} // namespace futures

template <class T>
class SemiFuture {
 public:
  using value_type = T;

  SemiFuture(SemiFuture const&) = delete;
  SemiFuture(SemiFuture&&) noexcept;
  /* implicit */ SemiFuture(Future<T>&&) noexcept;
  SemiFuture& operator=(SemiFuture const&) = delete;
  SemiFuture& operator=(SemiFuture&&) noexcept;
  ~SemiFuture();

  static SemiFuture<T> makeEmpty();

  bool valid() const noexcept;
  bool isReady() const;
  bool hasValue() const;
  bool hasException() const;

  T get() &&;
  T get(HighResDuration dur) &&;

  SemiFuture<T>& wait() &;
  SemiFuture<T>&& wait() &&;
  bool wait(HighResDuration dur) &&;

  Future<T> via(Executor::KeepAlive<> executor) &&;
  Future<T> via(Executor::KeepAlive<> executor, int8_t priority) &&;

  template <typename F>
  SemiFuture<
      typename futures::detail::valueCallableResult<T, F>::value_type>
  deferValue(F&& func) && {
    (void)func;
    return SemiFuture<typename futures::detail::valueCallableResult<T, F>::
                          value_type>::makeEmpty();
  }

  void cancel();

#if __cplusplus >= 202002L && __has_include(<coroutine>)
  friend Future<T> co_viaIfAsync(
      folly::Executor::KeepAlive<> executor, SemiFuture<T>&& future) noexcept {
    return std::move(future).via(std::move(executor));
  }
#endif
};

template <class T>
class Future {
 public:
  using value_type = T;

  Future(Future const&) = delete;
  Future(Future&&) noexcept;
  Future& operator=(Future const&) = delete;
  Future& operator=(Future&&) noexcept;
  ~Future();

  static Future<T> makeEmpty();

  bool valid() const noexcept;
  bool isReady() const;
  bool hasValue() const;
  bool hasException() const;

  T get() &&;
  T get(HighResDuration dur) &&;

  Future<T>& wait() &;
  Future<T>&& wait() &&;
  Future<T>& wait(HighResDuration dur) &;
  Future<T>&& wait(HighResDuration dur) &&;

  Future<T> via(Executor::KeepAlive<> executor) &&;
  Future<T> via(Executor::KeepAlive<> executor, int8_t priority) &&;
  Future<T> via(Executor::KeepAlive<> executor) &;
  Future<T> via(Executor::KeepAlive<> executor, int8_t priority) &;

  template <typename F>
  Future<typename futures::detail::valueCallableResult<T, F>::value_type>
  thenValue(F&& func) && {
    (void)func;
    return Future<typename futures::detail::valueCallableResult<T, F>::
                      value_type>::makeEmpty();
  }

  SemiFuture<T> semi() && { return SemiFuture<T>{std::move(*this)}; }

  void cancel();

#if __cplusplus >= 202002L && __has_include(<coroutine>)
  friend Future<T> co_viaIfAsync(
      folly::Executor::KeepAlive<> executor, Future<T>&& future) noexcept {
    return std::move(future).via(std::move(executor));
  }
#endif
};

template <class T>
SemiFuture<typename std::decay<T>::type> makeSemiFuture(T&& t);
SemiFuture<Unit> makeSemiFuture();
template <class T>
SemiFuture<T> makeSemiFuture(std::exception_ptr const& e);

template <class T>
Future<typename std::decay<T>::type> makeFuture(T&& t);
Future<Unit> makeFuture();
template <class T>
Future<T> makeFuture(std::exception_ptr const& e);

Future<Unit> via(Executor::KeepAlive<> executor);
Future<Unit> via(Executor::KeepAlive<> executor, int8_t priority);

template <class Func>
auto via(Executor::KeepAlive<> executor, Func&& func)
    -> Future<typename isFutureOrSemiFuture<
        decltype(static_cast<Func&&>(func)())>::Inner> {
  (void)executor;
  (void)func;
  return Future<typename isFutureOrSemiFuture<
      std::invoke_result_t<Func>>::Inner>::makeEmpty();
}

} // namespace folly

#if __cplusplus >= 202002L && __has_include(<coroutine>)

namespace folly {
namespace detail {

template <typename T>
class FutureAwaiter {
 public:
  explicit FutureAwaiter(folly::Future<T>&& future) noexcept
      : future_(std::move(future)) {}

  bool await_ready() noexcept { return false; }
  bool await_suspend(std::coroutine_handle<> h) noexcept;
  T await_resume() { return std::move(future_).get(); }

 private:
  folly::Future<T> future_;
};

} // namespace detail

template <typename T>
inline detail::FutureAwaiter<T>
/* implicit */ operator co_await(Future<T>&& future) noexcept {
  return detail::FutureAwaiter<T>(std::move(future));
}

} // namespace folly

#endif
