// Test stand-in for libunifex (https://github.com/facebookexperimental/libunifex).
// Checked against: main at commit c6e5af988fd2b7c63fea1745b09c4cab04cc59be
// (2026-05-07; 178 commits after tag v0.4.0).
// Upstream path: include/unifex/just.hpp
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// unifex::just is a function object returning _just::sender<Values...>
// (decayed), which advertises value_types / error_types / sends_done. The
// receiver/connect machinery is not modelled.

#pragma once

#include <exception>
#include <tuple>
#include <type_traits>
#include <utility>

namespace unifex {
namespace _just {

template <typename... Values>
struct _sender {
  class type;
};
template <typename... Values>
using sender = typename _sender<std::decay_t<Values>...>::type;

template <typename... Values>
class _sender<Values...>::type {
  std::tuple<Values...> values_;

 public:
  template <
      template <typename...> class Variant,
      template <typename...> class Tuple>
  using value_types = Variant<Tuple<Values...>>;

  template <template <typename...> class Variant>
  using error_types = Variant<std::exception_ptr>;

  static constexpr bool sends_done = false;

  template <
      typename... Values2,
      std::enable_if_t<
          sizeof...(Values2) == sizeof...(Values) &&
              std::is_constructible_v<std::tuple<Values...>, Values2...>,
          int> = 0>
  explicit type(std::in_place_t, Values2&&... values) noexcept(
      std::is_nothrow_constructible_v<std::tuple<Values...>, Values2...>)
    : values_(static_cast<Values2&&>(values)...) {}
};

}  // namespace _just

namespace _just_cpo {
inline const struct just_fn {
  template <typename... Values>
  constexpr auto operator()(Values&&... values) const
      noexcept(std::is_nothrow_constructible_v<
               _just::sender<Values...>,
               std::in_place_t,
               Values...>) -> _just::sender<Values...> {
    return _just::sender<Values...>{std::in_place, static_cast<Values&&>(values)...};
  }
} just{};
}  // namespace _just_cpo
using _just_cpo::just;

}  // namespace unifex
