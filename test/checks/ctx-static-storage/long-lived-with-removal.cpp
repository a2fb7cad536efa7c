// A singleton that files tokens and erases them when the request completes.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20

#include <map>
#include <stop_token>

class Tracker {
public:
  static Tracker &instance() {
    static Tracker t;
    return t;
  }
  void track(int id, std::stop_token tok) { tokens_.emplace(id, tok); }
  void untrack(int id) { tokens_.erase(id); }

private:
  std::map<int, std::stop_token> tokens_;
};

void handle(int id, std::stop_token tok) {
  Tracker::instance().track(id, tok);
  Tracker::instance().untrack(id);
}
