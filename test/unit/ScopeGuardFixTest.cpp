//===--- ScopeGuardFixTest.cpp - ctx-tidy unit tests ----------------------===//

#include "lib/ScopeGuardFix.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::ctx;

namespace {

struct Built {
  std::unique_ptr<ASTUnit> AST;
  const FunctionDecl *F = nullptr;
};

Built parse(llvm::StringRef Code, const char *Std = "-std=c++17") {
  Built B;
  B.AST = tooling::buildASTFromCodeWithArgs(Code, {Std}, "input.cpp");
  auto M = match(functionDecl(hasName("f"), isDefinition()).bind("f"),
                 B.AST->getASTContext());
  B.F = M.empty() ? nullptr : M[0].getNodeAs<FunctionDecl>("f");
  return B;
}

ScopeGuardRequest request(const Built &B) {
  ScopeGuardRequest R;
  R.Action = "src.stop()";
  R.Handle = "src";
  R.InsertAt = B.F->getBody()->getEndLoc();
  R.EnclosingBody = B.F->getBody();
  return R;
}

TEST(ScopeGuardFixTest, DependencyFreeFormWithoutGuardLibraries) {
  Built B = parse("struct S { void stop(); }; void f() { S src; }");
  ASSERT_TRUE(B.F);
  EXPECT_EQ(buildScopeGuard(request(B), B.AST->getASTContext()),
            "auto cancelSrcFn = [&] { src.stop(); }; struct CancelSrc { "
            "decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } "
            "cancelSrc{cancelSrcFn};");
}

TEST(ScopeGuardFixTest, PrefersAbslCleanupWhenDeclaredBefore) {
  Built B = parse("namespace absl { template <class F> class Cleanup {}; }\n"
                  "struct S { void stop(); }; void f() { S src; }");
  EXPECT_EQ(buildScopeGuard(request(B), B.AST->getASTContext()),
            "absl::Cleanup cancelSrc = [&] { src.stop(); };");
  Built C = parse("namespace absl { template <class F> class Cleanup {}; }\n"
                  "struct S { void stop(); }; void f() { S src; }",
                  "-std=c++14");
  EXPECT_EQ(buildScopeGuard(request(C), C.AST->getASTContext()),
            "auto cancelSrc = absl::MakeCleanup([&] { src.stop(); });");
}

TEST(ScopeGuardFixTest, IgnoresGuardsDeclaredAfterTheInsertionPoint) {
  Built B = parse("struct S { void stop(); }; void f() { S src; }\n"
                  "namespace gsl { template <class F> void finally(F); }");
  EXPECT_EQ(buildScopeGuard(request(B), B.AST->getASTContext())
                .rfind("auto cancelSrcFn", 0),
            0u);
}

TEST(ScopeGuardFixTest, UserTemplatePlaceholders) {
  Built B = parse("struct S { void stop(); }; void f() { S src; }");
  EXPECT_EQ(buildScopeGuard(request(B), B.AST->getASTContext(),
                            "DEFER(${guard}) { ${cancel}; }"),
            "DEFER(cancelSrc) { src.stop(); };");
  EXPECT_EQ(buildScopeGuard(request(B), B.AST->getASTContext(),
                            "auto ${guard} = defer([&] { ${action}; }); // "
                            "${handle}"),
            "auto cancelSrc = defer([&] { src.stop(); }); // src;");
}

TEST(ScopeGuardFixTest, FreshNamesAvoidTheBodyAndEarlierChoices) {
  Built B = parse("void f() { int cancelSrc = 0; (void)cancelSrc; }");
  llvm::StringSet<> Taken;
  EXPECT_EQ(freshName("cancelSrc", B.F->getBody(), &Taken), "cancelSrc2");
  EXPECT_EQ(freshName("cancelSrc", B.F->getBody(), &Taken), "cancelSrc3");
  EXPECT_EQ(freshName("other", B.F->getBody(), &Taken), "other");
}

TEST(ScopeGuardFixTest, FreshNamesAvoidMembersUsedInTheBody) {
  // A local named like a member the body uses through `this` would hide it.
  Built B = parse(R"cpp(
    struct W { bool stop = false; void f() { if (stop) return; } };
  )cpp");
  ASSERT_NE(B.F, nullptr);
  EXPECT_EQ(freshName("stop", B.F->getBody()), "stop2");
  EXPECT_EQ(freshName("halt", B.F->getBody()), "halt");
}

TEST(ScopeGuardFixTest, InsertOnNewLineIndentsLikeTheStatement) {
  Built B = parse("struct S { void stop(); };\n"
                  "void f() {\n"
                  "  if (true) {\n"
                  "\t  S src;\n"
                  "  }\n"
                  "}\n");
  ASSERT_TRUE(B.F);
  const SourceManager &SM = B.AST->getSourceManager();
  auto M = match(varDecl(hasName("src")).bind("v"), B.AST->getASTContext());
  ASSERT_EQ(M.size(), 1u);
  const auto *V = M[0].getNodeAs<VarDecl>("v");
  SourceLocation After = V->getEndLoc().getLocWithOffset(4);
  FixItHint H = insertOnNewLine(After, V->getBeginLoc(), "guard;", SM);
  EXPECT_EQ(H.CodeToInsert, "\n\t  guard;") << "tabs and blanks kept";
  EXPECT_EQ(H.RemoveRange.getBegin(), After) << "an insertion, not a change";
  EXPECT_EQ(H.RemoveRange.getEnd(), After);
  FixItHint Top =
      insertOnNewLine(B.F->getBeginLoc(), B.F->getBeginLoc(), "x;", SM);
  EXPECT_EQ(Top.CodeToInsert, "\nx;") << "a line that starts unindented";
}

} // namespace
