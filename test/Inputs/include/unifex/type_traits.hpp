// Test stand-in for libunifex (https://github.com/facebookexperimental/libunifex).
// Checked against: main at commit c6e5af988fd2b7c63fea1745b09c4cab04cc59be
// (2026-05-07; 178 commits after tag v0.4.0).
// Upstream path: include/unifex/type_traits.hpp
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.

#pragma once

#include <type_traits>

namespace unifex {

template <typename T>
using remove_cvref_t = std::remove_cv_t<std::remove_reference_t<T>>;

struct unit {};

template <typename T>
using non_void_t = std::conditional_t<std::is_void_v<T>, unit, T>;

}  // namespace unifex
