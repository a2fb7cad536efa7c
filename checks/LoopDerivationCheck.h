//===--- LoopDerivationCheck.h - ctx-tidy -----------------------*- C++ -*-===//

#ifndef CTX_TIDY_CHECKS_LOOPDERIVATIONCHECK_H
#define CTX_TIDY_CHECKS_LOOPDERIVATIONCHECK_H

#include "lib/ValueUses.h"
#include "lib/tidy/ContextCheckBase.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace clang::tidy::ctx {

/// Finds a variable that a loop re-derives from its own value on every
/// iteration (`ctx = with_value(ctx, k, v)`, `tok = merge(tok, other)`):
/// the chain of tokens or contexts grows by one link per iteration and no
/// link is released while the loop runs.
///
/// For the user-facing documentation see docs/checks/ctx-loop-derivation.md
class LoopDerivationCheck : public ContextCheckBase {
public:
  using ContextCheckBase::ContextCheckBase;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;
  /// Templates are analysed once, as written: instantiations are not
  /// traversed.
  std::optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_IgnoreUnlessSpelledInSource;
  }

private:
  /// The uses of the body \p Body, indexed once per body.
  const ValueUses &usesOf(const Stmt *Body, ASTContext &Ctx);
  void checkAssignment(const Expr *Assign, const Expr *Lhs, const Expr *Rhs,
                       ASTContext &Ctx);

  llvm::DenseMap<const Stmt *, std::unique_ptr<ValueUses>> Uses;
  /// (variable, loop) pairs already reported: one warning per chain.
  llvm::DenseSet<std::pair<const void *, const void *>> Reported;
};

} // namespace clang::tidy::ctx

#endif // CTX_TIDY_CHECKS_LOOPDERIVATIONCHECK_H
