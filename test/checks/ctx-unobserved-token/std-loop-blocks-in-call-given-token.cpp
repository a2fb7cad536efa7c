// Every iteration blocks in a call that is given the token (a queue whose
// pop returns early on a stop request): the loop can be stopped there.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <stop_token>
#include <string>

class LineQueue {
public:
  // Blocks until a line arrives or a stop is requested (then returns false).
  bool pop(std::string &line, std::stop_token tok);
};

void log_line(const std::string &);

void tail(LineQueue &queue, std::stop_token tok) {
  std::string line;
  for (;;) {
    queue.pop(line, tok);
    log_line(line);
  }
}
