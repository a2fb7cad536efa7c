//===--- StaticStorageCheck.h - ctx-tidy ------------------------*- C++ -*-===//

#ifndef CTX_TIDY_CHECKS_STATICSTORAGECHECK_H
#define CTX_TIDY_CHECKS_STATICSTORAGECHECK_H

#include "lib/tidy/ContextCheckBase.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"
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
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  void analyse(const StoreSite &S, const StorageAnalysis &A, ASTContext &Ctx);
  bool isRestored(const StoreSite &S, const StorageAnalysis &A,
                  ASTContext &Ctx);
  /// The erase-on-scope-exit guard for a keyed store, or empty.
  std::string eraseGuard(const StoreSite &S, const StorageAnalysis &A,
                         ASTContext &Ctx, SourceLocation &InsertAt);

  std::vector<std::string> LongLivedTypes;
  std::string ScopeGuardTemplate;
  /// The CFG of each function with a store, built once.
  llvm::DenseMap<const Stmt *, std::unique_ptr<ExitPathAnalysis>> Exits;
  /// Names the fixes chose so far, per function body.
  llvm::DenseMap<const Stmt *, llvm::StringSet<>> ChosenNames;
};

} // namespace clang::tidy::ctx

#endif // CTX_TIDY_CHECKS_STATICSTORAGECHECK_H
