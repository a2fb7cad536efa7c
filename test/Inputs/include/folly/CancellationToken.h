// Test stand-in for folly (https://github.com/facebook/folly).
// Checked against: tag v2026.08.17.00.
// Upstream path: folly/CancellationToken.h
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
//
// Notes on the checked version:
//  - CancellationToken::merge() was removed upstream; the merge entry point
//    is the `folly::cancellation_token_merge` function object.
//  - Upstream constrains the CancellationCallback constructors with a C++20
//    `requires` clause (since v2026.06.22.00). Under C++17 this stand-in uses
//    the equivalent enable_if form that upstream used before that release.
//
// Older folly: defining CTX_TEST_FOLLY_V2025_07_14 before the include gives
// the API of tags v2021.02.15.00 to v2025.07.14.00 (checked against tag
// v2025.07.14.00): the merge is the static member template
// CancellationToken::merge(), there is no cancellation_token_merge, and the
// CancellationCallback constructors use the enable_if form in every mode.

#pragma once

#include <folly/Function.h>
#include <folly/OperationCancelled.h>

#include <atomic>
#include <memory>
#include <tuple>
#include <type_traits>
#include <utility>

namespace folly {

class CancellationCallback;
class CancellationSource;
#ifndef CTX_TEST_FOLLY_V2025_07_14
struct cancellation_token_merge_fn;
#endif

namespace detail {
class CancellationState;
struct CancellationStateTokenDeleter {
  void operator()(CancellationState*) noexcept;
};
struct CancellationStateSourceDeleter {
  void operator()(CancellationState*) noexcept;
};
using CancellationStateTokenPtr =
    std::unique_ptr<CancellationState, CancellationStateTokenDeleter>;
using CancellationStateSourcePtr =
    std::unique_ptr<CancellationState, CancellationStateSourceDeleter>;
template <typename...>
struct WithDataTag;
} // namespace detail

class CancellationToken {
 public:
  CancellationToken() noexcept = default;
  CancellationToken(const CancellationToken& other) noexcept;
  CancellationToken(CancellationToken&& other) noexcept;
  CancellationToken& operator=(const CancellationToken& other) noexcept;
  CancellationToken& operator=(CancellationToken&& other) noexcept;

  bool isCancellationRequested() const noexcept;
  bool canBeCancelled() const noexcept;

#ifdef CTX_TEST_FOLLY_V2025_07_14
  // A token that is cancelled when any of `tokens` is.
  template <typename... Ts>
  static CancellationToken merge(Ts&&... tokens);
#endif

  void swap(CancellationToken& other) noexcept;

  friend bool operator==(
      const CancellationToken& a, const CancellationToken& b) noexcept;

 private:
  friend class CancellationCallback;
  friend class CancellationSource;
#ifndef CTX_TEST_FOLLY_V2025_07_14
  friend struct cancellation_token_merge_fn;
#endif

  explicit CancellationToken(detail::CancellationStateTokenPtr state) noexcept;

  detail::CancellationStateTokenPtr state_;
};

bool operator==(
    const CancellationToken& a, const CancellationToken& b) noexcept;
bool operator!=(
    const CancellationToken& a, const CancellationToken& b) noexcept;

class CancellationSource {
 public:
  CancellationSource();
  CancellationSource(const CancellationSource& other) noexcept;
  CancellationSource(CancellationSource&& other) noexcept;
  CancellationSource& operator=(const CancellationSource& other) noexcept;
  CancellationSource& operator=(CancellationSource&& other) noexcept;

  static CancellationSource invalid() noexcept;

  bool isCancellationRequested() const noexcept;
  bool canBeCancelled() const noexcept;
  CancellationToken getToken() const noexcept;
  bool requestCancellation() const noexcept;
  void swap(CancellationSource& other) noexcept;

  friend bool operator==(
      const CancellationSource& a, const CancellationSource& b) noexcept;

  template <typename... Data, typename... Args>
  static std::pair<CancellationSource, std::tuple<Data...>*> create(
      detail::WithDataTag<Data...>, Args&&...);

 private:
  explicit CancellationSource(
      detail::CancellationStateSourcePtr&& state) noexcept;

  detail::CancellationStateSourcePtr state_;
};

bool operator==(
    const CancellationSource& a, const CancellationSource& b) noexcept;
bool operator!=(
    const CancellationSource& a, const CancellationSource& b) noexcept;

class CancellationCallback {
  using VoidFunction = folly::Function<void()>;

 public:
#if __cplusplus >= 202002L && !defined(CTX_TEST_FOLLY_V2025_07_14)
  template <typename Callable>
    requires std::
        is_constructible<CancellationCallback::VoidFunction, Callable>::value
  CancellationCallback(CancellationToken&& ct, Callable&& callable)
      : callback_(static_cast<Callable&&>(callable)) {
    (void)ct;
  }
  template <typename Callable>
    requires std::
        is_constructible<CancellationCallback::VoidFunction, Callable>::value
  CancellationCallback(const CancellationToken& ct, Callable&& callable)
      : callback_(static_cast<Callable&&>(callable)) {
    (void)ct;
  }
#else
  template <
      typename Callable,
      std::enable_if_t<
          std::is_constructible<VoidFunction, Callable>::value,
          int> = 0>
  CancellationCallback(CancellationToken&& ct, Callable&& callable)
      : callback_(static_cast<Callable&&>(callable)) {
    (void)ct;
  }
  template <
      typename Callable,
      std::enable_if_t<
          std::is_constructible<VoidFunction, Callable>::value,
          int> = 0>
  CancellationCallback(const CancellationToken& ct, Callable&& callable)
      : callback_(static_cast<Callable&&>(callable)) {
    (void)ct;
  }
#endif

  ~CancellationCallback();

  CancellationCallback(const CancellationCallback&) = delete;
  CancellationCallback(CancellationCallback&&) = delete;
  CancellationCallback& operator=(const CancellationCallback&) = delete;
  CancellationCallback& operator=(CancellationCallback&&) = delete;

 private:
  friend class detail::CancellationState;

  void invokeCallback() noexcept;

  CancellationCallback* next_ = nullptr;
  CancellationCallback** prevNext_ = nullptr;
  detail::CancellationState* state_ = nullptr;
  VoidFunction callback_;
  bool* destructorHasRunInsideCallback_ = nullptr;
  std::atomic<bool> callbackCompleted_{false};
};

#ifndef CTX_TEST_FOLLY_V2025_07_14
// A token that is cancelled when any of `tokens` is.
struct cancellation_token_merge_fn {
  template <typename... Ts>
  CancellationToken operator()(Ts&&... tokens) const;
};
inline constexpr cancellation_token_merge_fn cancellation_token_merge{};
#endif

} // namespace folly
