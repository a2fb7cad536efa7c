//===--- BrokenFixModule.cpp - ctx-tidy test support ----------------------===//
//
// A clang-tidy module used only by the test runner's self-tests. Its one
// check, selftest-broken-fix, offers a fix-it that does not compile, so that
// the runner can prove it rejects such fixes.
//
//===----------------------------------------------------------------------===//

#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "lib/ClangCompat.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::selftest {

/// Warns on calls to a function named `selftest_target` and "fixes" them by
/// inserting an unbalanced parenthesis.
class BrokenFixCheck : public ClangTidyCheck {
public:
  using ClangTidyCheck::ClangTidyCheck;
  void registerMatchers(MatchFinder *Finder) override {
    Finder->addMatcher(
        callExpr(callee(functionDecl(hasName("selftest_target")))).bind("call"),
        this);
  }
  void check(const MatchFinder::MatchResult &Result) override {
    const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
    diag(Call->getBeginLoc(), "call to selftest_target")
        << FixItHint::CreateInsertion(Call->getBeginLoc(), "(");
  }
};

class SelfTestModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<BrokenFixCheck>("selftest-broken-fix");
  }
};

static ClangTidyModuleRegistry::Add<SelfTestModule>
    Registration("selftest-module", "Runner self-test checks.");

} // namespace clang::tidy::selftest
