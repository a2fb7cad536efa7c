// Test stand-in for Seastar (https://github.com/scylladb/seastar).
// Checked against: master at commit 525fcc86ecd275b1c89a1c3f359693704c953a98
// (2026-08-04; 1175 commits after tag seastar-25.05.0).
// Upstream path: include/seastar/core/timed_out_error.hh
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// Seastar requires C++20; like upstream, this header fails under C++17.
// The fmt formatter is not declared.

#pragma once

#if __cplusplus < 202002L
#error "seastar stand-in: Seastar requires C++20 (-std=c++20)"
#else

#include <exception>

namespace seastar {

class timed_out_error : public std::exception {
public:
    virtual const char* what() const noexcept { return "timedout"; }
};

struct default_timeout_exception_factory {
    static auto timeout() { return timed_out_error(); }
};

} // namespace seastar

#endif // C++20
