// A thread-local pointer to the pool the current thread works for (Arrow's
// current_thread_pool_, set by each worker for its own pool). The pool keeps
// each queued task's token in a queue inside its private state; the slot
// keeps the pool's address, not a request's context. Arrow's StopToken is a
// user type named by the options.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20 -config="{CheckOptions: {CancelSourceTypes: 'arrow::StopSource', TokenTypes: 'arrow::StopToken', CancelMethods: 'arrow::StopSource::RequestStop', TokenMethods: 'arrow::StopSource::token'}}"

#include <deque>
#include <functional>
#include <memory>
#include <queue>
#include <stop_token>
#include <vector>

namespace arrow {
class StopToken {
public:
  bool IsStopRequested() const;
};

namespace internal {
struct Task {
  std::function<void()> callable;
  StopToken stop_token;
};
struct QueuedTask {
  Task task;
  int priority;
  bool operator<(const QueuedTask &other) const;
};

class ThreadPool {
public:
  void Spawn(std::function<void()> task, StopToken stop_token);
  struct State;

private:
  std::shared_ptr<State> sp_state_;
  State *state_;
};

struct ThreadPool::State {
  std::priority_queue<QueuedTask> pending_tasks_;
  int tasks_queued_or_running_ = 0;
};

thread_local ThreadPool *current_thread_pool_ = nullptr;

static void SetCurrentThreadPool(ThreadPool *pool) {
  current_thread_pool_ = pool;
}
} // namespace internal
} // namespace arrow

// The same with std::stop_token in a deque of tasks, through a reference.
struct Job {
  std::stop_token tok;
};
class Executor {
  std::deque<Job> queue_;
};
static Executor *g_current_executor = nullptr;

void run_on(Executor &ex) { g_current_executor = &ex; }

// A pointer to a struct whose own field is the request's token.
struct Request {
  int id;
  std::stop_token tok;
};
thread_local Request *t_request = nullptr;

void handle(Request *r) {
  t_request = r;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: request token is assigned to static 't_request' and outlives the request [ctx-static-storage]
  // CHECK-MESSAGES: :[[@LINE-5]]:23: note: 't_request' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: restore the previous value before every exit, or store the request's ids and deadline instead of the request token
}

// A pointer to a container of tokens, not to an object that holds one.
static std::vector<std::stop_token> *g_request_tokens = nullptr;

void watch(std::vector<std::stop_token> *tokens) {
  g_request_tokens = tokens;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: pointer to a request token is stored in static 'g_request_tokens' and dangles when the request ends [ctx-static-storage]
  // CHECK-MESSAGES: :[[@LINE-5]]:38: note: 'g_request_tokens' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: store a copy of the request token instead: a copy shares the cancellation state and cannot dangle
}
