// Test stand-in for Seastar (https://github.com/scylladb/seastar).
// Checked against: master at commit 525fcc86ecd275b1c89a1c3f359693704c953a98
// (2026-08-04; 1175 commits after tag seastar-25.05.0).
// Upstream path: include/seastar/core/coroutine.hh
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// Seastar requires C++20; like upstream, this header fails under C++17.
// As upstream, this header makes future<T> a coroutine type (a
// std::coroutine_traits specialisation for future<T> returns) and makes
// future<T>&& awaitable (operator co_await in namespace seastar). At the
// default API level 9, return_value takes any U, and co_return of a
// future<T> picks a deprecated overload. Left out: coroutine::exception
// (seastar/coroutine/exception.hh), without_preemption_check,
// coroutine::lambda, the task and allocator bases of the promise types.
// Coroutine bodies are never run.

#pragma once

#if __cplusplus < 202002L
#error "seastar stand-in: Seastar requires C++20 (-std=c++20)"
#else

#include <seastar/core/future.hh>

#include <coroutine>
#include <exception>
#include <utility>

namespace seastar {

namespace internal {

template <typename T = void>
class coroutine_traits_base {
public:
    class promise_type final {
        seastar::promise<T> _promise;

    public:
        promise_type() = default;
        promise_type(promise_type&&) = delete;
        promise_type(const promise_type&) = delete;

        template <typename U>
        void return_value(U&& value) {
            _promise.set_value(std::forward<U>(value));
        }

        [[deprecated("Forwarding coroutine returns are deprecated as too dangerous. Use 'co_return co_await ...' until explicit syntax is available.")]]
        void return_value(future<T>&& fut) noexcept;

        void set_exception(std::exception_ptr&& eptr) noexcept;
        void unhandled_exception() noexcept;
        seastar::future<T> get_return_object() noexcept { return _promise.get_future(); }

        std::suspend_never initial_suspend() noexcept { return {}; }
        std::suspend_never final_suspend() noexcept { return {}; }
    };
};

template <>
class coroutine_traits_base<> {
public:
    class promise_type final {
        seastar::promise<> _promise;

    public:
        promise_type() = default;
        promise_type(promise_type&&) = delete;
        promise_type(const promise_type&) = delete;

        void return_void() noexcept;
        void set_exception(std::exception_ptr&& eptr) noexcept;
        void unhandled_exception() noexcept;
        seastar::future<> get_return_object() noexcept { return _promise.get_future(); }

        std::suspend_never initial_suspend() noexcept { return {}; }
        std::suspend_never final_suspend() noexcept { return {}; }
    };
};

template <bool CheckPreempt, typename T>
struct awaiter {
    seastar::future<T> _future;

public:
    explicit awaiter(seastar::future<T>&& f) noexcept : _future(std::move(f)) {}
    awaiter(const awaiter&) = delete;
    awaiter(awaiter&&) = delete;

    bool await_ready() const noexcept { return _future.available(); }
    template <typename U>
    void await_suspend(std::coroutine_handle<U> hndl) noexcept {
        (void)hndl;
    }
    T await_resume() { return _future.get(); }
};

template <bool CheckPreempt>
struct awaiter<CheckPreempt, void> {
    seastar::future<> _future;

public:
    explicit awaiter(seastar::future<>&& f) noexcept : _future(std::move(f)) {}
    awaiter(const awaiter&) = delete;
    awaiter(awaiter&&) = delete;

    bool await_ready() const noexcept { return _future.available(); }
    template <typename U>
    void await_suspend(std::coroutine_handle<U> hndl) noexcept {
        (void)hndl;
    }
    void await_resume() { _future.get(); }
};

} // namespace internal

template <typename T>
auto operator co_await(future<T>&& f) noexcept {
    return internal::awaiter<true, T>(std::move(f));
}

} // namespace seastar

namespace std {

template <typename T, typename... Args>
class coroutine_traits<seastar::future<T>, Args...> : public seastar::internal::coroutine_traits_base<T> {
};

} // namespace std

#endif // C++20
