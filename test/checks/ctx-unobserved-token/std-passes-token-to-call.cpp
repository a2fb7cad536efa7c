// Passing the token to a call or a construction hands the stop on: the
// callee may observe it, and a loop that blocks in it can be woken.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <optional>
#include <stop_token>

struct Job {
  void run();
};
std::optional<Job> pop(std::stop_token tok);

struct Pool {
  void submit(std::stop_token tok, Job job);
};

struct Session {
  explicit Session(std::stop_token tok);
  bool serve();
};

void consume(std::stop_token tok) {
  while (auto job = pop(tok))
    job->run();
}

void dispatch(std::stop_token tok, Pool &pool) {
  for (;;) {
    std::optional<Job> job = pop(tok);
    if (!job)
      break;
    pool.submit(tok, *job);
  }
}

void per_session(std::stop_token tok) {
  while (true) {
    Session s(tok);
    if (!s.serve())
      return;
  }
}
