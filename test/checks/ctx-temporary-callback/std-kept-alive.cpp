// Callbacks that stay registered: no warning.
// RUN: %check_ctx %s ctx-temporary-callback %t -std=c++20

#include <functional>
#include <memory>
#include <optional>
#include <stop_token>
#include <utility>
#include <vector>

void log_cancelled();
void wait_for_work();

using Callback = std::stop_callback<std::function<void()>>;

void named(std::stop_token tok) {
  std::stop_callback cb(tok, [] { log_cancelled(); });
  wait_for_work();
}

void lifetime_extended(std::stop_token tok) {
  const auto &cb = std::stop_callback(tok, [] { log_cancelled(); });
  auto &&cb2 = std::stop_callback(tok, [] { log_cancelled(); });
  (void)cb;
  (void)cb2;
  wait_for_work();
}

void optional_emplace(std::stop_token tok) {
  std::optional<Callback> cb;
  cb.emplace(tok, [] { log_cancelled(); });
  wait_for_work();
}

void make_unique_kept(std::stop_token tok) {
  auto cb = std::make_unique<Callback>(tok, [] { log_cancelled(); });
  wait_for_work();
}

std::unique_ptr<Callback> make_unique_returned(std::stop_token tok) {
  return std::make_unique<Callback>(tok, [] { log_cancelled(); });
}

Callback returned_by_value(std::stop_token tok) {
  return Callback(tok, [] { log_cancelled(); });
}

class Worker {
public:
  explicit Worker(std::stop_token tok)
      : OnStop(tok, [] { log_cancelled(); }) {}

private:
  Callback OnStop;
};

struct Registry {
  std::vector<std::unique_ptr<Callback>> Callbacks;
  void add(std::stop_token tok) {
    Callbacks.push_back(std::make_unique<Callback>(tok, [] { log_cancelled(); }));
  }
};

void passed_to_a_call(std::stop_token tok, void (*run)(const Callback &)) {
  // The callback is registered for as long as the call runs.
  run(Callback(tok, [] { log_cancelled(); }));
}

void a_stop_source_temporary_is_not_a_callback() {
  std::stop_source().request_stop();
  std::stop_token();
}
