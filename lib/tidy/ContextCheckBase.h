//===--- ContextCheckBase.h - ctx-tidy --------------------------*- C++ -*-===//
//
// The base of every ctx check: reads the shared context-model options
// (TokenTypes, CancelSourceTypes, ...) with local-or-global lookup, so one
// CheckOptions entry serves every ctx check, validates them, and writes them
// back in storeOptions.
//
//===----------------------------------------------------------------------===//

#ifndef CTX_TIDY_LIB_TIDY_CONTEXTCHECKBASE_H
#define CTX_TIDY_LIB_TIDY_CONTEXTCHECKBASE_H

#include "clang-tidy/ClangTidyCheck.h"
#include "lib/ContextModel.h"
#include "lib/ParentIndex.h"
#include "lib/ReceivedTokens.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <optional>

namespace clang::tidy::ctx {

/// Splits a ';'-separated option value into trimmed, non-empty entries.
std::vector<std::string> splitOptionList(llvm::StringRef Value);

class ContextCheckBase : public ClangTidyCheck {
public:
  ContextCheckBase(llvm::StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  /// Drops the parent index and the chosen names of the previous
  /// translation unit. A check that overrides this calls it.
  void onStartOfTranslationUnit() override;

protected:
  const ContextModel &model() const { return Model; }

  /// The index of what a diagnostic calls a received value of this type, for
  /// `%select{stop token|request context|cancel source}`: 0 for a token
  /// (and when \p Info is null), 1 for a request context, 2 for a cancel
  /// source received as its own token.
  static unsigned receivedNounIndex(const ContextTypeInfo *Info);

  /// Reads a ';'-separated list of qualified names from the option \p Key
  /// (local-or-global when \p Global), reporting malformed entries as a
  /// configuration diagnostic and dropping them.
  std::vector<std::string> readNameList(llvm::StringRef Key, bool Global,
                                        llvm::StringRef Default = "");

  /// The parents of the code as written in the current translation unit,
  /// indexed on the first call (see lib/ParentIndex.h). Checks use this, not
  /// ASTContext::getParents or the matchers that call it (hasParent,
  /// hasAncestor, isInTemplateInstantiation, isInstantiated).
  const ParentIndex &parents(ASTContext &Ctx);

  /// A body a check analyses: a function or a lambda as written.
  struct MatchedBody {
    /// The function, or the lambda's call operator.
    const FunctionDecl *Fn = nullptr;
    /// The lambda, when the body is one.
    const LambdaExpr *Lambda = nullptr;
    const Stmt *Body = nullptr;
  };

  /// Registers the matchers bodyOf() reads: every function definition and
  /// every lambda. Instantiations are skipped in bodyOf(), not by matchers:
  /// isInstantiated() and isInTemplateInstantiation() would build the parent
  /// map of the whole translation unit, a fixed cost larger than the
  /// analyses, which index only the code as written (parents()).
  void registerBodyMatchers(ast_matchers::MatchFinder *Finder);

  /// The body of the function or lambda \p Result matched, as written: null
  /// for an instantiation, an invalid declaration, a function without a
  /// body, a lambda's call operator matched as a function (it is analysed
  /// through its LambdaExpr) and, when \p SkipSystemHeaders, code declared
  /// in a system header.
  std::optional<MatchedBody>
  bodyOf(const ast_matchers::MatchFinder::MatchResult &Result,
         bool SkipSystemHeaders) const;

  /// What \p B receives (lib/ReceivedTokens): a lambda's parameters and
  /// captures, a function's parameters.
  llvm::SmallVector<ReceivedToken, 2> receivedTokensOf(const MatchedBody &B,
                                                       ASTContext &Ctx) const;

  /// The names the check's fixes chose so far in \p Scope (a body or a
  /// block), so that two fixes in one scope pick different names. Cleared
  /// for each translation unit.
  llvm::StringSet<> &chosenNames(const Stmt *Scope) {
    return ChosenNames[Scope];
  }

  /// Reads the ScopeGuard option, local-or-global: one template for the
  /// guards of every check that writes them. Written back by storeOptions.
  std::string readScopeGuardOption();

private:
  ContextModel Model;
  std::unique_ptr<ParentIndex> Parents;
  llvm::DenseMap<const Stmt *, llvm::StringSet<>> ChosenNames;
  /// The option values as read, written back unchanged by storeOptions.
  llvm::SmallVector<std::pair<std::string, std::string>, 8> ModelOptions;
};

} // namespace clang::tidy::ctx

#endif // CTX_TIDY_LIB_TIDY_CONTEXTCHECKBASE_H
