// One path hands the source to a registry, another leaves without
// cancelling: a guard right after the declaration would also cancel what was
// handed off, so the fix is offered on the note only.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20 -fix-notes

#include <stop_token>
#include <thread>
#include <utility>

void work(std::stop_token tok);
void adopt(std::stop_source src);
bool fail();

void maybe_adopt(bool keep) {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  std::thread(work, src.get_token()).detach();
  if (fail())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'src'
  if (keep)
    adopt(std::move(src));
  else
    src.request_stop();
}
