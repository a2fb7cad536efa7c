// Test stand-in for folly (https://github.com/facebook/folly).
// Checked against: tag v2026.08.17.00.
// Upstream path: folly/executors/ThreadPoolExecutor.h
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.

#pragma once

#include <folly/DefaultKeepAliveExecutor.h>
#include <folly/Executor.h>

#include <chrono>
#include <cstddef>
#include <memory>

namespace folly {

class ThreadFactory;

class ThreadPoolExecutor : public DefaultKeepAliveExecutor {
 public:
  explicit ThreadPoolExecutor(
      size_t maxThreads,
      size_t minThreads,
      std::shared_ptr<ThreadFactory> threadFactory);

  ~ThreadPoolExecutor() override;

  void add(Func func) override = 0;
  virtual void add(
      Func func, std::chrono::milliseconds expiration, Func expireCallback);

  size_t numThreads() const;
  void setNumThreads(size_t numThreads);
  size_t numActiveThreads() const;

  virtual void stop();
  virtual void join();
};

} // namespace folly
