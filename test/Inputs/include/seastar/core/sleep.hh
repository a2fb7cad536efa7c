// Test stand-in for Seastar (https://github.com/scylladb/seastar).
// Checked against: master at commit 525fcc86ecd275b1c89a1c3f359693704c953a98
// (2026-08-04; 1175 commits after tag seastar-25.05.0).
// Upstream path: include/seastar/core/sleep.hh
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// Seastar requires C++20; like upstream, this header fails under C++17.
// Declares sleep(), the two sleep_abortable() overloads and sleep_aborted.
// sleep() takes any std::chrono::duration; sleep_abortable() takes
// Clock::duration (nanoseconds for steady_clock_type and lowres_clock), so
// a floating-point or coarser-than-Clock duration that sleep() accepts may
// need a duration_cast there. steady_clock_type and lowres_clock can be used
// as Clock; manual_clock is not declared, and neither are the explicit
// instantiation declarations.

#pragma once

#if __cplusplus < 202002L
#error "seastar stand-in: Seastar requires C++20 (-std=c++20)"
#else

#include <seastar/core/abort_source.hh>
#include <seastar/core/future.hh>
#include <seastar/core/lowres_clock.hh>
#include <seastar/core/timer.hh>

#include <chrono>

namespace seastar {

template <typename Clock = steady_clock_type, typename Rep, typename Period>
future<> sleep(std::chrono::duration<Rep, Period> dur);

class sleep_aborted : public abort_requested_exception {
public:
    virtual const char* what() const noexcept { return "Sleep is aborted"; }
};

template <typename Clock = steady_clock_type>
future<> sleep_abortable(typename Clock::duration dur);

template <typename Clock = steady_clock_type>
future<> sleep_abortable(typename Clock::duration dur, abort_source& as);

} // namespace seastar

#endif // C++20
