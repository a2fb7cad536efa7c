// Code as the fix leaves it is silent on a second run: the dependency-free
// guard (a local class whose destructor calls a cancelling lambda), also in a
// template and for a cancel function.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <functional>
#include <stop_token>
#include <thread>

void work(std::stop_token tok);
bool fail();
[[clang::annotate("ctx::cancel_factory")]] std::function<void()> deadline(int ms);

void source() {
  std::stop_source src;
  auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  std::thread(work, src.get_token()).detach();
  if (fail())
    return;
  src.request_stop();
}

template <class T> void in_template(T) {
  std::stop_source src;
  auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  std::thread([&] { work(src.get_token()); }).detach();
  if (fail())
    return;
}

void cancel_function() {
  auto cancel = deadline(100);
  auto cancelCancelFn = [&] { cancel(); }; struct CancelCancel { decltype(cancelCancelFn) &Run; ~CancelCancel() { Run(); } } cancelCancel{cancelCancelFn};
  if (fail())
    return;
}
