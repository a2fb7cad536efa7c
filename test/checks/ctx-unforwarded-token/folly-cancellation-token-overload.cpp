// A function handed a folly::CancellationToken calls the variant of an API
// that takes none, while the variant that takes one is declared beside it.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <folly/CancellationToken.h>
#include <string>

namespace storage {
struct Blob {};
Blob get(const std::string &key);
Blob get(const std::string &key, folly::CancellationToken ct);
} // namespace storage

storage::Blob load(const std::string &key, const folly::CancellationToken &ct) {
  if (ct.isCancellationRequested())
    return {};
  return storage::get(key);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: call to 'get' does not pass stop token 'ct'; an overload that takes it exists [ctx-unforwarded-token]
  // CHECK-MESSAGES: :11:6: note: overload that takes it: 'get(const std::string &, folly::CancellationToken)'
  // CHECK-FIXES: return storage::get(key, ct);
}
