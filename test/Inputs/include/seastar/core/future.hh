// Test stand-in for Seastar (https://github.com/scylladb/seastar).
// Checked against: master at commit 525fcc86ecd275b1c89a1c3f359693704c953a98
// (2026-08-04; 1175 commits after tag seastar-25.05.0).
// Upstream path: include/seastar/core/future.hh
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// Seastar requires C++20; like upstream, this header fails under C++17.
// Declares future<T> (available/failed/get/wait/then/then_wrapped/finally/
// handle_exception/discard_result/get_exception), promise<T> (get_future/
// set_value/set_exception), futurize_t, futurize_invoke, make_ready_future
// and make_exception_future, at Seastar's default API level 9. Left out:
// shared_future, then_unpack, handle_exception_type, or_terminate,
// forward_to, the backtrace and nested-exception helpers. Coroutine support
// is in seastar/core/coroutine.hh, as upstream. Bodies of the templates are
// placeholders.

#pragma once

#if __cplusplus < 202002L
#error "seastar stand-in: Seastar requires C++20 (-std=c++20)"
#else

#include <concepts>
#include <exception>
#include <functional>
#include <source_location>
#include <type_traits>
#include <utility>

namespace seastar {

template <typename T = void>
class future;

template <typename T = void>
class promise;

template <typename T>
struct futurize {
    using type = future<T>;
};
template <typename T>
struct futurize<future<T>> {
    using type = future<T>;
};

template <typename T>
using futurize_t = typename futurize<T>::type;

template <typename Func, typename... Args>
futurize_t<std::invoke_result_t<Func&&, Args&&...>>
futurize_invoke(Func&& func, Args&&... args) noexcept;

namespace internal {
struct monostate {};

template <typename Func, typename... T>
struct future_result {
    using type = std::invoke_result_t<Func, T...>;
    using future_type = futurize_t<type>;
};
template <typename Func>
struct future_result<Func, void> {
    using type = std::invoke_result_t<Func>;
    using future_type = futurize_t<type>;
};

template <typename T>
using future_stored_type_t = std::conditional_t<std::is_void_v<T>, monostate, T>;
} // namespace internal

template <typename T>
class [[nodiscard]] future {
public:
    using value_type = internal::future_stored_type_t<T>;
    using promise_type = promise<T>;

    future(future&& x) noexcept;
    future(const future&) = delete;
    future& operator=(future&& x) noexcept;
    void operator=(const future&) = delete;
    ~future();

    value_type&& get();
    std::exception_ptr get_exception() noexcept;
    void wait() noexcept;
    bool available() const noexcept;
    bool failed() const noexcept;

    template <typename Func, typename Result = typename internal::future_result<Func, T>::future_type>
    requires std::invocable<Func, T>
                 || (std::same_as<void, T> && std::invocable<Func>)
    Result
    then(Func&& func, std::source_location sl = std::source_location::current()) noexcept {
        (void)func;
        (void)sl;
        std::terminate();
    }

    template <std::invocable<future> Func, typename FuncResult = std::invoke_result_t<Func, future>>
    futurize_t<FuncResult>
    then_wrapped(Func&& func, std::source_location sl = std::source_location::current()) & noexcept {
        (void)func;
        (void)sl;
        std::terminate();
    }

    template <std::invocable<future&&> Func, typename FuncResult = std::invoke_result_t<Func, future&&>>
    futurize_t<FuncResult>
    then_wrapped(Func&& func, std::source_location sl = std::source_location::current()) && noexcept {
        (void)func;
        (void)sl;
        std::terminate();
    }

    template <std::invocable Func>
    future<T> finally(Func&& func, std::source_location sl = std::source_location::current()) noexcept {
        (void)func;
        (void)sl;
        std::terminate();
    }

    // Upstream writes the last two alternatives with the size of the value
    // tuple (0 for future<void>, 1 otherwise).
    template <typename Func>
    requires std::is_invocable_r_v<future<T>, Func, std::exception_ptr>
                 || (std::is_void_v<T> && std::is_invocable_r_v<void, Func, std::exception_ptr>)
                 || (!std::is_void_v<T> && std::is_invocable_r_v<T, Func, std::exception_ptr>)
    future<T> handle_exception(Func&& func, std::source_location sl = std::source_location::current()) noexcept {
        (void)func;
        (void)sl;
        std::terminate();
    }

    future<> discard_result(std::source_location sl = std::source_location::current()) noexcept;

    bool operator==(const future&) const = delete;
};

template <typename T>
class promise {
public:
    promise() noexcept;
    promise(promise&& x) noexcept;
    promise(const promise&) = delete;
    promise& operator=(promise&& x) noexcept;
    void operator=(const promise&) = delete;

    future<T> get_future() noexcept;

    void set_value() noexcept requires std::is_void_v<T>;
    template <typename... A>
    void set_value(A&&... a) noexcept {
        ((void)a, ...);
    }

    void set_exception(std::exception_ptr&& ex) noexcept;
    void set_exception(const std::exception_ptr& ex) noexcept;
    template <typename Exception>
    requires (!std::same_as<std::remove_reference_t<Exception>, std::exception_ptr>)
    void set_exception(Exception&& e) noexcept {
        (void)e;
    }
};

template <typename T = void, typename... A>
future<T> make_ready_future(A&&... value) noexcept;

template <typename T = void>
future<T> make_exception_future(std::exception_ptr&& value) noexcept;

template <typename T = void, typename Exception>
future<T> make_exception_future(Exception&& ex) noexcept;

} // namespace seastar

#endif // C++20
