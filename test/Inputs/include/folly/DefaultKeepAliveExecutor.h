// Test stand-in for folly (https://github.com/facebook/folly).
// Checked against: tag v2026.08.17.00.
// Upstream path: folly/DefaultKeepAliveExecutor.h
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.

#pragma once

#include <folly/Executor.h>

namespace folly {

class DefaultKeepAliveExecutor : public virtual Executor {
 public:
  ~DefaultKeepAliveExecutor() override;

 protected:
  void joinKeepAlive();
  void joinAndResetKeepAlive();

  bool keepAliveAcquire() noexcept override;
  void keepAliveRelease() noexcept override;
};

} // namespace folly
