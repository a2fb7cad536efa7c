//===--- UnobservedTokenCheck.h - ctx-tidy ----------------------*- C++ -*-===//

#ifndef CTX_TIDY_CHECKS_UNOBSERVEDTOKENCHECK_H
#define CTX_TIDY_CHECKS_UNOBSERVEDTOKENCHECK_H

#include "lib/ReceivedTokens.h"
#include "lib/tidy/ContextCheckBase.h"

namespace clang::tidy::ctx {

/// Finds loops that never observe the stop token their callable receives,
/// so a stop request cannot end them, and endless loops in std::jthread
/// callables that take no stop token.
///
/// For the user-facing documentation see docs/checks/ctx-unobserved-token.md
class UnobservedTokenCheck : public ContextCheckBase {
public:
  using ContextCheckBase::ContextCheckBase;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// The loops of a callable that receives tokens.
  void checkReceiver(llvm::ArrayRef<ReceivedToken> AllTokens,
                     const LambdaExpr *Lambda, const Stmt *Body,
                     ASTContext &Ctx);
  /// The endless loops of a lambda that receives no token, when a
  /// std::jthread runs it.
  void checkStopThreadCallable(const LambdaExpr *Lambda, ASTContext &Ctx);
};

} // namespace clang::tidy::ctx

#endif // CTX_TIDY_CHECKS_UNOBSERVEDTOKENCHECK_H
