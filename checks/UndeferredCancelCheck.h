//===--- UndeferredCancelCheck.h - ctx-tidy ---------------------*- C++ -*-===//

#ifndef CTX_TIDY_CHECKS_UNDEFERREDCANCELCHECK_H
#define CTX_TIDY_CHECKS_UNDEFERREDCANCELCHECK_H

#include "lib/CancelFlow.h"
#include "lib/tidy/ContextCheckBase.h"

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

private:
  void analyseBody(const Decl *D, const Stmt *Body, ASTContext &Ctx);

  std::string ScopeGuardTemplate;
  FunctionNameSet SynchronousCalls;
};

} // namespace clang::tidy::ctx

#endif // CTX_TIDY_CHECKS_UNDEFERREDCANCELCHECK_H
