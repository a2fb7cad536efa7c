// Test stand-in for folly (https://github.com/facebook/folly).
// Checked against: tag v2026.08.17.00.
// Upstream path: folly/Portability.h
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// Only FOLLY_HAS_COROUTINES is provided, using upstream's feature-test
// condition for non-MSVC, non-NVCC compilers (clang defines
// __cpp_impl_coroutine only in C++20 mode, so this is 0 under -std=c++17).

#pragma once

#ifndef FOLLY_HAS_COROUTINES
#if ((defined(__cpp_coroutines) && __cpp_coroutines >= 201703L) ||         \
     (defined(__cpp_impl_coroutine) && __cpp_impl_coroutine >= 201902L)) && \
    __has_include(<coroutine>)
#define FOLLY_HAS_COROUTINES 1
#else
#define FOLLY_HAS_COROUTINES 0
#endif
#endif
