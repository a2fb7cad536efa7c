// LongLivedTypes names classes whose objects live for the whole process even
// when this file cannot see it (created in main of another file, leaked on
// purpose, ...).
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20 -fix-notes -config="{CheckOptions: {ctx-static-storage.LongLivedTypes: 'app::Dispatcher'}}"

#include <stop_token>
#include <vector>

namespace app {
class Dispatcher {
public:
  void on_request(std::stop_token tok) {
    subscribers_.push_back(tok);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: request token is stored in 'app::Dispatcher::subscribers_', a member of long-lived 'app::Dispatcher', and never removed [ctx-static-storage]
    // CHECK-MESSAGES: :[[@LINE+6]]:32: note: 'app::Dispatcher::subscribers_' declared here
    // CHECK-MESSAGES: :[[@LINE-6]]:7: note: 'app::Dispatcher' is long-lived: it is listed in LongLivedTypes
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: erase the entry when the request ends, or store the request's ids and deadline instead of the request token
  }

private:
  std::vector<std::stop_token> subscribers_;
};
} // namespace app
