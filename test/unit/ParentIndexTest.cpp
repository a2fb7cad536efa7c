//===--- ParentIndexTest.cpp - ctx-tidy unit tests ------------------------===//

#include "lib/ParentIndex.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::ctx;

namespace {

std::unique_ptr<ASTUnit> parse(llvm::StringRef Code,
                               std::vector<std::string> Args = {"-std=c++20"},
                               const tooling::FileContentMappings &Files = {}) {
  return tooling::buildASTFromCodeWithArgs(
      Code, Args, "input.cpp", "clang-tool",
      std::make_shared<PCHContainerOperations>(),
      tooling::getClangStripDependencyFileAdjuster(), Files);
}

/// Every Stmt and Decl of the main file, as the whole-unit parent map sees
/// them, compared with the index.
class Compare : public RecursiveASTVisitor<Compare> {
public:
  Compare(ASTContext &Ctx, const ParentIndex &Index) : Ctx(Ctx), Index(Index) {}
  bool shouldVisitImplicitCode() const { return true; }

  bool VisitStmt(Stmt *S) { return check(DynTypedNode::create(*S)); }
  bool VisitDecl(Decl *D) {
    if (isa<TranslationUnitDecl>(D))
      return true;
    return check(DynTypedNode::create(*D));
  }

  unsigned Compared = 0;
  std::vector<std::string> Mismatches;

private:
  bool check(const DynTypedNode &N) {
    if (!Ctx.getSourceManager().isInMainFile(N.getSourceRange().getBegin()))
      return true;
    DynTypedNodeList Expected = Ctx.getParents(N);
    // Only single parents that are statements or declarations are promised.
    if (Expected.size() != 1 ||
        (!Expected[0].get<Stmt>() && !Expected[0].get<Decl>()))
      return true;
    if (Expected[0].get<TranslationUnitDecl>())
      return true;
    DynTypedNode Got = Index.parentOf(N);
    ++Compared;
    if (!(Got == Expected[0]))
      Mismatches.push_back(
          std::string(N.getNodeKind().asStringRef()) + " under " +
          std::string(Expected[0].getNodeKind().asStringRef()) +
          ", index says " + std::string(Got.getNodeKind().asStringRef()));
    return true;
  }

  ASTContext &Ctx;
  const ParentIndex &Index;
};

TEST(ParentIndex, AgreesWithTheWholeUnitMapOnCodeAsWritten) {
  auto AST = parse(R"cpp(
    #include <initializer_list>
    struct Token { bool stop_requested() const; };
    struct Source { Token get_token(); void request_stop(); ~Source(); };
    struct Worker {
      Source S;
      int N = 3;
      Worker() : S(), N(4) {}
      void run(Token T);
    };
    template <typename T> T twice(T V) { return V + V; }
    int f(int X, Source &Src) {
      int A[] = {1, 2, 3};
      int Sum = 0;
      for (int V : A)
        Sum += V;
      auto L = [&Src, Y = X + 1](int Z) mutable {
        Token T = Src.get_token();
        return Y + Z + (T.stop_requested() ? 1 : 0);
      };
      if (int K = L(2); K > 0)
        Sum += K;
      switch (X) { case 1: Sum++; break; default: break; }
      try { Src.request_stop(); } catch (...) { throw; }
      Worker W;
      W.run(Src.get_token());
      return twice(Sum) + (X ? L(1) : 0);
    }
  )cpp");
  ASTContext &Ctx = AST->getASTContext();
  ParentIndex Index(Ctx);
  Compare C(Ctx, Index);
  C.TraverseDecl(Ctx.getTranslationUnitDecl());
  EXPECT_GT(C.Compared, 150u);
  EXPECT_TRUE(C.Mismatches.empty())
      << C.Mismatches.size() << " mismatches, first: " << C.Mismatches.front();
}

TEST(ParentIndex, SkipsSystemHeadersAndInstantiations) {
  auto AST =
      parse(R"cpp(
    #include <lib.h>
    template <typename T> int user(T V) { return V.size(); }
    struct Vec { int size() const { return 0; } };
    int g() { return user(Vec{}) + in_header(1); }
  )cpp",
            {"-std=c++17", "-isystem", "/sys"},
            {{"/sys/lib.h", "inline int in_header(int X) { return X + 1; }"}});
  ASTContext &Ctx = AST->getASTContext();
  ParentIndex Index(Ctx);

  auto Header =
      match(functionDecl(hasName("in_header"), isDefinition()).bind("f"), Ctx);
  ASSERT_EQ(Header.size(), 1u);
  const auto *HF = Header[0].getNodeAs<FunctionDecl>("f");
  EXPECT_TRUE(Index.parents(*HF->getBody()).empty());

  // user<T> as written is indexed; its instantiation user<Vec> is not.
  auto Returns = match(
      returnStmt(hasAncestor(functionDecl(hasName("user")))).bind("r"), Ctx);
  ASSERT_EQ(Returns.size(), 2u);
  unsigned Indexed = 0;
  for (const auto &M : Returns)
    Indexed += !Index.parents(*M.getNodeAs<ReturnStmt>("r")).empty();
  EXPECT_EQ(Indexed, 1u);
}

TEST(ParentIndex, EnclosingBodyStopsAtTheInnermostFunctionOrLambda) {
  auto AST = parse(R"cpp(
    void sink(int);
    void outer() {
      sink(1);
      auto L = [] { sink(2); };
      L();
    }
    int global = [] { sink(3); return 0; }();
  )cpp");
  ASTContext &Ctx = AST->getASTContext();
  ParentIndex Index(Ctx);
  auto Calls = match(callExpr(callee(functionDecl(hasName("sink"))),
                              hasArgument(0, integerLiteral().bind("n")))
                         .bind("c"),
                     Ctx);
  ASSERT_EQ(Calls.size(), 3u);
  for (const auto &M : Calls) {
    const auto *C = M.getNodeAs<CallExpr>("c");
    auto N = M.getNodeAs<IntegerLiteral>("n")->getValue().getZExtValue();
    auto [D, Body] = Index.enclosingBody(*C);
    ASSERT_NE(D, nullptr) << "call " << N;
    const auto *FD = cast<FunctionDecl>(D);
    if (N == 1)
      EXPECT_EQ(FD->getName(), "outer");
    else
      EXPECT_TRUE(cast<CXXMethodDecl>(FD)->getParent()->isLambda())
          << "call " << N;
    EXPECT_EQ(Body, FD->getBody());
  }
}

TEST(ParentIndex, DeepExpressionsDoNotDeepenTheStack) {
  std::string Code = "int f(int a) { return 0";
  for (int I = 0; I < 20000; ++I)
    Code += " + a";
  Code += "; }";
  auto AST = parse(Code, {"-std=c++17"});
  ParentIndex Index(AST->getASTContext());
  EXPECT_GT(Index.size(), 40000u);
}

} // namespace
