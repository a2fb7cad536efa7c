// Order service: remembering in-flight requests for asynchronous audit
// logging, the shape of the incident behind ctx-tidy.
//
// Expected findings:
//   ctx-static-storage at AuditTrail::remember: the request's stop token is
//   filed in a static map that nothing ever erases from, so every request
//   leaves its cancellation state (and every callback registered on it)
//   behind. The note offers a scope guard that erases the entry when
//   remember() returns; the real fix is rememberCorrectly.
//   ctx-static-storage at handleWithCurrentOrder: a pointer to the request's
//   token is left in a thread-local "current" slot on the early return.
// AuditTrail::rememberCorrectly stores only what the audit needs (ids and
// the deadline); handleCorrectly restores the slot on every path.

#include <chrono>
#include <map>
#include <stop_token>
#include <string>

namespace orders {

struct AuditRecord {
  std::string user;
  std::string traceId;
  std::chrono::steady_clock::time_point deadline;
};

class AuditTrail {
public:
  // leak: the token stays in the map for the life of the process.
  static void remember(const std::string &orderId, std::stop_token tok) {
    pendingTokens().emplace(orderId, tok);
  }

  // correct: the audit needs ids and the deadline, not the context.
  static void rememberCorrectly(const std::string &orderId,
                                const std::string &user,
                                std::chrono::steady_clock::time_point deadline) {
    pendingRecords()[orderId] = AuditRecord{user, orderId, deadline};
  }

  static void flush() { pendingRecords().clear(); }

private:
  static std::map<std::string, std::stop_token> &pendingTokens() {
    static std::map<std::string, std::stop_token> tokens;
    return tokens;
  }
  static std::map<std::string, AuditRecord> &pendingRecords() {
    static std::map<std::string, AuditRecord> records;
    return records;
  }
};

thread_local const std::stop_token *currentOrderToken = nullptr;

bool validate(const std::string &orderId) { return !orderId.empty(); }

// leak: the early return leaves a pointer to this request's token behind.
void handleWithCurrentOrder(const std::string &orderId, std::stop_token tok) {
  const std::stop_token *previous = currentOrderToken;
  currentOrderToken = &tok;
  if (!validate(orderId))
    return;
  AuditTrail::remember(orderId, tok);
  currentOrderToken = previous;
}

// correct: the slot is restored on every path.
void handleCorrectly(const std::string &orderId, std::stop_token tok) {
  const std::stop_token *previous = currentOrderToken;
  currentOrderToken = &tok;
  if (validate(orderId))
    AuditTrail::rememberCorrectly(orderId, "alice",
                                  std::chrono::steady_clock::now());
  currentOrderToken = previous;
}

} // namespace orders
