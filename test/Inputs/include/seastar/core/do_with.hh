// Test stand-in for Seastar (https://github.com/scylladb/seastar).
// Checked against: master at commit 525fcc86ecd275b1c89a1c3f359693704c953a98
// (2026-08-04; 1175 commits after tag seastar-25.05.0).
// Upstream path: include/seastar/core/do_with.hh
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// Seastar requires C++20; like upstream, this header fails under C++17.
// Declares do_with(values..., func): the values are moved into storage that
// lives until the future func returns completes, and func gets lvalue
// references to them; its result is func's result, futurized. with_lock is
// declared too. The body of do_with is a placeholder that only computes the
// result type.

#pragma once

#if __cplusplus < 202002L
#error "seastar stand-in: Seastar requires C++20 (-std=c++20)"
#else

#include <seastar/core/future.hh>

#include <cstddef>
#include <exception>
#include <tuple>
#include <type_traits>
#include <utility>

namespace seastar {

namespace internal {
// The result of calling the last of Args with lvalues of the decayed others.
template <typename Indices, typename... Args>
struct do_with_result;
template <std::size_t... Idx, typename... Args>
struct do_with_result<std::index_sequence<Idx...>, Args...> {
    using all = std::tuple<Args...>;
    using func = std::tuple_element_t<sizeof...(Args) - 1, all>;
    using type = futurize_t<std::invoke_result_t<
        func, std::decay_t<std::tuple_element_t<Idx, all>>&...>>;
};

template <typename Future>
Future do_with_placeholder_future() noexcept;
} // namespace internal

template <typename T1, typename T2, typename... More>
inline
auto
do_with(T1&& rv1, T2&& rv2, More&&... more) noexcept {
    (void)rv1;
    (void)rv2;
    ((void)more, ...);
    using result = typename internal::do_with_result<
        std::make_index_sequence<sizeof...(More) + 1>, T1, T2, More...>::type;
    return internal::do_with_placeholder_future<result>();
}

template <typename Lock, typename Func>
inline
auto with_lock(Lock& lock, Func&& func) {
    (void)lock;
    (void)func;
    return internal::do_with_placeholder_future<futurize_t<std::invoke_result_t<Func&>>>();
}

} // namespace seastar

#endif // C++20
