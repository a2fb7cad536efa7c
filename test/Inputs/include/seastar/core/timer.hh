// Test stand-in for Seastar (https://github.com/scylladb/seastar).
// Checked against: master at commit 525fcc86ecd275b1c89a1c3f359693704c953a98
// (2026-08-04; 1175 commits after tag seastar-25.05.0).
// Upstream path: include/seastar/core/timer.hh
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// Seastar requires C++20; like upstream, this header fails under C++17.
// Declares steady_clock_type and timer<Clock> (callback, arm/rearm/
// arm_periodic/cancel/armed/get_timeout). The scheduling_group overloads and
// the timer_set hook are not declared.

#pragma once

#if __cplusplus < 202002L
#error "seastar stand-in: Seastar requires C++20 (-std=c++20)"
#else

#include <seastar/util/noncopyable_function.hh>

#include <chrono>
#include <optional>

namespace seastar {

using steady_clock_type = std::chrono::steady_clock;

template <typename Clock = steady_clock_type>
class timer {
public:
    typedef typename Clock::time_point time_point;
    typedef typename Clock::duration duration;
    typedef Clock clock;

private:
    noncopyable_function<void ()> _callback;
    time_point _expiry;
    std::optional<duration> _period;
    bool _armed = false;

public:
    timer() noexcept {}
    timer(timer&& t) noexcept;
    explicit timer(noncopyable_function<void ()>&& callback) noexcept;
    ~timer();

    void set_callback(noncopyable_function<void ()>&& callback) noexcept;
    void arm(time_point until, std::optional<duration> period = {}) noexcept;
    void rearm(time_point until, std::optional<duration> period = {}) noexcept;
    void arm(duration delta) noexcept;
    void arm_periodic(duration delta) noexcept;
    void rearm_periodic(duration delta) noexcept;
    bool armed() const noexcept { return _armed; }
    bool cancel() noexcept;
    time_point get_timeout() const noexcept { return _expiry; }
};

} // namespace seastar

#endif // C++20
