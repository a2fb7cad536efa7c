// folly tasks that are waited for, run by a local pool that is joined or
// destroyed first, or that own their token: silent.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++17,c++20

#include <folly/CancellationToken.h>
#include <folly/executors/CPUThreadPoolExecutor.h>
#include <folly/futures/Future.h>
#include <utility>

int reprice(folly::CancellationToken);

int waited_at_once(folly::Executor *ex, folly::CancellationToken tok) {
  return folly::via(ex, [&] { return reprice(tok); }).get();
}

int waited_later(folly::Executor *ex, folly::CancellationToken tok) {
  auto f = folly::via(ex, [&tok] { return reprice(tok); });
  return std::move(f).get();
}

void local_pool(folly::CancellationSource cancel) {
  folly::CPUThreadPoolExecutor pool(2);
  pool.add([&cancel] { reprice(cancel.getToken()); });
  pool.join();
}

void local_pool_destroyed_first(folly::CancellationToken tok) {
  folly::CPUThreadPoolExecutor pool(2);
  pool.add([&tok] { reprice(tok); });
}

void owning_copies(folly::Executor &ex, folly::CancellationSource cancel) {
  folly::CancellationToken tok = cancel.getToken();
  ex.add([tok] { reprice(tok); });
  ex.add([cancel] { cancel.requestCancellation(); });
}
