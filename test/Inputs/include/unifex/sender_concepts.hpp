// Test stand-in for libunifex (https://github.com/facebookexperimental/libunifex).
// Checked against: main at commit c6e5af988fd2b7c63fea1745b09c4cab04cc59be
// (2026-05-07; 178 commits after tag v0.4.0).
// Upstream path: include/unifex/sender_concepts.hpp
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// Only the typed-sender traits used by sync_wait are declared. A sender here
// is a type with the nested value_types / error_types templates and
// sends_done, as in upstream's typed senders; connect() is not modelled.

#pragma once

#include <unifex/type_traits.hpp>

#include <functional>
#include <tuple>
#include <type_traits>

namespace unifex {

template <typename Sender, template <typename...> class Variant,
          template <typename...> class Tuple>
using sender_value_types_t =
    typename remove_cvref_t<Sender>::template value_types<Variant, Tuple>;

template <typename Sender, template <typename...> class Variant>
using sender_error_types_t =
    typename remove_cvref_t<Sender>::template error_types<Variant>;

namespace _sc {
template <typename... Ts>
struct single_value {
  using type = std::tuple<Ts...>;
};
template <typename T>
struct single_value<T> {
  using type = T;
};
template <>
struct single_value<> {
  using type = void;
};

template <typename... Overloads>
struct single_overload;  // more than one value overload: not single
template <typename Overload>
struct single_overload<Overload> {
  using type = Overload;
};

template <typename T>
using wrap_reference_t = std::conditional_t<
    std::is_lvalue_reference_v<T>,
    std::reference_wrapper<std::remove_reference_t<T>>,
    std::remove_reference_t<T>>;
}  // namespace _sc

template <typename Sender>
using sender_single_value_return_type_t =
    typename sender_value_types_t<Sender, _sc::single_overload,
                                  _sc::single_value>::type::type;

template <typename Sender>
using sender_single_value_result_t =
    non_void_t<_sc::wrap_reference_t<sender_single_value_return_type_t<Sender>>>;

}  // namespace unifex
