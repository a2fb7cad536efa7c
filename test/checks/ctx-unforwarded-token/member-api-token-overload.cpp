// A member function of the team's client with a token overload, called
// from a member function that receives the token by const reference.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <stop_token>
#include <vector>

class Connection {
public:
  std::vector<char> read_frame();
  std::vector<char> read_frame(const std::stop_token &stop);
};

class Session {
public:
  void pump(const std::stop_token &stop) {
    while (!stop.stop_requested()) {
      std::vector<char> frame = conn_.read_frame();
      // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: call to 'read_frame' does not pass stop token 'stop'; an overload that takes it exists [ctx-unforwarded-token]
      // CHECK-MESSAGES: :11:21: note: overload that takes it: 'read_frame(const std::stop_token &)'
      // CHECK-FIXES: std::vector<char> frame = conn_.read_frame(stop);
      if (frame.empty())
        return;
    }
  }

private:
  Connection conn_;
};
