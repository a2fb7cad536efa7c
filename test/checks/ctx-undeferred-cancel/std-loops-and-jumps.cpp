// Early exits inside loops, switch, break/continue and goto.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <stop_token>
#include <thread>
#include <vector>

void work(std::stop_token tok);
bool fail();

int return_in_loop(const std::vector<int> &v) {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  std::thread(work, src.get_token()).detach();
  for (int x : v) {
    if (x == 0)
      continue;
    if (x < 0)
      return x;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: this return is reached without cancelling 'src'
  }
  src.request_stop();
  return 0;
}

int switch_missing_case(int kind) {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  std::thread(work, src.get_token()).detach();
  switch (kind) {
  case 0:
    src.request_stop();
    return 0;
  case 1:
    return 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'src'
  default:
    break;
  }
  src.request_stop();
  return 2;
}

int goto_cleanup(const std::vector<int> &v) {
  std::stop_source src;
  std::thread(work, src.get_token()).detach();
  int sum = 0;
  for (int x : v) {
    if (x < 0)
      goto out;
    if (x == 0)
      break;
    sum += x;
  }
  do {
    if (fail())
      goto out;
  } while (sum-- > 0);
out:
  src.request_stop();
  return sum;
}
