// User callback types: through the CallbackTypes option and through the
// CTX_CALLBACK annotation.
// RUN: %check_ctx %s ctx-temporary-callback %t -std=c++17,c++20 -config="{CheckOptions: {CallbackTypes: 'jobs::OnCancel'}}" -- -I%project_root/include

#include <ctx/annotations.h>
#include <functional>

namespace jobs {
class Token {};
class OnCancel {
public:
  OnCancel(Token, std::function<void()>);
  OnCancel(const OnCancel &) = delete;
  ~OnCancel();
};
} // namespace jobs

namespace app {
class CTX_CALLBACK Subscription {
public:
  Subscription(int channel, std::function<void()>);
  ~Subscription();
};
class NotACallback {
public:
  NotACallback(int, std::function<void()>);
};
} // namespace app

void configured(jobs::Token t) {
  jobs::OnCancel(t, [] {});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: temporary 'jobs::OnCancel' is destroyed at the end of the statement; its callback will never run [ctx-temporary-callback]
  // CHECK-FIXES: jobs::OnCancel stopCallback(t, [] {});
}

void annotated() {
  app::Subscription(7, [] {});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: temporary 'app::Subscription' is destroyed at the end of the statement; its callback will never run [ctx-temporary-callback]
  // CHECK-FIXES: app::Subscription stopCallback(7, [] {});
}

void named_ones_are_fine(jobs::Token t) {
  jobs::OnCancel keep(t, [] {});
  app::Subscription sub(7, [] {});
  app::NotACallback(1, [] {});
}
