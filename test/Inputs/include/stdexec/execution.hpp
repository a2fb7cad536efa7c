// Test stand-in for stdexec (https://github.com/NVIDIA/stdexec).
// Checked against: tag nvhpc-26.05.
// Upstream path: include/stdexec/execution.hpp (just is defined upstream in
//   include/stdexec/__detail/__just.hpp and sync_wait in
//   include/stdexec/__detail/__sync_wait.hpp; execution.hpp includes both)
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// stdexec requires C++20; like upstream, this header fails under C++17.
// Declarations live in namespace stdexec (upstream's default STDEXEC
// namespace when STDEXEC_NAMESPACE is not defined).
// just / just_error / just_stopped and sync_wait are customisation-point
// objects of types just_t / just_error_t / just_stopped_t / sync_wait_t, as
// upstream. A sender is modelled only by its `sender_concept` and
// `completion_signatures` member types (connect() is not modelled).
// sync_wait(sndr) returns std::optional<std::tuple<Values...>> for the
// sender's single set_value_t(Values...) signature, as upstream.

#pragma once

#if __cplusplus < 202002L
#error "stdexec stand-in: stdexec requires C++20 (-std=c++20)"
#else

#include <stdexec/stop_token.hpp>

#include <exception>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>

namespace stdexec {

struct sender_t {};
struct receiver_t {};

struct set_value_t {};
struct set_error_t {};
struct set_stopped_t {};

template <class... _Sigs>
struct completion_signatures {};

namespace __sync_wait {
template <class _Sig>
struct __value_tuple_of {
  using __t = void;  // not a value completion
};
template <class... _Values>
struct __value_tuple_of<set_value_t(_Values...)> {
  using __t = std::tuple<std::decay_t<_Values>...>;
};

template <class... _Tuples>
struct __single_value_tuple;
template <class _Tuple, class... _Rest>
struct __single_value_tuple<_Tuple, _Rest...>
  : std::conditional_t<std::is_void_v<_Tuple>,
                       __single_value_tuple<_Rest...>,
                       std::type_identity<_Tuple>> {};

template <class _Sigs>
struct __value_tuple_for;
template <class... _Sigs>
struct __value_tuple_for<completion_signatures<_Sigs...>>
  : __single_value_tuple<typename __value_tuple_of<_Sigs>::__t...> {};

template <class _CvSender>
using __value_tuple_for_t = typename __value_tuple_for<
    typename std::remove_cvref_t<_CvSender>::completion_signatures>::type;
}  // namespace __sync_wait

namespace __just {
template <class _Tag, class... _Ts>
struct __sender {
  using sender_concept = sender_t;
  using completion_signatures = stdexec::completion_signatures<_Tag(_Ts...)>;

  std::tuple<_Ts...> __data_;
};
}  // namespace __just

struct just_t {
  template <class... _Ts>
  constexpr auto operator()(_Ts&&... __ts) const
      noexcept((std::is_nothrow_constructible_v<std::decay_t<_Ts>, _Ts> && ...))
      -> __just::__sender<set_value_t, std::decay_t<_Ts>...> {
    return {{static_cast<_Ts&&>(__ts)...}};
  }
};

struct just_error_t {
  template <class _Error>
  constexpr auto operator()(_Error&& __err) const
      noexcept(std::is_nothrow_constructible_v<std::decay_t<_Error>, _Error>)
      -> __just::__sender<set_error_t, std::decay_t<_Error>> {
    return {{static_cast<_Error&&>(__err)}};
  }
};

struct just_stopped_t {
  constexpr auto operator()() const noexcept
      -> __just::__sender<set_stopped_t> {
    return {};
  }
};

inline constexpr just_t just{};
inline constexpr just_error_t just_error{};
inline constexpr just_stopped_t just_stopped{};

struct sync_wait_t {
  template <class _CvSender>
  auto operator()(_CvSender&& __sndr) const
      -> std::optional<__sync_wait::__value_tuple_for_t<_CvSender>> {
    (void)__sndr;
    return std::nullopt;
  }
};

inline constexpr sync_wait_t sync_wait{};

}  // namespace stdexec

#endif // C++20
