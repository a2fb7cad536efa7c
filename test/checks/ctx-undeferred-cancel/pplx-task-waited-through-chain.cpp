// PPL: tasks built with the token and waited on before the function
// returns, directly or through a task that depends on them (a continuation
// made with then(), a task joined with &&), have ended: the source need not
// be cancelled. The shape of cpprestsdk's operator&& tests.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++17,c++20

#include <pplx/pplxtasks.h>

#include <vector>

bool fail();

int waited_directly() {
  pplx::cancellation_token_source cts;
  pplx::task<int> t([] { return 42; }, cts.get_token());
  if (fail())
    return t.get();
  t.wait();
  return 0;
}

int waited_through_and_and_then() {
  pplx::cancellation_token_source ct1;
  pplx::cancellation_token_source ct2;
  pplx::task<int> t1([] { return 42; }, ct1.get_token());
  pplx::task<int> t2([] { return 77; }, ct2.get_token());
  auto both = t1 && t2;
  auto sum = both.then([](std::vector<int> v) { return v[0] + v[1]; });
  auto same = sum.then([](int v) { return v; });
  same.wait();
  try {
    return same.get();
  } catch (pplx::task_canceled &) {
    return -1;
  }
}

void waited_on_every_branch(bool quick) {
  pplx::cancellation_token_source cts;
  pplx::task<int> t([] { return 1; }, pplx::task_options(cts.get_token()));
  if (quick) {
    t.wait();
    return;
  }
  auto next = t.then([](int v) { return v + 1; });
  next.get();
}
