// Test stand-in for stdexec (https://github.com/NVIDIA/stdexec).
// Checked against: tag nvhpc-26.05.
// Upstream path: include/stdexec/stop_token.hpp (never_stop_token,
//   stoppable_token, unstoppable_token and stop_callback_for_t are defined
//   upstream in include/stdexec/__detail/__stop_token.hpp, which
//   stop_token.hpp includes)
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// stdexec requires C++20; like upstream, this header fails under C++17.
// Declarations live in namespace stdexec (upstream's default STDEXEC
// namespace when STDEXEC_NAMESPACE is not defined).
// inplace_stop_source is neither copyable nor movable; inplace_stop_token is
// copyable; inplace_stop_callback<F> is neither copyable nor movable.
// Upstream declares no deduction guide for inplace_stop_callback.

#pragma once

#if __cplusplus < 202002L
#error "stdexec stand-in: stdexec requires C++20 (-std=c++20)"
#else

#include <atomic>
#include <concepts>
#include <cstdint>
#include <thread>
#include <type_traits>
#include <utility>
#include <version>

#if __has_include(<stop_token>) && __cpp_lib_jthread >= 201911L
#include <stop_token>
#endif

namespace stdexec {

template <template <class> class _Callback>
struct __check_type_alias_exists;

template <class _StopToken>
inline constexpr bool __has_stop_callback_v = requires {
  typename __check_type_alias_exists<_StopToken::template callback_type>;
};

#if defined(__cpp_lib_jthread) && __cpp_lib_jthread >= 201911L
template <>
inline constexpr bool __has_stop_callback_v<std::stop_token> = true;
#endif

template <class _Token>
struct __stop_callback_for {
  template <class _Callback>
  using __f = typename _Token::template callback_type<_Callback>;
};

#if defined(__cpp_lib_jthread) && __cpp_lib_jthread >= 201911L
template <>
struct __stop_callback_for<std::stop_token> {
  template <class _Callback>
  using __f = std::stop_callback<_Callback>;
};
#endif

template <class _Token, class _Callback>
using stop_callback_for_t =
    typename __stop_callback_for<_Token>::template __f<_Callback>;

template <class _Token>
concept stoppable_token =
    requires(_Token const __token) {
      requires __has_stop_callback_v<_Token>;
      { __token.stop_requested() } noexcept -> std::convertible_to<bool>;
      { __token.stop_possible() } noexcept -> std::convertible_to<bool>;
      { _Token(__token) } noexcept;
    } && std::copyable<_Token> && std::equality_comparable<_Token>;

template <class _Token>
concept unstoppable_token =
    stoppable_token<_Token> &&
    requires {
      { _Token::stop_possible() } -> std::convertible_to<bool>;
    } && (!_Token::stop_possible());

struct never_stop_token {
 private:
  struct __callback_type {
    template <class _Fn>
    constexpr explicit __callback_type(never_stop_token, _Fn&&) noexcept {}
  };

 public:
  template <class>
  using callback_type = __callback_type;

  static constexpr auto stop_requested() noexcept -> bool { return false; }
  static constexpr auto stop_possible() noexcept -> bool { return false; }

  constexpr auto operator==(never_stop_token const&) const noexcept
      -> bool = default;
};

template <class _Callback>
class inplace_stop_callback;
class inplace_stop_source;
class inplace_stop_token;

namespace __stok {
struct __inplace_stop_callback_base {
  void __execute() noexcept { this->__execute_(this); }

 protected:
  using __execute_fn_t = void(__inplace_stop_callback_base*) noexcept;

  explicit __inplace_stop_callback_base(
      inplace_stop_source const* __source,
      __execute_fn_t* __execute) noexcept
    : __source_(__source), __execute_(__execute) {}

  void __register_callback_() noexcept;

  friend inplace_stop_source;

  inplace_stop_source const* __source_;
  __execute_fn_t* __execute_;
  __inplace_stop_callback_base* __next_ = nullptr;
  __inplace_stop_callback_base** __prev_ptr_ = nullptr;
  bool* __removed_during_callback_ = nullptr;
  std::atomic<bool> __callback_completed_{false};
};
}  // namespace __stok

class inplace_stop_source {
 public:
  inplace_stop_source() noexcept = default;
  ~inplace_stop_source();
  inplace_stop_source(inplace_stop_source&&) = delete;

  constexpr auto get_token() const noexcept -> inplace_stop_token;

  auto request_stop() noexcept -> bool;

  auto stop_requested() const noexcept -> bool;

 private:
  friend inplace_stop_token;
  friend __stok::__inplace_stop_callback_base;
  template <class>
  friend class inplace_stop_callback;

  auto __try_add_callback_(__stok::__inplace_stop_callback_base*) const noexcept
      -> bool;
  void __remove_callback_(__stok::__inplace_stop_callback_base*) const noexcept;

  mutable std::atomic<std::uint8_t> __state_{0};
  mutable __stok::__inplace_stop_callback_base* __callbacks_ = nullptr;
  std::thread::id __notifying_thread_;
};

class inplace_stop_token {
 public:
  template <class _Fun>
  using callback_type = inplace_stop_callback<_Fun>;

  constexpr inplace_stop_token() noexcept : __source_(nullptr) {}

  constexpr inplace_stop_token(inplace_stop_token const& __other) noexcept =
      default;
  constexpr inplace_stop_token(inplace_stop_token&& __other) noexcept
    : __source_(std::exchange(__other.__source_, nullptr)) {}

  constexpr auto operator=(inplace_stop_token const& __other) noexcept
      -> inplace_stop_token& = default;
  constexpr auto operator=(inplace_stop_token&& __other) noexcept
      -> inplace_stop_token& {
    __source_ = std::exchange(__other.__source_, nullptr);
    return *this;
  }

  [[nodiscard]]
  constexpr auto stop_requested() const noexcept -> bool {
    return __source_ != nullptr && __source_->stop_requested();
  }

  [[nodiscard]]
  constexpr auto stop_possible() const noexcept -> bool {
    return __source_ != nullptr;
  }

  constexpr void swap(inplace_stop_token& __other) noexcept {
    std::swap(__source_, __other.__source_);
  }

  constexpr auto operator==(inplace_stop_token const&) const noexcept
      -> bool = default;

 private:
  friend inplace_stop_source;
  template <class>
  friend class inplace_stop_callback;

  constexpr explicit inplace_stop_token(
      inplace_stop_source const* __source) noexcept
    : __source_(__source) {}

  inplace_stop_source const* __source_;
};

inline constexpr auto inplace_stop_source::get_token() const noexcept
    -> inplace_stop_token {
  return inplace_stop_token{this};
}

template <class _Fun>
class inplace_stop_callback : __stok::__inplace_stop_callback_base {
 public:
  template <class _Fun2>
    requires std::constructible_from<_Fun, _Fun2>
  explicit inplace_stop_callback(inplace_stop_token __token, _Fun2&& __fun)
      noexcept(std::is_nothrow_constructible_v<_Fun, _Fun2>)
    : __stok::__inplace_stop_callback_base(
          __token.__source_, &inplace_stop_callback::__execute_impl_)
    , __fun_(static_cast<_Fun2&&>(__fun)) {
    __register_callback_();
  }

  ~inplace_stop_callback() {}

 private:
  static void __execute_impl_(__stok::__inplace_stop_callback_base* __cb) noexcept {
    std::move(static_cast<inplace_stop_callback*>(__cb)->__fun_)();
  }

  _Fun __fun_;
};

}  // namespace stdexec

#endif // C++20
