//===--- ExitPathsTest.cpp - ctx-tidy unit tests --------------------------===//

#include "lib/ExitPaths.h"
#include "TestAST.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::ctx;
using namespace clang::tidy::ctx::test;

namespace {

const char *const Prelude = R"cpp(
  void start(); void cancel(); bool cond(); void other();
  [[noreturn]] void die();
  struct Guard { ~Guard(); };
)cpp";

struct Fixture {
  TestAST AST;
  const FunctionDecl *F = nullptr;
  std::unique_ptr<ExitPathAnalysis> Paths;

  explicit Fixture(llvm::StringRef Body)
      : AST(std::string(Prelude) + "void f() {" + Body.str() + "}",
            TestAST::Options{"-std=c++17", false, {}}) {
    F = AST.function("f");
    Paths = ExitPathAnalysis::build(F, F->getBody(), AST.context());
  }

  /// Every call to \p Name in f.
  std::vector<const CallExpr *> calls(llvm::StringRef Name) {
    std::vector<const CallExpr *> Out;
    for (const auto &N :
         match(findAll(callExpr(callee(functionDecl(hasName(Name)))).bind("c")),
               *F->getBody(), AST.context()))
      Out.push_back(N.getNodeAs<CallExpr>("c"));
    return Out;
  }

  /// Searches from every call to start() for an exit not preceded by a call
  /// to cancel().
  std::optional<ExitPoint> leak() {
    std::vector<CFGPosition> Starts;
    for (const CallExpr *C : calls("start"))
      if (auto P = Paths->positionOf(C))
        Starts.push_back(*P);
    return Paths->findExitAvoiding(Starts, [](const CFGElement &E) {
      const auto *C =
          dyn_cast_or_null<CallExpr>(ExitPathAnalysis::statementOf(E));
      return C && C->getDirectCallee() &&
             C->getDirectCallee()->getName() == "cancel";
    });
  }
};

TEST(ExitPathsTest, FindsTheEarlyReturn) {
  Fixture T("start(); if (cond()) return; cancel();");
  ASSERT_TRUE(T.Paths);
  std::optional<ExitPoint> P = T.leak();
  ASSERT_TRUE(P);
  EXPECT_EQ(P->How, ExitPoint::Return);
  EXPECT_TRUE(isa_and_nonnull<ReturnStmt>(P->Statement));
}

TEST(ExitPathsTest, EveryPathCancels) {
  Fixture T("start(); if (cond()) { cancel(); return; } other(); cancel();");
  EXPECT_FALSE(T.leak());
}

TEST(ExitPathsTest, FallingOffTheEndHasNoStatement) {
  Fixture T("start(); if (cond()) cancel();");
  std::optional<ExitPoint> P = T.leak();
  ASSERT_TRUE(P);
  EXPECT_EQ(P->How, ExitPoint::FallOffEnd);
  EXPECT_EQ(P->Statement, nullptr);
}

TEST(ExitPathsTest, ThrowOutsideTryLeaves) {
  Fixture T("start(); if (cond()) throw 1; cancel();");
  std::optional<ExitPoint> P = T.leak();
  ASSERT_TRUE(P);
  EXPECT_EQ(P->How, ExitPoint::Throw);
}

/// Searches from start() for an exit on which no object named "guard" is
/// destroyed.
std::optional<ExitPoint> unguarded(Fixture &T) {
  std::optional<CFGPosition> Start = T.Paths->positionOf(T.calls("start")[0]);
  return T.Paths->findExitAvoiding(*Start, [](const CFGElement &E) {
    std::optional<CFGAutomaticObjDtor> D = E.getAs<CFGAutomaticObjDtor>();
    return D && D->getVarDecl()->getName() == "guard";
  });
}

TEST(ExitPathsTest, GuardAliveAtAThrowIsDestroyedOnIt) {
  Fixture Return("Guard guard; start(); if (cond()) return; other();");
  EXPECT_FALSE(unguarded(Return));
  Fixture Throw("Guard guard; start(); if (cond()) { Guard other; throw 1; }");
  EXPECT_FALSE(unguarded(Throw));
  Fixture Nested("Guard guard; { start(); while (cond()) { throw 1; } }");
  EXPECT_FALSE(unguarded(Nested));
}

TEST(ExitPathsTest, GuardDeclaredAfterAThrowIsNotDestroyedOnIt) {
  Fixture T("start(); if (cond()) throw 1; Guard guard; other();");
  std::optional<ExitPoint> P = unguarded(T);
  ASSERT_TRUE(P);
  EXPECT_EQ(P->How, ExitPoint::Throw);
  Fixture Sibling("start(); if (cond()) { Guard guard; other(); } "
                  "else { throw 1; }");
  P = unguarded(Sibling);
  ASSERT_TRUE(P);
  EXPECT_EQ(P->How, ExitPoint::Throw);
  EXPECT_TRUE(T.Paths->objectsAliveAt(T.calls("start")[0]).empty());
}

TEST(ExitPathsTest, ThrowInsideTryFlowsToItsHandler) {
  // No handler matches every type, yet the unmatched edge is not an exit.
  Fixture T("start(); try { if (cond()) throw 1; other(); } catch (int) {} "
            "cancel();");
  EXPECT_FALSE(T.leak());
}

TEST(ExitPathsTest, NoReturnCallsAndEndlessLoopsAreNotExits) {
  Fixture A("start(); if (cond()) die(); cancel();");
  EXPECT_FALSE(A.leak());
  Fixture B("start(); for (;;) other();");
  EXPECT_FALSE(B.leak());
}

TEST(ExitPathsTest, LoopsBackIntoTheStartBlock) {
  // The start block is scanned from the start only; reaching it again
  // through the loop scans it whole.
  Fixture T("while (cond()) { cancel(); start(); if (cond()) break; } ");
  std::optional<ExitPoint> P = T.leak();
  ASSERT_TRUE(P);
}

TEST(ExitPathsTest, SeveralStartsInOneSearch) {
  Fixture T("if (cond()) { start(); cancel(); } else { start(); } "
            "other();");
  std::optional<ExitPoint> P = T.leak();
  ASSERT_TRUE(P);
  EXPECT_EQ(P->How, ExitPoint::FallOffEnd);
  Fixture U("if (cond()) { start(); } else { start(); } cancel();");
  EXPECT_FALSE(U.leak());
}

TEST(ExitPathsTest, PositionOfAnInnerExpressionIsItsElement) {
  Fixture T("int x = cond() ? 1 : 2; start(); (void)x;");
  ASSERT_EQ(T.calls("start").size(), 1u);
  std::optional<CFGPosition> P = T.Paths->positionOf(T.calls("start")[0]);
  ASSERT_TRUE(P);
  EXPECT_EQ(ExitPathAnalysis::statementOf((*P->Block)[P->Index]),
            T.calls("start")[0]);
}

} // namespace
