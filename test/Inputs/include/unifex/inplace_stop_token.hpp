// Test stand-in for libunifex (https://github.com/facebookexperimental/libunifex).
// Checked against: main at commit c6e5af988fd2b7c63fea1745b09c4cab04cc59be
// (2026-05-07; 178 commits after tag v0.4.0).
// Upstream path: include/unifex/inplace_stop_token.hpp
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// inplace_stop_source is neither copyable nor movable; inplace_stop_token is
// copyable; inplace_stop_callback<F> is neither copyable nor movable (it holds
// a std::atomic in its base, as upstream). Upstream declares no deduction guide
// for inplace_stop_callback, so class template argument deduction from a
// (token, lambda) pair does not work; neither does it here.

#pragma once

#include <atomic>
#include <cstdint>
#include <thread>
#include <type_traits>
#include <utility>

namespace unifex {

class inplace_stop_source;
class inplace_stop_token;
template <typename F>
class inplace_stop_callback;

class inplace_stop_callback_base {
 public:
  void execute() noexcept { this->execute_(this); }

 protected:
  using execute_fn = void(inplace_stop_callback_base* cb) noexcept;

  explicit inplace_stop_callback_base(
      inplace_stop_source* source, execute_fn* execute) noexcept
    : source_(source), execute_(execute) {}

  void register_callback() noexcept;

  friend inplace_stop_source;

  inplace_stop_source* source_;
  execute_fn* execute_;
  inplace_stop_callback_base* next_ = nullptr;
  inplace_stop_callback_base** prevPtr_ = nullptr;
  bool* removedDuringCallback_ = nullptr;
  std::atomic<bool> callbackCompleted_{false};
};

class inplace_stop_source {
 public:
  inplace_stop_source() noexcept = default;
  ~inplace_stop_source();

  inplace_stop_source(const inplace_stop_source&) = delete;
  inplace_stop_source(inplace_stop_source&&) = delete;
  inplace_stop_source& operator=(inplace_stop_source&&) = delete;
  inplace_stop_source& operator=(const inplace_stop_source&) = delete;

  bool request_stop() noexcept;

  inplace_stop_token get_token() noexcept;

  bool stop_requested() const noexcept;

 private:
  friend inplace_stop_token;
  friend inplace_stop_callback_base;
  template <typename F>
  friend class inplace_stop_callback;

  bool try_add_callback(inplace_stop_callback_base* callback) noexcept;
  void remove_callback(inplace_stop_callback_base* callback) noexcept;

  std::atomic<std::uint8_t> state_{0};
  inplace_stop_callback_base* callbacks_ = nullptr;
  std::thread::id notifyingThreadId_;
};

class inplace_stop_token {
 public:
  template <typename F>
  using callback_type = inplace_stop_callback<F>;

  inplace_stop_token() noexcept : source_(nullptr) {}

  inplace_stop_token(const inplace_stop_token& other) noexcept = default;
  inplace_stop_token&
  operator=(const inplace_stop_token& other) noexcept = default;

  bool stop_requested() const noexcept {
    return source_ != nullptr && source_->stop_requested();
  }

  bool stop_possible() const noexcept { return source_ != nullptr; }

  void swap(inplace_stop_token& other) noexcept {
    std::swap(source_, other.source_);
  }

  friend bool operator==(
      const inplace_stop_token& a, const inplace_stop_token& b) noexcept {
    return a.source_ == b.source_;
  }

  friend bool operator!=(
      const inplace_stop_token& a, const inplace_stop_token& b) noexcept {
    return a.source_ != b.source_;
  }

 private:
  friend inplace_stop_source;
  template <typename F>
  friend class inplace_stop_callback;

  explicit inplace_stop_token(inplace_stop_source* source) noexcept
    : source_(source) {}

  inplace_stop_source* source_;
};

inline inplace_stop_token inplace_stop_source::get_token() noexcept {
  return inplace_stop_token{this};
}

template <typename F>
class inplace_stop_callback final : private inplace_stop_callback_base {
 public:
  // Upstream: template(typename T = F)(requires convertible_to<T, F>).
#if defined(__cpp_concepts) && __cpp_concepts >= 201907L
  template <typename T = F>
    requires std::is_convertible_v<T, F>
#else
  template <
      typename T = F,
      std::enable_if_t<std::is_convertible_v<T, F>, int> = 0>
#endif
  explicit inplace_stop_callback(inplace_stop_token token, T&& func) noexcept(
      std::is_nothrow_constructible_v<F, T>)
    : inplace_stop_callback_base(
          token.source_, &inplace_stop_callback::execute_impl)
    , func_(static_cast<T&&>(func)) {
    this->register_callback();
  }

  ~inplace_stop_callback() {}

 private:
  static void execute_impl(inplace_stop_callback_base* cb) noexcept {
    static_cast<inplace_stop_callback*>(cb)->func_();
  }

  F func_;
};

}  // namespace unifex
