// Folding tokens into one by merging the running merge with the next token:
// every merge keeps the previous one alive as its input, so the chain grows
// with the range. A bounded loop is reported all the same. The merged token
// is read after the loop, so no fix is offered; one merge of all the tokens
// is the correct form.
// RUN: %check_ctx %s ctx-loop-derivation %t -std=c++17,c++20

#include <folly/CancellationToken.h>
#include <vector>

void run(int job, const folly::CancellationToken &ct);

void runAll(folly::CancellationToken request,
            const std::vector<folly::CancellationToken> &jobs) {
  folly::CancellationToken any = request;
  for (const folly::CancellationToken &job : jobs)
    any = folly::cancellation_token_merge(any, job);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: token 'any' is derived again from its own value on every iteration; its chain grows by one link per iteration and no link is released while the loop runs [ctx-loop-derivation]
  // CHECK-MESSAGES: :[[@LINE-4]]:28: note: 'any' is declared outside the loop; derive each iteration's token into a variable declared inside the loop, from a parent that does not change
  run(1, any);
}

void mergeInto(folly::CancellationToken &ct, folly::CancellationSource &src,
               int rounds) {
  for (int i = 0; i < rounds; ++i)
    ct = folly::cancellation_token_merge(src.getToken(), ct);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: token 'ct' is derived again from its own value on every iteration; its chain grows by one link per iteration and no link is released while the loop runs [ctx-loop-derivation]
  // CHECK-MESSAGES: :[[@LINE-5]]:42: note: 'ct' is declared outside the loop; derive each iteration's token into a variable declared inside the loop, from a parent that does not change
}
