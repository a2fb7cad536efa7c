//===--- TemporaryCallbackCheck.h - ctx-tidy --------------------*- C++ -*-===//

#ifndef CTX_TIDY_CHECKS_TEMPORARYCALLBACKCHECK_H
#define CTX_TIDY_CHECKS_TEMPORARYCALLBACKCHECK_H

#include "lib/tidy/ContextCheckBase.h"

namespace clang::tidy::ctx {

/// Finds stop-callback registrations created as temporaries: they deregister
/// at the end of the full-expression, so the callback never runs.
///
/// For the user-facing documentation see docs/checks/ctx-temporary-callback.md
class TemporaryCallbackCheck : public ContextCheckBase {
public:
  using ContextCheckBase::ContextCheckBase;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  /// Templates are analysed once, as written: instantiations are not
  /// traversed. (isInTemplateInstantiation() would build the parent map of
  /// the whole translation unit, a fixed cost larger than the check.)
  std::optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_IgnoreUnlessSpelledInSource;
  }

private:
  /// Reports \p Value if it is a stop callback; \p Block is the block whose
  /// statement it is, when naming it in place is a safe rewrite.
  void checkDiscarded(const Expr *Value, const CompoundStmt *Block,
                      ASTContext &Ctx);
};

} // namespace clang::tidy::ctx

#endif // CTX_TIDY_CHECKS_TEMPORARYCALLBACKCHECK_H
