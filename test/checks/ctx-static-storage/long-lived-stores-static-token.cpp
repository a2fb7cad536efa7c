// A long-lived server keeping the process's shutdown token, not a request's.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20

#include <stop_token>
#include <vector>

std::stop_source g_shutdown;

class Server {
public:
  void start() {
    stop_ = g_shutdown.get_token();
    watchers_.push_back(g_shutdown.get_token());
  }

private:
  std::stop_token stop_;
  std::vector<std::stop_token> watchers_;
};

Server g_server;
