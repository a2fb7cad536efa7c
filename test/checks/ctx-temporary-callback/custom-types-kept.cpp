// User callback types (the CallbackTypes option and the CTX_CALLBACK
// annotation) kept by name, in members and in owners; a type that only
// shares the configured name's last component is not a callback. No
// warning.
// RUN: %check_ctx %s ctx-temporary-callback %t -std=c++17,c++20 -config="{CheckOptions: {CallbackTypes: 'jobs::OnCancel'}}" -- -I%project_root/include

#include <ctx/annotations.h>
#include <functional>
#include <memory>

namespace jobs {
class Token {};
class OnCancel {
public:
  OnCancel(Token, std::function<void()>);
  OnCancel(const OnCancel &) = delete;
  ~OnCancel();
};
} // namespace jobs

namespace ui {
class OnCancel {
public:
  OnCancel(int, std::function<void()>);
};
} // namespace ui

namespace app {
class CTX_CALLBACK Subscription {
public:
  Subscription(int channel, std::function<void()>);
  ~Subscription();
};
} // namespace app

struct Job {
  jobs::OnCancel onCancel;
  std::unique_ptr<app::Subscription> progress;
  explicit Job(jobs::Token t)
      : onCancel(t, [] {}),
        progress(std::make_unique<app::Subscription>(3, [] {})) {}
};

void other_namespace() { ui::OnCancel(1, [] {}); }

std::unique_ptr<jobs::OnCancel> owned(jobs::Token t) {
  return std::make_unique<jobs::OnCancel>(t, [] {});
}
