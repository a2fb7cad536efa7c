// Test stand-in for Seastar (https://github.com/scylladb/seastar).
// Checked against: master at commit 525fcc86ecd275b1c89a1c3f359693704c953a98
// (2026-08-04; 1175 commits after tag seastar-25.05.0).
// Upstream path: include/seastar/util/noncopyable_function.hh
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// Seastar requires C++20; like upstream, this header fails under C++17.

#pragma once

#if __cplusplus < 202002L
#error "seastar stand-in: Seastar requires C++20 (-std=c++20)"
#else

#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

namespace seastar {

template <typename Signature>
class noncopyable_function;

template <typename Ret, typename... Args, bool Noexcept>
class noncopyable_function<Ret (Args...) noexcept(Noexcept)> {
    struct holder_base {
        virtual ~holder_base() = default;
        virtual Ret invoke(Args... args) = 0;
    };
    template <typename Func>
    struct holder final : holder_base {
        explicit holder(Func&& f) : fn(std::move(f)) {}
        Ret invoke(Args... args) override { return std::invoke(fn, std::forward<Args>(args)...); }
        Func fn;
    };
    std::unique_ptr<holder_base> _impl;

public:
    noncopyable_function() noexcept = default;

    template <typename Func>
    requires std::is_invocable_r_v<Ret, Func, Args...>
    noncopyable_function(Func func) : _impl(new holder<Func>(std::move(func))) {
        static_assert(!Noexcept || noexcept(std::declval<Func>()(std::declval<Args>()...)));
    }

    ~noncopyable_function() = default;

    noncopyable_function(const noncopyable_function&) = delete;
    noncopyable_function& operator=(const noncopyable_function&) = delete;
    noncopyable_function(noncopyable_function&& x) noexcept = default;
    noncopyable_function& operator=(noncopyable_function&& x) noexcept = default;

    Ret operator()(Args... args) const noexcept(Noexcept) {
        return _impl->invoke(std::forward<Args>(args)...);
    }

    explicit operator bool() const { return _impl != nullptr; }
};

} // namespace seastar

#endif // C++20
