// A lambda that keeps *this alive with a shared_from_this() copy may use the
// object's members, and [*this] copies the object: silent.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <memory>
#include <stop_token>
#include <thread>

void drain(std::stop_token);

class Session : public std::enable_shared_from_this<Session> {
public:
  void start() {
    std::thread([self = shared_from_this(), this] { drain(tok_); }).detach();
    auto keep = shared_from_this();
    std::thread([keep, this] { drain(tok_); }).detach();
    std::thread([*this] { drain(tok_); }).detach();
  }

private:
  std::stop_token tok_;
};
