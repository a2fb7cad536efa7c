// A 'this' capture used for a token member: the object may be gone before
// the thread reads the member. When every use is a plain read, the fix copies
// the member into an init-capture and renames the uses.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <stop_token>
#include <thread>

void poll_inventory(std::stop_token);
void poll_payments(const std::stop_token &);

class OrderPoller {
public:
  void start() {
    std::thread([this] {
      // CHECK-FIXES: std::thread([this, tok = tok_] {
      while (!tok_.stop_requested())
        // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: token 'tok_' captured through 'this' may be destroyed while a detached thread still uses it [ctx-detached-ref-capture]
        // CHECK-MESSAGES: :[[@LINE+7]]:8: note: the thread is detached here
        // CHECK-FIXES: while (!tok.stop_requested())
        poll_inventory(tok_);
      // CHECK-FIXES: poll_inventory(tok);
      poll_payments(this->tok_);
      // CHECK-FIXES: poll_payments(tok);
      Rounds = 0;
    }).detach();
  }

  void start_with_default_capture() {
    std::thread([&] { poll_inventory(m_token); }).detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: token 'm_token' captured through 'this'
    // CHECK-MESSAGES: :[[@LINE-2]]:51: note: the thread is detached here
    // CHECK-FIXES: std::thread([&, token = m_token] { poll_inventory(token); }).detach();
  }

  void name_taken() {
    std::thread([this] { int tok = 1; (void)tok; poll_inventory(tok_); }).detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:65: warning: token 'tok_' captured through 'this'
    // CHECK-MESSAGES: :[[@LINE-2]]:75: note: the thread is detached here
    // CHECK-FIXES: std::thread([this, tok_ = tok_] { int tok = 1; (void)tok; poll_inventory(tok_); }).detach();
  }

private:
  std::stop_token tok_;
  std::stop_token m_token;
  int Rounds = 0;
};
