// Test stand-in for Seastar (https://github.com/scylladb/seastar).
// Checked against: master at commit 525fcc86ecd275b1c89a1c3f359693704c953a98
// (2026-08-04; 1175 commits after tag seastar-25.05.0).
// Upstream path: include/seastar/core/sleep.hh
//   (steady_clock_type is upstream in include/seastar/core/timer.hh)
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// Seastar requires C++20; like upstream, this header fails under C++17.
// Only the steady_clock_type forms are usable here (lowres_clock and
// manual_clock are not declared).

#pragma once

#if __cplusplus < 202002L
#error "seastar stand-in: Seastar requires C++20 (-std=c++20)"
#else

#include <seastar/core/abort_source.hh>
#include <seastar/core/future.hh>

#include <chrono>

namespace seastar {

using steady_clock_type = std::chrono::steady_clock;

template <typename Clock = steady_clock_type, typename Rep, typename Period>
future<> sleep(std::chrono::duration<Rep, Period> dur);

template <typename Clock = steady_clock_type>
future<> sleep_abortable(typename Clock::duration dur);

template <typename Clock = steady_clock_type>
future<> sleep_abortable(typename Clock::duration dur, abort_source& as);

} // namespace seastar

#endif // C++20
