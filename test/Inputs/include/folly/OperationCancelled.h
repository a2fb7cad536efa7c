// Test stand-in for folly (https://github.com/facebook/folly).
// Checked against: tag v2026.08.17.00.
// Upstream path: folly/OperationCancelled.h
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.

#pragma once

#include <exception>

namespace folly {

struct OperationCancelled final : public std::exception {
  const char* what() const noexcept override;
};

} // namespace folly
