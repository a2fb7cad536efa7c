// Keeping another object alive (peer_->shared_from_this()) does not keep
// *this alive: the member is still reached through a 'this' that may dangle.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <memory>
#include <stop_token>
#include <thread>

void drain(std::stop_token);

class Session : public std::enable_shared_from_this<Session> {
public:
  void start() {
    std::thread([this, keep = peer_->shared_from_this()] { drain(tok_); }).detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:66: warning: token 'tok_' captured through 'this' may be destroyed while a detached thread still uses it [ctx-detached-ref-capture]
    // CHECK-MESSAGES: :[[@LINE-2]]:76: note: the thread is detached here
    // CHECK-FIXES: std::thread([this, tok = tok_, keep = peer_->shared_from_this()] { drain(tok); }).detach();
  }

private:
  std::stop_token tok_;
  std::shared_ptr<Session> peer_;
};
