// Static containers of ids, deadlines and flags: what the incident's fix
// stored instead of the context.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20

#include <chrono>
#include <map>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

struct AuditRecord {
  std::string user;
  std::string trace_id;
  std::chrono::steady_clock::time_point deadline;
};

static std::map<std::string, AuditRecord> g_audit;
static std::vector<bool> g_cancelled;
static std::vector<std::jthread> g_workers;

void handle(const std::string &id, std::stop_token tok) {
  g_audit[id] = AuditRecord{"alice", id, std::chrono::steady_clock::now()};
  g_cancelled.push_back(tok.stop_requested());
  g_workers.emplace_back([](std::stop_token) {});
}
