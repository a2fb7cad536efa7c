// RUN: %check_ctx %s ctx-temporary-callback %t -std=c++20

#include <stop_token>
#include <memory>

void log_cancelled();

void handler(std::stop_token tok) {
  std::stop_callback(tok, [] { log_cancelled(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: temporary 'std::stop_callback' is destroyed at the end of the statement; its callback will never run [ctx-temporary-callback]
  // CHECK-FIXES: std::stop_callback stopCallback(tok, [] { log_cancelled(); });
}

void braced(std::stop_token tok) {
  std::stop_callback{tok, [] { log_cancelled(); }};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: temporary 'std::stop_callback' is destroyed at the end of the statement; its callback will never run [ctx-temporary-callback]
  // CHECK-FIXES: std::stop_callback stopCallback{tok, [] { log_cancelled(); }};
}

void explicit_arguments(std::stop_token tok) {
  std::stop_callback<void (*)()>(tok, &log_cancelled);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: temporary 'std::stop_callback' is destroyed at the end of the statement; its callback will never run [ctx-temporary-callback]
  // CHECK-FIXES: std::stop_callback<void (*)()> stopCallback(tok, &log_cancelled);
}

void two_in_one_scope(std::stop_token tok, std::stop_token other) {
  std::stop_callback(tok, [] { log_cancelled(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: temporary 'std::stop_callback'
  // CHECK-FIXES: std::stop_callback stopCallback(tok, [] { log_cancelled(); });
  std::stop_callback(other, [] { log_cancelled(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: temporary 'std::stop_callback'
  // CHECK-FIXES: std::stop_callback stopCallback2(other, [] { log_cancelled(); });
}

void name_already_taken(std::stop_token tok) {
  int stopCallback = 0;
  (void)stopCallback;
  std::stop_callback(tok, [] { log_cancelled(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: temporary 'std::stop_callback'
  // CHECK-FIXES: std::stop_callback stopCallback2(tok, [] { log_cancelled(); });
}

void discarded_make_unique(std::stop_token tok) {
  std::make_unique<std::stop_callback<void (*)()>>(tok, &log_cancelled);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::stop_callback' created by 'make_unique' is destroyed at the end of the statement; its callback will never run [ctx-temporary-callback]
  // CHECK-FIXES: auto stopCallback = std::make_unique<std::stop_callback<void (*)()>>(tok, &log_cancelled);
}

void in_lambda(std::stop_token tok) {
  auto register_it = [tok] {
    std::stop_callback(tok, [] { log_cancelled(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: temporary 'std::stop_callback'
    // CHECK-FIXES: std::stop_callback stopCallback(tok, [] { log_cancelled(); });
  };
  register_it();
}
