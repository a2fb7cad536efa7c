// folly: a local CancellationSource whose token is passed on, not linked to
// the received CancellationToken. The link is a CancellationCallback.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++17,c++20 -fix-notes

#include <folly/CancellationToken.h>

void run(int job, const folly::CancellationToken &ct);

void start(int job, folly::CancellationToken ct) {
  folly::CancellationSource jobs;
  // CHECK-FIXES: folly::CancellationSource jobs;
  // CHECK-FIXES-NEXT: folly::CancellationCallback link_ct(ct, [&jobs] { jobs.requestCancellation(); });
  run(job, jobs.getToken());
  // CHECK-MESSAGES: :[[@LINE-4]]:29: warning: the token of cancel source 'jobs' is given to 'run', but cancelling token 'ct' does not reach 'jobs' [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-2]]:12: note: the token is passed here; link 'jobs' to 'ct' with a stop callback that cancels it
  // CHECK-MESSAGES: :[[@LINE-7]]:46: note: token 'ct' is received here
}
