// oneTBB's blocking algorithms finish before they return: a context that
// only goes to them needs no cancel.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++17,c++20

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/parallel_reduce.h>

bool invalid_batch();

int total(const int *prices, int n) {
  tbb::task_group_context ctx;
  tbb::parallel_for(tbb::blocked_range<int>(0, n),
                    [&](const tbb::blocked_range<int> &) {}, ctx);
  if (invalid_batch())
    return 0;
  int sum = tbb::parallel_reduce(
      tbb::blocked_range<int>(0, n), 0,
      [&](const tbb::blocked_range<int> &r, int acc) {
        for (int i = r.begin(); i != r.end(); ++i)
          acc += prices[i];
        return acc;
      },
      [](int a, int b) { return a + b; }, ctx);
  return sum;
}
