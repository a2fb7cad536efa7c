// A tbb::task_group_context is a cancel source that is its own token.
// Passing it to parallel_for does more than forward a stop: the loop's
// tasks join that group, with its exceptions and priority. A lambda that
// captures the context to submit other work with it is not told to run
// its own loop in that group (oneTBB's test_task.cpp does exactly this).
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_group.h>

void submit(int i, tbb::task_group_context &ctx);

void run(tbb::task_group_context &ctx, int n) {
  auto body = [&ctx, n] {
    tbb::parallel_for(0, n, [&](int i) { submit(i, ctx); });
  };
  body();
  tbb::parallel_for(tbb::blocked_range<int>(0, n),
                    [&](const tbb::blocked_range<int> &r) {
                      for (int i = r.begin(); i != r.end(); ++i)
                        submit(i, ctx);
                    });
}
