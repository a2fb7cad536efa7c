//===--- BrokenPropagationCheck.h - ctx-tidy --------------------*- C++ -*-===//

#ifndef CTX_TIDY_CHECKS_BROKENPROPAGATIONCHECK_H
#define CTX_TIDY_CHECKS_BROKENPROPAGATIONCHECK_H

#include "lib/FunctionNameSet.h"
#include "lib/ReceivedTokens.h"
#include "lib/tidy/ContextCheckBase.h"

namespace clang::tidy::ctx {

/// Finds calls inside a callable that receives a token or context which give
/// a callee a defaulted, empty or parentless token instead of the received
/// one, or the token of a local source that nothing links to it, and gRPC
/// client contexts made inside a handler that neither inherit the call nor
/// have a deadline: the chain of cancellation is cut there.
///
/// For the user-facing documentation see docs/checks/ctx-broken-propagation.md
class BrokenPropagationCheck : public ContextCheckBase {
public:
  BrokenPropagationCheck(llvm::StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  /// Templates are analysed once, as written (see check()).
  std::optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_IgnoreUnlessSpelledInSource;
  }

private:
  struct Body;
  void analyse(llvm::ArrayRef<ReceivedToken> Received, const Stmt *S,
               ASTContext &Ctx);
  void checkCall(const Body &B, const Expr *Call, ASTContext &Ctx);
  void checkClientContexts(const Body &B, ASTContext &Ctx);
  /// Rule 3: \p Arg, given to \p Call for a token parameter of type
  /// \p Info, is the token of a local cancel source nothing links to the
  /// received token.
  void checkLocalSource(const Body &B, const Expr *Call, const Expr *Arg,
                        llvm::StringRef CalleeName, const ContextTypeInfo *Info,
                        ASTContext &Ctx);
  /// Adds the note at the received token that names the two spellings of a
  /// deliberate detachment.
  void noteReceived(const ReceivedToken &R, llvm::StringRef Callee,
                    const FixItHint &Fix = FixItHint());

  FunctionNameSet IgnoredCallees;
  std::string IgnoredCalleesText;
};

} // namespace clang::tidy::ctx

#endif // CTX_TIDY_CHECKS_BROKENPROPAGATIONCHECK_H
