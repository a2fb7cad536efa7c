// Test stand-in for folly (https://github.com/facebook/folly).
// Checked against: tag v2026.08.17.00.
// Upstream path: folly/ScopeGuard.h
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// The SCOPE_EXIT / SCOPE_FAIL / SCOPE_SUCCESS macros expand to the same shape
// as upstream: `auto <anon> = ::folly::detail::ScopeGuardOnExit() + [&]() noexcept`.

#pragma once

#include <folly/Preprocessor.h>

#include <cstddef>
#include <exception>
#include <type_traits>
#include <utility>

namespace folly {

namespace detail {

struct ScopeGuardDismissed {};

class ScopeGuardImplBase {
 public:
  void dismiss() noexcept { dismissed_ = true; }
  void rehire() noexcept { dismissed_ = false; }

 protected:
  ScopeGuardImplBase(bool dismissed = false) noexcept : dismissed_(dismissed) {}

  bool dismissed_;
};

template <typename FunctionType, bool InvokeNoexcept>
class ScopeGuardImpl : public ScopeGuardImplBase {
 public:
  explicit ScopeGuardImpl(FunctionType& fn) noexcept(
      std::is_nothrow_copy_constructible_v<FunctionType>)
      : function_(fn) {}
  explicit ScopeGuardImpl(const FunctionType& fn) noexcept(
      std::is_nothrow_copy_constructible_v<FunctionType>)
      : function_(fn) {}
  explicit ScopeGuardImpl(FunctionType&& fn) noexcept(
      std::is_nothrow_move_constructible_v<FunctionType>)
      : function_(std::move(fn)) {}
  explicit ScopeGuardImpl(FunctionType&& fn, ScopeGuardDismissed) noexcept(
      std::is_nothrow_move_constructible_v<FunctionType>)
      : ScopeGuardImplBase{true}, function_(std::move(fn)) {}

  ScopeGuardImpl(ScopeGuardImpl&& other) noexcept(
      std::is_nothrow_move_constructible_v<FunctionType>)
      : function_(std::move(other.function_)) {
    dismissed_ = std::exchange(other.dismissed_, true);
  }

  ~ScopeGuardImpl() noexcept(InvokeNoexcept) {
    if (!dismissed_) {
      function_();
    }
  }

 private:
  void* operator new(std::size_t) = delete;

  FunctionType function_;
};

template <typename F, bool INE>
using ScopeGuardImplDecay = ScopeGuardImpl<std::decay_t<F>, INE>;

} // namespace detail

template <typename F>
[[nodiscard]] detail::ScopeGuardImplDecay<F, true> makeGuard(F&& f) noexcept(
    noexcept(detail::ScopeGuardImplDecay<F, true>(static_cast<F&&>(f)))) {
  return detail::ScopeGuardImplDecay<F, true>(static_cast<F&&>(f));
}

template <typename F>
[[nodiscard]] detail::ScopeGuardImplDecay<F, true>
makeDismissedGuard(F&& f) noexcept(
    noexcept(detail::ScopeGuardImplDecay<F, true>(
        static_cast<F&&>(f), detail::ScopeGuardDismissed{}))) {
  return detail::ScopeGuardImplDecay<F, true>(
      static_cast<F&&>(f), detail::ScopeGuardDismissed{});
}

namespace detail {

template <typename FunctionType, bool ExecuteOnException>
class ScopeGuardForNewException {
 public:
  explicit ScopeGuardForNewException(const FunctionType& fn) : guard_(fn) {}
  explicit ScopeGuardForNewException(FunctionType&& fn)
      : guard_(std::move(fn)) {}
  ScopeGuardForNewException(ScopeGuardForNewException&& other) = default;

  ~ScopeGuardForNewException() noexcept(ExecuteOnException) {
    if (ExecuteOnException !=
        (exceptionCounter_ < std::uncaught_exceptions())) {
      guard_.dismiss();
    }
  }

 private:
  void* operator new(std::size_t) = delete;
  void operator delete(void*) = delete;

  ScopeGuardImpl<FunctionType, ExecuteOnException> guard_;
  int exceptionCounter_{std::uncaught_exceptions()};
};

enum class ScopeGuardOnFail {};

template <typename FunctionType>
ScopeGuardForNewException<std::decay_t<FunctionType>, true> operator+(
    detail::ScopeGuardOnFail, FunctionType&& fn) {
  return ScopeGuardForNewException<std::decay_t<FunctionType>, true>(
      std::forward<FunctionType>(fn));
}

enum class ScopeGuardOnSuccess {};

template <typename FunctionType>
ScopeGuardForNewException<std::decay_t<FunctionType>, false> operator+(
    ScopeGuardOnSuccess, FunctionType&& fn) {
  return ScopeGuardForNewException<std::decay_t<FunctionType>, false>(
      std::forward<FunctionType>(fn));
}

enum class ScopeGuardOnExit {};

template <typename FunctionType>
ScopeGuardImpl<std::decay_t<FunctionType>, true> operator+(
    detail::ScopeGuardOnExit, FunctionType&& fn) {
  return ScopeGuardImpl<std::decay_t<FunctionType>, true>(
      std::forward<FunctionType>(fn));
}

} // namespace detail

} // namespace folly

#define SCOPE_EXIT                                        \
  auto FB_ANONYMOUS_VARIABLE_ODR_SAFE(SCOPE_EXIT_STATE) = \
      ::folly::detail::ScopeGuardOnExit() + [&]() noexcept

#define SCOPE_FAIL                                        \
  auto FB_ANONYMOUS_VARIABLE_ODR_SAFE(SCOPE_FAIL_STATE) = \
      ::folly::detail::ScopeGuardOnFail() + [&]() noexcept

#define SCOPE_SUCCESS                                        \
  auto FB_ANONYMOUS_VARIABLE_ODR_SAFE(SCOPE_SUCCESS_STATE) = \
      ::folly::detail::ScopeGuardOnSuccess() + [&]()
