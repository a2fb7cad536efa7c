//===--- TemporaryCallbackCheck.h - ctx-tidy --------------------*- C++ -*-===//

#ifndef CTX_TIDY_CHECKS_TEMPORARYCALLBACKCHECK_H
#define CTX_TIDY_CHECKS_TEMPORARYCALLBACKCHECK_H

#include "lib/tidy/ContextCheckBase.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"

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

private:
  /// Names the fixes chose so far, per function body.
  llvm::DenseMap<const Stmt *, llvm::StringSet<>> ChosenNames;
};

} // namespace clang::tidy::ctx

#endif // CTX_TIDY_CHECKS_TEMPORARYCALLBACKCHECK_H
