// An RAII "current context" class: the constructor stores, the destructor
// puts the previous value back.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20

#include <stop_token>

thread_local const std::stop_token *t_current_token = nullptr;

class ScopedToken {
public:
  explicit ScopedToken(const std::stop_token &tok) : previous_(t_current_token) {
    t_current_token = &tok;
  }
  ~ScopedToken() { t_current_token = previous_; }
  ScopedToken(const ScopedToken &) = delete;
  ScopedToken &operator=(const ScopedToken &) = delete;

private:
  const std::stop_token *previous_;
};

void work();

void handle(std::stop_token tok) {
  ScopedToken scope(tok);
  work();
}
