//===--- ExprShapesTest.cpp - ctx-tidy unit tests -------------------------===//

#include "lib/ExprShapes.h"
#include "TestAST.h"
#include "lib/FunctionNameSet.h"
#include "clang/AST/ExprCXX.h"
#include "gtest/gtest.h"
#include <string>
#include <vector>

using namespace clang;
using namespace clang::tidy::ctx;
using namespace clang::tidy::ctx::test;

namespace {

/// The initializer of the variable \p Name.
const Expr *initOf(const TestAST &AST, llvm::StringRef Name) {
  const VarDecl *V = AST.var(Name);
  return V ? V->getInit() : nullptr;
}

TEST(ExprShapesTest, TemporariesCopiesAndMoves) {
  TestAST AST(R"cpp(
    std::stop_token make();
    void f(std::stop_token tok) {
      std::stop_token fresh = make();
      std::stop_token copy = tok;
      std::stop_token moved = std::move(tok);
      std::stop_token cast = std::stop_token(tok);
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  EXPECT_TRUE(isa<CallExpr>(ignoreTemporaries(initOf(AST, "fresh"))));
  EXPECT_TRUE(isa<CXXConstructExpr>(ignoreTemporaries(initOf(AST, "copy"))))
      << "the copy is not looked through";
  EXPECT_TRUE(isa<DeclRefExpr>(ignoreCopies(initOf(AST, "copy"))));
  EXPECT_TRUE(isa<DeclRefExpr>(ignoreCopies(initOf(AST, "cast"))));
  EXPECT_TRUE(isa<CallExpr>(ignoreCopies(initOf(AST, "moved"))))
      << "a move is not a copy";
  EXPECT_TRUE(isa<DeclRefExpr>(ignoreCopiesAndMoves(initOf(AST, "moved"))));
  EXPECT_EQ(ignoreTemporaries(nullptr), nullptr);
}

TEST(ExprShapesTest, MoveCalls) {
  TestAST AST(R"cpp(
    namespace other { template <class T> T &&move(T &t); }
    void f(std::stop_token tok) {
      (void)std::move(tok);
      (void)std::forward<std::stop_token &>(tok);
      (void)other::move(tok);
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  const CallExpr *Std = AST.call("move", 0);
  const CallExpr *Forward = AST.call("forward", 0);
  const CallExpr *Other = AST.call("other::move", 0);
  ASSERT_NE(Other, nullptr);
  EXPECT_TRUE(isMoveCall(Std));
  EXPECT_TRUE(isMoveCall(Forward));
  EXPECT_FALSE(isMoveCall(Other)) << "only the standard's";
  EXPECT_TRUE(isa_and_nonnull<DeclRefExpr>(movedFrom(Std)));
  EXPECT_EQ(movedFrom(Other), nullptr);
  EXPECT_TRUE(isCallTo(Std, "std::move"));
  EXPECT_FALSE(isCallTo(Std, "std::forward"));
}

TEST(ExprShapesTest, CallableTypes) {
  TestAST AST(R"cpp(
    struct Functor { void operator()() const; };
    struct Derived : Functor {};
    struct Plain { int x; };
    void g(int);
    void f() {
      auto lambda = [] {};
      std::function<void()> wrapper;
      Functor functor;
      Derived derived;
      Plain plain;
      void (*pointer)(int) = g;
      int number = 0;
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  for (const char *Name :
       {"lambda", "wrapper", "functor", "derived", "pointer"})
    EXPECT_TRUE(isCallableType(AST.var(Name)->getType())) << Name;
  EXPECT_FALSE(isCallableType(AST.var("plain")->getType()));
  EXPECT_FALSE(isCallableType(AST.var("number")->getType()));
  EXPECT_FALSE(isCallableType(QualType()));
}

TEST(ExprShapesTest, RecordNames) {
  TestAST AST(R"cpp(
    void f(std::stop_token tok, const std::vector<int> &v, std::thread *p,
           int n) {}
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  EXPECT_EQ(recordNameOf(AST.var("tok")->getType()), "std::stop_token");
  EXPECT_EQ(recordNameOf(AST.var("v")->getType()), "std::vector")
      << "references looked through, the template's name";
  EXPECT_EQ(recordNameOf(AST.var("p")->getType()), "") << "not pointers";
  EXPECT_EQ(recordNameOf(AST.var("n")->getType()), "");
}

TEST(ExprShapesTest, InstantiationsAreToldApart) {
  TestAST AST(R"cpp(
    template <class T> struct Box { void g() {} };
    template <class T> void h() {}
    void f() { Box<int>().g(); h<int>(); }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  const CallExpr *G = AST.call("g");
  const CallExpr *H = AST.call("h");
  ASSERT_TRUE(G && H);
  EXPECT_TRUE(isInInstantiation(G->getDirectCallee()));
  EXPECT_TRUE(isInInstantiation(H->getDirectCallee()));
  EXPECT_FALSE(isInInstantiation(AST.function("f")));
}

TEST(ExprShapesTest, CalledMembersAlsoInTemplates) {
  TestAST AST(R"cpp(
    std::map<int, int> g;
    void f(std::map<int, int> *p) { g.erase(1); p->clear(); }
    template <class C> void t(C &c) { c.erase(1); }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  const auto *Erase = AST.nth<CXXMemberCallExpr>("f", 0);
  const auto *Clear = AST.nth<CXXMemberCallExpr>("f", 1);
  EXPECT_EQ(calledMemberName(Erase->getCallee()), "erase");
  EXPECT_TRUE(isa<DeclRefExpr>(
      calledMemberObject(Erase->getCallee())->IgnoreParenImpCasts()));
  EXPECT_EQ(recordNameOf(calledMemberObjectType(Clear->getCallee())),
            "std::map")
      << "the pointee for ->";
  EXPECT_TRUE(calledMemberLoc(Clear->getCallee()).isValid());
  const auto *Dependent = AST.nth<CallExpr>("t", 0);
  ASSERT_NE(Dependent, nullptr);
  EXPECT_EQ(calledMemberName(Dependent->getCallee()), "erase");
  EXPECT_NE(calledMemberObject(Dependent->getCallee()), nullptr);
  EXPECT_TRUE(calledMemberObjectType(Dependent->getCallee()).isNull());
}

/// The name of the function \p S calls, when it is a call; "" otherwise.
std::string calleeName(const Stmt *S) {
  const auto *C = dyn_cast_or_null<CallExpr>(S);
  const FunctionDecl *F = C ? C->getDirectCallee() : nullptr;
  return F ? F->getNameAsString() : "";
}

/// The callee names of the statements \p S holds in statement position.
std::vector<std::string> statementCallees(const Stmt *S) {
  std::vector<std::string> Out;
  for (const Stmt *Child : statementsInStatementPosition(S))
    Out.push_back(calleeName(Child));
  return Out;
}

TEST(ExprShapesTest, StatementsInStatementPosition) {
  TestAST AST(R"cpp(
    bool c(); int i(); void a(), b(), d(), e(), k(), l(), n(), o(), p(), q();
    void f(int x) {
      a();
      b();
      if (c()) d(); else e();
      for (i(); c(); k()) l();
      while (c()) n();
      do q(); while (c());
      switch (x) { case 1: o(); }
    label:
      p();
      int arr[2] = {1, 2};
      for (int v : arr) [[likely]] a();
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  const auto *Body = cast<CompoundStmt>(AST.function("f")->getBody());
  const std::vector<const Stmt *> Top(Body->body_begin(), Body->body_end());
  ASSERT_EQ(Top.size(), 10u);
  EXPECT_EQ(
      statementCallees(Body),
      (std::vector<std::string>{"a", "b", "", "", "", "", "", "", "", ""}))
      << "a block's statements, in order";
  EXPECT_EQ(statementCallees(Top[2]), (std::vector<std::string>{"d", "e"}))
      << "both branches of an if, not its condition";
  EXPECT_EQ(statementCallees(Top[3]), (std::vector<std::string>{"k", "l"}))
      << "a for's increment and body, not its init or condition";
  EXPECT_EQ(statementCallees(Top[4]), (std::vector<std::string>{"n"}));
  EXPECT_EQ(statementCallees(Top[5]), (std::vector<std::string>{"q"}));
  const auto *Switch = cast<SwitchStmt>(Top[6]);
  const Stmt *Case = *cast<CompoundStmt>(Switch->getBody())->body_begin();
  EXPECT_EQ(statementCallees(Case), (std::vector<std::string>{"o"}));
  EXPECT_EQ(statementCallees(Top[7]), (std::vector<std::string>{"p"}))
      << "the statement after a label";
  EXPECT_EQ(statementCallees(Top[9]), (std::vector<std::string>{"a"}))
      << "the attribute looked through";
  EXPECT_TRUE(statementsInStatementPosition(nullptr).empty());
}

TEST(FunctionNameSetTest, OverloadsUsingDeclarationsAndDerivedClasses) {
  TestAST AST(R"cpp(
    struct Executor { virtual void add(int); };
    struct Pool : Executor { void add(int) override; };
    struct Other { void add(int); };
    void f(Pool &p, Other &o, Executor &e) {
      tbb::parallel_for(0, [](int) {});
      p.add(1); o.add(1); e.add(1);
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  FunctionNameSet Plain;
  Plain.add("tbb::parallel_for");
  Plain.add("::Executor::add");
  FunctionNameSet Derived(FunctionNameSet::DerivedClasses::Included);
  Derived.add("Executor::add");
  const ASTContext &Ctx = AST.context();
  EXPECT_TRUE(
      Plain.containsCallee(AST.call("tbb::detail::d1::parallel_for"), Ctx))
      << "declared in a detail namespace, exported by a using-declaration";
  const auto *OnPool = AST.nth<CXXMemberCallExpr>("f", 0);
  const auto *OnOther = AST.nth<CXXMemberCallExpr>("f", 1);
  const auto *OnBase = AST.nth<CXXMemberCallExpr>("f", 2);
  EXPECT_TRUE(Plain.containsCallee(OnBase, Ctx));
  EXPECT_FALSE(Plain.containsCallee(OnPool, Ctx));
  EXPECT_TRUE(Derived.containsCallee(OnPool, Ctx)) << "an overrider";
  EXPECT_FALSE(Derived.containsCallee(OnOther, Ctx));
  EXPECT_FALSE(FunctionNameSet().containsCallee(OnBase, Ctx));
  EXPECT_TRUE(FunctionNameSet().empty());
}

} // namespace
