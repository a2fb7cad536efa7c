// Test stand-in for Seastar (https://github.com/scylladb/seastar).
// Checked against: master at commit 525fcc86ecd275b1c89a1c3f359693704c953a98
// (2026-08-04; 1175 commits after tag seastar-25.05.0).
// Upstream path: include/seastar/core/semaphore.hh
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// Seastar requires C++20; like upstream, this header fails under C++17.
// Declares basic_semaphore<ExceptionFactory, Clock> with its four wait()
// overloads (units; deadline; abort_source; duration), signal, consume,
// try_wait, broken and the counters; semaphore and named_semaphore;
// semaphore_units; get_units() with its four overloads (units; deadline;
// duration; abort_source), try_get_units, consume_units and with_semaphore
// (both overloads); the semaphore exceptions and exception factories.
// Note the argument orders, as upstream: wait(abort_source&, size_t nr = 1)
// takes the abort source first, get_units(sem, units, abort_source&) takes
// it last. Left out: ensure_space_for_waiters, semaphore_units::split/adopt,
// the SEASTAR_SEMAPHORE_DEBUG checks. Bodies of the templates are
// placeholders.

#pragma once

#if __cplusplus < 202002L
#error "seastar stand-in: Seastar requires C++20 (-std=c++20)"
#else

#include <seastar/core/abort_source.hh>
#include <seastar/core/future.hh>
#include <seastar/core/sstring.hh>
#include <seastar/core/timed_out_error.hh>
#include <seastar/core/timer.hh>

#include <cstddef>
#include <exception>
#include <limits>
#include <optional>
#include <string_view>
#include <sys/types.h>
#include <type_traits>
#include <utility>

namespace seastar {

class broken_semaphore : public std::exception {
public:
    virtual const char* what() const noexcept;
};

class semaphore_timed_out : public timed_out_error {
public:
    virtual const char* what() const noexcept;
};

class semaphore_aborted : public abort_requested_exception {
public:
    virtual const char* what() const noexcept;
};

struct semaphore_default_exception_factory {
    static semaphore_timed_out timeout() noexcept;
    static broken_semaphore broken() noexcept;
    static semaphore_aborted aborted() noexcept;
};

class named_semaphore_timed_out : public semaphore_timed_out {
    sstring _msg;
public:
    named_semaphore_timed_out(std::string_view msg) noexcept;
    virtual const char* what() const noexcept;
};

class broken_named_semaphore : public broken_semaphore {
    sstring _msg;
public:
    broken_named_semaphore(std::string_view msg) noexcept;
    virtual const char* what() const noexcept;
};

class named_semaphore_aborted : public semaphore_aborted {
    sstring _msg;
public:
    named_semaphore_aborted(std::string_view msg) noexcept;
    virtual const char* what() const noexcept;
};

// Usage: named_semaphore(0, named_semaphore_exception_factory{"name"}).
struct named_semaphore_exception_factory {
    sstring name;
    named_semaphore_timed_out timeout() const noexcept;
    broken_named_semaphore broken() const noexcept;
    named_semaphore_aborted aborted() const noexcept;
};

template <typename ExceptionFactory, typename Clock = typename timer<>::clock>
class basic_semaphore : private ExceptionFactory {
public:
    using duration = typename timer<Clock>::duration;
    using clock = typename timer<Clock>::clock;
    using time_point = typename timer<Clock>::time_point;
    using exception_factory = ExceptionFactory;

private:
    ssize_t _count;
    std::exception_ptr _ex;

public:
    static constexpr size_t max_counter() noexcept {
        return std::numeric_limits<ssize_t>::max();
    }

    basic_semaphore(size_t count) noexcept(std::is_nothrow_default_constructible_v<exception_factory>)
        : _count(count) {}
    basic_semaphore(size_t count, exception_factory&& factory) noexcept(std::is_nothrow_move_constructible_v<exception_factory>)
        : exception_factory(std::move(factory)), _count(count) {}
    basic_semaphore(basic_semaphore&& other) noexcept(std::is_nothrow_move_constructible_v<exception_factory>);
    basic_semaphore& operator=(basic_semaphore&& other) noexcept(std::is_nothrow_move_assignable_v<exception_factory>);

    future<> wait(size_t nr = 1) noexcept;
    future<> wait(time_point timeout, size_t nr = 1) noexcept;
    future<> wait(abort_source& as, size_t nr = 1) noexcept;
    future<> wait(duration timeout, size_t nr = 1) noexcept;

    void signal(size_t nr = 1) noexcept;
    void consume(size_t nr = 1) noexcept;
    bool try_wait(size_t nr = 1) noexcept;
    size_t current() const noexcept;
    ssize_t available_units() const noexcept { return _count; }
    size_t waiters() const noexcept;

    void broken() noexcept;
    template <typename Exception>
    void broken(const Exception& ex) noexcept {
        broken(std::make_exception_ptr(ex));
    }
    void broken(std::exception_ptr ex) noexcept;
};

template <typename ExceptionFactory = semaphore_default_exception_factory, typename Clock = typename timer<>::clock>
class semaphore_units {
    basic_semaphore<ExceptionFactory, Clock>* _sem;
    size_t _n;

public:
    semaphore_units() noexcept : _sem(nullptr), _n(0) {}
    semaphore_units(basic_semaphore<ExceptionFactory, Clock>& sem, size_t n) noexcept : _sem(&sem), _n(n) {}
    semaphore_units(semaphore_units&& o) noexcept : _sem(o._sem), _n(std::exchange(o._n, 0)) {}
    semaphore_units& operator=(semaphore_units&& o) noexcept;
    semaphore_units(const semaphore_units&) = delete;
    ~semaphore_units() noexcept { return_all(); }

    size_t return_units(size_t units);
    void return_all() noexcept {
        if (_n) {
            _sem->signal(std::exchange(_n, 0));
        }
    }
    size_t release() noexcept { return std::exchange(_n, 0); }
    size_t count() const noexcept { return _n; }
    explicit operator bool() const noexcept { return _n != 0; }
};

template <typename ExceptionFactory, typename Clock = typename timer<>::clock>
future<semaphore_units<ExceptionFactory, Clock>>
get_units(basic_semaphore<ExceptionFactory, Clock>& sem, size_t units) noexcept;

template <typename ExceptionFactory, typename Clock = typename timer<>::clock>
future<semaphore_units<ExceptionFactory, Clock>>
get_units(basic_semaphore<ExceptionFactory, Clock>& sem, size_t units, typename basic_semaphore<ExceptionFactory, Clock>::time_point timeout) noexcept;

template <typename ExceptionFactory, typename Clock>
future<semaphore_units<ExceptionFactory, Clock>>
get_units(basic_semaphore<ExceptionFactory, Clock>& sem, size_t units, typename basic_semaphore<ExceptionFactory, Clock>::duration timeout) noexcept;

template <typename ExceptionFactory, typename Clock>
future<semaphore_units<ExceptionFactory, Clock>>
get_units(basic_semaphore<ExceptionFactory, Clock>& sem, size_t units, abort_source& as) noexcept;

template <typename ExceptionFactory, typename Clock = typename timer<>::clock>
std::optional<semaphore_units<ExceptionFactory, Clock>>
try_get_units(basic_semaphore<ExceptionFactory, Clock>& sem, size_t units) noexcept;

template <typename ExceptionFactory, typename Clock = typename timer<>::clock>
semaphore_units<ExceptionFactory, Clock>
consume_units(basic_semaphore<ExceptionFactory, Clock>& sem, size_t units) noexcept;

template <typename ExceptionFactory, typename Func, typename Clock = typename timer<>::clock>
inline
futurize_t<std::invoke_result_t<Func>>
with_semaphore(basic_semaphore<ExceptionFactory, Clock>& sem, size_t units, Func&& func) noexcept {
    (void)sem;
    (void)units;
    (void)func;
    std::terminate();
}

template <typename ExceptionFactory, typename Clock, typename Func>
inline
futurize_t<std::invoke_result_t<Func>>
with_semaphore(basic_semaphore<ExceptionFactory, Clock>& sem, size_t units, typename basic_semaphore<ExceptionFactory, Clock>::duration timeout, Func&& func) noexcept {
    (void)sem;
    (void)units;
    (void)timeout;
    (void)func;
    std::terminate();
}

using semaphore = basic_semaphore<semaphore_default_exception_factory>;
using named_semaphore = basic_semaphore<named_semaphore_exception_factory>;

} // namespace seastar

#endif // C++20
