// Templates are analysed once, in their primary definition, however often
// they are instantiated, including threads whose construction is not
// resolved before instantiation.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <stop_token>
#include <thread>

void drain(std::stop_token);

template <class Job>
void run_detached(Job job, std::stop_token tok) {
  std::thread([&tok] { drain(tok); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: token 'tok' captured by reference may be destroyed while a detached thread still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:39: note: the thread is detached here
  // CHECK-FIXES: std::thread([tok] { drain(tok); }).detach();
  job();
}

template <class Job>
void run_job_detached(Job job, std::stop_token tok) {
  std::thread([&tok, job] { if (!tok.stop_requested()) job(); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: token 'tok' captured by reference may be destroyed while a detached thread still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:66: note: the thread is detached here
  // CHECK-FIXES: std::thread([tok, job] { if (!tok.stop_requested()) job(); }).detach();
}

void use(std::stop_token tok) {
  run_job_detached([] {}, tok);
  run_detached([] {}, tok);
  run_detached(+[] {}, tok);
}
