// Order service: retrying a payment call with a longer deadline each time.
//
// Expected findings:
//   ctx-loop-derivation at PaymentRetry::charge: every attempt derives the
//   next context from the previous attempt's, so the chain of contexts grows
//   by one link per retry and none is released while the loop runs (and the
//   deadlines nest: each attempt also waits for every earlier one's).
// PaymentRetry::chargeCorrectly derives each attempt's context from the
// request's, inside the loop.

#include <ctx/annotations.h>
#include <string>

namespace rpc {

// A Go-style request context: immutable, each derivation wraps its parent.
class CTX_CONTEXT Context {
public:
  CTX_DERIVES Context withTimeout(int millis) const;
  CTX_DERIVES Context withValue(const std::string &key,
                                const std::string &value) const;
  bool cancelled() const;
};

} // namespace rpc

namespace orders {

bool callPayment(const rpc::Context &ctx, int order);

class PaymentRetry {
public:
  bool charge(const rpc::Context &request, int order) {
    rpc::Context ctx = request;
    for (int attempt = 1; attempt <= 5; ++attempt) {
      ctx = ctx.withTimeout(100 * attempt); // leak: derived from the last one
      if (callPayment(ctx, order))
        return true;
    }
    return false;
  }

  bool chargeCorrectly(const rpc::Context &request, int order) {
    for (int attempt = 1; attempt <= 5; ++attempt) {
      rpc::Context ctx = request.withTimeout(100 * attempt);
      if (callPayment(ctx, order))
        return true;
    }
    return false;
  }
};

} // namespace orders
