//===--- UnforwardedTokenCheck.h - ctx-tidy ---------------------*- C++ -*-===//

#ifndef CTX_TIDY_CHECKS_UNFORWARDEDTOKENCHECK_H
#define CTX_TIDY_CHECKS_UNFORWARDEDTOKENCHECK_H

#include "lib/FunctionNameSet.h"
#include "lib/ReceivedTokens.h"
#include "lib/tidy/ContextCheckBase.h"

namespace clang::tidy::ctx {

/// Finds calls that leave out the received stop token where an overload
/// takes it, and condition-variable waits a stop request cannot wake.
///
/// For the user-facing documentation see docs/checks/ctx-unforwarded-token.md
class UnforwardedTokenCheck : public ContextCheckBase {
public:
  UnforwardedTokenCheck(llvm::StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  /// Templates are analysed once, as written.
  std::optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_IgnoreUnlessSpelledInSource;
  }

private:
  /// The received tokens of one callable, with their uses in its body.
  struct Callable;

  void analyse(const FunctionDecl *Fn, const Stmt *Body,
               llvm::ArrayRef<ReceivedToken> Tokens, ASTContext &Ctx);
  void checkCall(const CallExpr *Call, const Callable &C, ASTContext &Ctx);
  /// True if \p T is a token, a source that is its own token, or a request
  /// context, held directly, by reference or through a pointer.
  bool isTokenLike(QualType T, const ASTContext &Ctx) const;

  /// Rule 1 for a variant under another name (TokenVariants): true if it
  /// reported \p Call.
  bool checkVariants(const CallExpr *Call, const Callable &C, ASTContext &Ctx);
  /// True if \p Call is a timed wait (\p TimedWait) or a call given or
  /// taking a time bound, inside a loop that observes a received token.
  bool timedPollInObservingLoop(const CallExpr *Call, bool TimedWait,
                                const Callable &C, ASTContext &Ctx) const;

  /// Callees that are meant to run without the caller's token.
  FunctionNameSet IgnoredCallees;
  /// TokenVariants as written, and parsed: the callee, and the name of its
  /// variant in the callee's scope.
  std::string TokenVariantsOption;
  struct VariantEntry {
    FunctionNameSet Callee;
    std::string Variant;
  };
  std::vector<VariantEntry> TokenVariants;
};

} // namespace clang::tidy::ctx

#endif // CTX_TIDY_CHECKS_UNFORWARDEDTOKENCHECK_H
