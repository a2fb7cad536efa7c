// unifex::inplace_stop_source cannot be copied and its tokens point into it:
// a token copied out of a local source dangles once the source is gone.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++17,c++20

#include <thread>
#include <unifex/inplace_stop_token.hpp>

void poll_fills(unifex::inplace_stop_token);

void start_fills() {
  unifex::inplace_stop_source src;
  std::thread([t = src.get_token()] { poll_fills(t); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: token 't' points into cancel source 'src', which may be destroyed while a detached thread still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:57: note: the thread is detached here
  // CHECK-MESSAGES: :[[@LINE-3]]:16: note: give the task ownership: a 'std::shared_ptr<unifex::inplace_stop_source>' captured by value, or an owning token type

  unifex::inplace_stop_token tok = src.get_token();
  std::thread([&] { poll_fills(tok); src.request_stop(); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: token 'tok' captured by reference may be destroyed while a detached thread still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:61: note: the thread is detached here
  // CHECK-MESSAGES: :[[@LINE-3]]:32: note: give the task ownership of the source 'tok' points into, or use an owning token type
  // CHECK-MESSAGES: :[[@LINE-4]]:38: warning: cancel source 'src' captured by reference may be destroyed while a detached thread still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE-5]]:61: note: the thread is detached here
  // CHECK-MESSAGES: :[[@LINE-6]]:38: note: give the task ownership: a 'std::shared_ptr<unifex::inplace_stop_source>' captured by value
}
