//===--- StaticStorageCheck.h - ctx-tidy ------------------------*- C++ -*-===//

#ifndef CTX_TIDY_CHECKS_STATICSTORAGECHECK_H
#define CTX_TIDY_CHECKS_STATICSTORAGECHECK_H

#include "lib/tidy/ContextCheckBase.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>

namespace clang::tidy::ctx {

class ExitPathAnalysis;
class StorageAnalysis;
struct StoreSite;

/// Finds request contexts, tokens and cancel sources parked in static
/// containers, globals and long-lived objects.
///
/// For the user-facing documentation see docs/checks/ctx-static-storage.md
class StaticStorageCheck : public ContextCheckBase {
public:
  StaticStorageCheck(llvm::StringRef Name, ClangTidyContext *Context);
  ~StaticStorageCheck() override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void analyse(const StoreSite &S, const StorageAnalysis &A, ASTContext &Ctx);
  bool isRestored(const StoreSite &S, const StorageAnalysis &A,
                  ASTContext &Ctx);
  /// The erase-on-scope-exit guard for a keyed store, if one can be written.
  std::optional<FixItHint>
  eraseGuard(const StoreSite &S, const StorageAnalysis &A, ASTContext &Ctx);

  std::vector<std::string> LongLivedTypes;
  std::string ScopeGuardTemplate;
  /// The CFG of each function with a store, built once.
  llvm::DenseMap<const Stmt *, std::unique_ptr<ExitPathAnalysis>> Exits;
};

} // namespace clang::tidy::ctx

#endif // CTX_TIDY_CHECKS_STATICSTORAGECHECK_H
