#pragma once
#include <folly/CancellationToken.h>
#include <vector>

namespace sys {
inline folly::CancellationToken
anyOf(folly::CancellationToken first,
      const std::vector<folly::CancellationToken> &rest) {
  for (const auto &t : rest)
    first = folly::cancellation_token_merge(first, t);
  return first;
}
} // namespace sys
