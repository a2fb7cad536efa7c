// A cancel before the token is taken settles nothing when some path reaches
// the token uncancelled, or when the family's cancel is not permanent: a
// Boost.Asio signal reaches only the handler installed when it is emitted,
// and a tbb::task_group_context can be reset.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <boost/asio/cancellation_signal.hpp>
#include <oneapi/tbb/task_group.h>
#include <stop_token>
#include <thread>

void async_fetch_quote(boost::asio::cancellation_slot slot);
void keep(std::stop_token tok);
void price(int);

void asio_emitted_before_slot() {
  boost::asio::cancellation_signal sig;
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: cancel handle 'sig' is not cancelled on every path
  // CHECK-FIXES: boost::asio::cancellation_signal sig;
  // CHECK-FIXES-NEXT: auto cancelSigFn = [&] { sig.emit(boost::asio::cancellation_type::terminal); }; struct CancelSig { decltype(cancelSigFn) &Run; ~CancelSig() { Run(); } } cancelSig{cancelSigFn};
  sig.emit(boost::asio::cancellation_type::terminal);
  async_fetch_quote(sig.slot());
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: the end of the function is reached without cancelling 'sig'

void tbb_cancelled_then_reset() {
  tbb::task_group_context ctx;
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: cancel handle 'ctx' is not cancelled on every path
  // CHECK-FIXES: tbb::task_group_context ctx;
  // CHECK-FIXES-NEXT: auto cancelCtxFn = [&] { ctx.cancel_group_execution(); }; struct CancelCtx { decltype(cancelCtxFn) &Run; ~CancelCtx() { Run(); } } cancelCtx{cancelCtxFn};
  ctx.cancel_group_execution();
  ctx.reset();
  auto *group = new tbb::task_group(ctx);
  group->run([] { price(1); });
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: the end of the function is reached without cancelling 'ctx'

// Cancelled on one branch only before the token is taken.
void std_cancelled_on_one_branch(bool quick) {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: std::stop_source src;
  // CHECK-FIXES-NEXT: auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  if (quick)
    src.request_stop();
  std::thread(keep, src.get_token()).detach();
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: the end of the function is reached without cancelling 'src'
