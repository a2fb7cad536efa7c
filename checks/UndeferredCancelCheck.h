//===--- UndeferredCancelCheck.h - ctx-tidy ---------------------*- C++ -*-===//

#ifndef CTX_TIDY_CHECKS_UNDEFERREDCANCELCHECK_H
#define CTX_TIDY_CHECKS_UNDEFERREDCANCELCHECK_H

#include "lib/CancelFlow.h"
#include "lib/tidy/ContextCheckBase.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"

namespace clang::tidy::ctx {

/// Finds cancel sources whose token reached other work, and cancel functions
/// from cancel factories, that some path leaves the function without
/// cancelling (the C++ counterpart of Go vet's lostcancel).
///
/// For the user-facing documentation see docs/checks/ctx-undeferred-cancel.md
class UndeferredCancelCheck : public ContextCheckBase {
public:
  UndeferredCancelCheck(llvm::StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  void analyseBody(const Decl *D, const Stmt *Body, ASTContext &Ctx);

  std::string SynchronousCallsOption;
  std::string ScopeGuardTemplate;
  FunctionNameSet SynchronousCalls;
  /// Names the fixes chose so far, per function body.
  llvm::DenseMap<const Stmt *, llvm::StringSet<>> ChosenNames;
};

} // namespace clang::tidy::ctx

#endif // CTX_TIDY_CHECKS_UNDEFERREDCANCELCHECK_H
