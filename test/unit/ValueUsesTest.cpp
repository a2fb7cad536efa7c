//===--- ValueUsesTest.cpp - ctx-tidy unit tests --------------------------===//

#include "lib/ValueUses.h"
#include "TestAST.h"
#include "lib/FunctionNameSet.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::tidy::ctx;
using namespace clang::tidy::ctx::test;

namespace {

const char *const Helpers = R"cpp(
void take(std::stop_token);
void take_ref(std::stop_token &);
void take_cref(const std::stop_token &);
void take_rref(std::stop_token &&);
void take_any(...);
struct Holder { std::stop_token T; };
std::stop_token g_token;
)cpp";

/// The use classifyUse() sees for the first reference to 'tok' in f.
struct FirstUse {
  TestAST AST;
  Use U;
  explicit FirstUse(llvm::StringRef Body, unsigned N = 0)
      : AST(std::string(Helpers) + "void f(std::stop_token tok) {" +
            Body.str() + "}") {
    EXPECT_TRUE(AST.compiled()) << AST.errors();
    const DeclRefExpr *R = AST.ref("tok", N, AST.body("f"));
    EXPECT_NE(R, nullptr);
    if (R)
      U = classifyUse(R, AST.parents());
  }
};

TEST(ValueUsesTest, InitializesAVariable) {
  FirstUse A("auto t = tok; (void)t;");
  EXPECT_EQ(A.U.Kind, UseKind::Initializes);
  ASSERT_NE(A.U.Variable, nullptr);
  EXPECT_EQ(A.U.Variable->getName(), "t");
  EXPECT_TRUE(A.U.Up.Copied);
  EXPECT_FALSE(A.U.Up.Moved);

  FirstUse B("std::stop_token t{std::move(tok)}; (void)t;");
  EXPECT_EQ(B.U.Kind, UseKind::Initializes);
  EXPECT_TRUE(B.U.Up.Moved);

  FirstUse C("const std::stop_token &r = tok; (void)r;");
  EXPECT_EQ(C.U.Kind, UseKind::Initializes);
  EXPECT_FALSE(C.U.Up.Copied) << "a reference binds, it does not copy";
}

TEST(ValueUsesTest, Returned) {
  TestAST AST(std::string(Helpers) +
              "std::stop_token f(std::stop_token tok) { return tok; }");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  Use U = classifyUse(AST.ref("tok"), AST.parents());
  EXPECT_EQ(U.Kind, UseKind::Returned);
  EXPECT_TRUE(isa_and_nonnull<ReturnStmt>(U.User));
}

TEST(ValueUsesTest, MemberCallNamesTheMethod) {
  FirstUse A("(void)tok.stop_requested();");
  EXPECT_EQ(A.U.Kind, UseKind::MemberCall);
  EXPECT_EQ(A.U.methodName(), "stop_requested");
  EXPECT_TRUE(isa_and_nonnull<CXXMemberCallExpr>(A.U.User));
}

TEST(ValueUsesTest, MemberAccessWithoutACall) {
  TestAST AST(std::string(Helpers) + "void f(Holder h) { (void)h.T; }");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  EXPECT_EQ(classifyUse(AST.ref("h"), AST.parents()).Kind,
            UseKind::MemberAccess);
}

TEST(ValueUsesTest, InvokedCallables) {
  TestAST AST(std::string(Helpers) + R"cpp(
    void f(std::function<void()> cancel, void (*fp)()) { cancel(); fp(); }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  EXPECT_EQ(classifyUse(AST.ref("cancel"), AST.parents()).Kind,
            UseKind::Invoked);
  EXPECT_EQ(classifyUse(AST.ref("fp"), AST.parents()).Kind, UseKind::Invoked);
}

TEST(ValueUsesTest, AssignedToAndFrom) {
  FirstUse To("tok = std::stop_token();");
  EXPECT_EQ(To.U.Kind, UseKind::AssignedTo);

  FirstUse From("std::stop_token t; t = tok;");
  EXPECT_EQ(From.U.Kind, UseKind::AssignedFrom);
  ASSERT_NE(From.U.Variable, nullptr);
  EXPECT_EQ(From.U.Variable->getName(), "t");

  FirstUse Global("g_token = tok;");
  EXPECT_EQ(Global.U.Kind, UseKind::AssignedFrom);
  ASSERT_NE(Global.U.Target, nullptr);
  EXPECT_EQ(Global.U.Variable->getName(), "g_token");
}

TEST(ValueUsesTest, ArgumentBindsToAParameter) {
  FirstUse ByValue("take(tok);");
  EXPECT_EQ(ByValue.U.Kind, UseKind::Argument);
  ASSERT_NE(ByValue.U.Callee, nullptr);
  EXPECT_EQ(ByValue.U.Callee->getName(), "take");
  EXPECT_EQ(ByValue.U.ParamIndex, 0u);
  EXPECT_EQ(ByValue.U.passing(), Passing::ByValue);
  EXPECT_TRUE(ByValue.U.Up.Copied);

  EXPECT_EQ(FirstUse("take_ref(tok);").U.passing(), Passing::ByReference);
  EXPECT_EQ(FirstUse("take_cref(tok);").U.passing(), Passing::ByConstReference);
  FirstUse Moved("take_rref(std::move(tok));");
  EXPECT_EQ(Moved.U.passing(), Passing::ByRValueReference);
  EXPECT_TRUE(Moved.U.Up.Moved);

  FirstUse Variadic("take_any(0, tok);");
  EXPECT_EQ(Variadic.U.Kind, UseKind::Argument);
  EXPECT_FALSE(Variadic.U.ParamIndex.has_value());
  EXPECT_EQ(Variadic.U.passing(), Passing::Unknown);

  FirstUse Ctor("std::stop_callback cb(tok, [] {});");
  EXPECT_EQ(Ctor.U.Kind, UseKind::Argument);
  EXPECT_TRUE(isa_and_nonnull<CXXConstructExpr>(Ctor.U.Call));
  EXPECT_EQ(Ctor.U.ParamIndex, 0u);
}

TEST(ValueUsesTest, ArgumentOfADependentCallHasNoParameter) {
  TestAST AST(std::string(Helpers) + R"cpp(
    template <class T> void g(T t, std::stop_token tok) { t.run(tok); }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  Use U = classifyUse(AST.ref("tok", 0, AST.body("g")), AST.parents());
  EXPECT_EQ(U.Kind, UseKind::Argument);
  EXPECT_EQ(U.Callee, nullptr);
  EXPECT_EQ(U.passing(), Passing::Unknown);
}

TEST(ValueUsesTest, AddressTaken) {
  EXPECT_EQ(FirstUse("auto *p = &tok; (void)p;").U.Kind, UseKind::AddressTaken);
}

TEST(ValueUsesTest, CapturesByInitAndByCopy) {
  FirstUse Init("auto l = [t = tok] { return t.stop_requested(); }; l();");
  EXPECT_EQ(Init.U.Kind, UseKind::InitCapture);
  ASSERT_NE(Init.U.Variable, nullptr);
  EXPECT_TRUE(Init.U.Variable->isInitCapture());

  FirstUse Plain("auto l = [tok] { return tok.stop_requested(); }; l();");
  EXPECT_EQ(Plain.U.Kind, UseKind::Captured);
  // The use inside the body is the lambda's own.
  FirstUse Inside("auto l = [tok] { return tok.stop_requested(); }; l();", 1);
  EXPECT_EQ(Inside.U.Kind, UseKind::MemberCall);
}

TEST(ValueUsesTest, ComparedBuiltInAndOverloaded) {
  FirstUse Overloaded("(void)(tok == std::stop_token());");
  EXPECT_EQ(Overloaded.U.Kind, UseKind::Compared);
  EXPECT_NE(Overloaded.U.Call, nullptr) << "an overloaded operator is a call";
  EXPECT_EQ(Overloaded.U.passing(), Passing::ByConstReference);

  TestAST AST(std::string(Helpers) +
              "void f(std::stop_token *p) { (void)(p == nullptr); }");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  Use U = classifyUse(AST.ref("p"), AST.parents());
  EXPECT_EQ(U.Kind, UseKind::Compared);
  EXPECT_EQ(U.Call, nullptr);
}

TEST(ValueUsesTest, MemberOperatorOnTheValueIsAMemberCall) {
  TestAST AST(std::string(Helpers) +
              "int f(std::vector<int> v) { return v[0]; }");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  Use U = classifyUse(AST.ref("v"), AST.parents());
  EXPECT_EQ(U.Kind, UseKind::MemberCall);
  ASSERT_NE(U.Method, nullptr);
  EXPECT_EQ(U.Method->getOverloadedOperator(), OO_Subscript);
}

TEST(ValueUsesTest, StoredIntoANewObject) {
  EXPECT_EQ(FirstUse("Holder h{tok}; (void)h;").U.Kind, UseKind::Stored);
  EXPECT_EQ(FirstUse("auto *h = new Holder{tok}; (void)h;").U.Kind,
            UseKind::Stored);
}

TEST(ValueUsesTest, OtherUses) {
  TestAST AST(std::string(Helpers) + "void f(bool b) { if (b) {} }");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  Use U = classifyUse(AST.ref("b"), AST.parents());
  EXPECT_EQ(U.Kind, UseKind::Other);
  EXPECT_TRUE(isa_and_nonnull<IfStmt>(U.User));
}

TEST(ValueUsesTest, ClimbNotesConditionalsAndStopsAtVoidCasts) {
  FirstUse Cond("std::stop_token o; auto t = true ? tok : o; (void)t;");
  EXPECT_EQ(Cond.U.Kind, UseKind::Initializes);
  EXPECT_TRUE(Cond.U.Up.Conditional);

  FirstUse Void("(void)tok;");
  EXPECT_EQ(Void.U.Kind, UseKind::Other);
  EXPECT_TRUE(isa_and_nonnull<CStyleCastExpr>(Void.U.User));
}

TEST(ValueUsesTest, ClimbThroughAFunctionalCastIsNoCopyOfItsOwn) {
  TestAST AST(std::string(Helpers) + R"cpp(
    void work();
    void f() { std::thread(work).detach(); }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  const auto *Construct = AST.nth<CXXConstructExpr>("f");
  ASSERT_NE(Construct, nullptr);
  Use U = classifyUse(Construct, AST.parents());
  EXPECT_EQ(U.Kind, UseKind::MemberCall);
  EXPECT_EQ(U.methodName(), "detach");
  EXPECT_FALSE(U.Up.Copied);
}

TEST(ValueUsesTest, IndexOfABody) {
  TestAST AST(std::string(Helpers) + R"cpp(
    void f(std::stop_token tok) {
      std::stop_token a = tok;
      take(a);
      auto l = [&] { std::stop_token b; take(tok); take(b); };
      l();
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  ValueUses Uses(AST.parents(), AST.body("f"));
  EXPECT_FALSE(Uses.hasErrors());
  const VarDecl *Tok = AST.var("tok");
  EXPECT_EQ(Uses.refsTo(Tok).size(), 2u);
  EXPECT_FALSE(Uses.refsOutsideLambdas(Tok).has_value())
      << "one reference is inside the lambda";
  EXPECT_TRUE(Uses.refsOutsideLambdas(AST.var("a")).has_value());
  EXPECT_TRUE(Uses.isLocalVar(AST.var("a")));
  EXPECT_TRUE(Uses.isLocalVar(AST.var("b")));
  EXPECT_FALSE(Uses.isLocalVar(Tok)) << "parameters are not locals";
  // a and l at the top level; b is the lambda's.
  EXPECT_EQ(Uses.topLevelVars().size(), 2u);
  EXPECT_EQ(Uses.topLevelCalls().size(), 2u) << "take(a) and l()";
}

TEST(ValueUsesTest, CodeWithErrorsIsFlagged) {
  TestAST AST("void f() { int x = undeclared(); }",
              TestAST::Options{"-std=c++20", false, {}});
  ASSERT_FALSE(AST.compiled());
  ValueUses Uses(AST.parents(), AST.body("f"));
  EXPECT_TRUE(Uses.hasErrors());
}

TEST(ValueUsesTest, EnclosingLambdaAndBlockStatement) {
  TestAST AST(std::string(Helpers) + R"cpp(
    void f(std::stop_token tok) {
      auto l = [tok, t = tok] { take(tok); };
      take(tok);
      if (tok.stop_requested()) take(tok);
      l();
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  const Stmt *Body = AST.body("f");
  const auto *L = AST.nth<LambdaExpr>("f");
  // The captures are made where the lambda is; the body's use is in it.
  EXPECT_EQ(enclosingLambda(AST.ref("tok", 0, Body), Body, AST.parents()),
            nullptr);
  EXPECT_EQ(enclosingLambda(AST.ref("tok", 1, Body), Body, AST.parents()),
            nullptr);
  EXPECT_EQ(enclosingLambda(AST.ref("tok", 2, Body), Body, AST.parents()), L);

  const DeclRefExpr *Plain = AST.ref("tok", 3, Body);
  const Stmt *S = blockStatementOf(Plain, AST.parents());
  ASSERT_NE(S, nullptr);
  EXPECT_TRUE(isa<CallExpr>(S));
  EXPECT_EQ(blockStatementOf(AST.ref("tok", 4, Body), AST.parents()), nullptr)
      << "in a condition";
  EXPECT_EQ(blockStatementOf(AST.ref("tok", 5, Body), AST.parents()), nullptr)
      << "in a branch without braces";
  const auto *Block = enclosingBlock(AST.ref("tok", 5, Body), AST.parents());
  EXPECT_EQ(Block, Body) << "the innermost block around the branch";
}

TEST(ValueUsesTest, MemberCallOnRefusesCopiesAndMoves) {
  TestAST AST(std::string(Helpers) + R"cpp(
    void f(std::thread t) {
      t.join();
      std::thread(std::move(t)).join();
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  EXPECT_EQ(methodName(memberCallOn(AST.ref("t", 0), AST.parents())), "join");
  EXPECT_EQ(memberCallOn(AST.ref("t", 1), AST.parents()), nullptr);
}

TEST(ValueUsesTest, SynchronousCallsThroughTheNameSet) {
  TestAST AST(std::string(Helpers) + R"cpp(
    void f(std::stop_token tok) {
      tbb::parallel_for(0, [&](int) { take(tok); });
      take(tok);
      [&] { take(tok); }();
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  FunctionNameSet Sync;
  Sync.add("tbb::parallel_for");
  const Stmt *Body = AST.body("f");
  const auto *InParallel = AST.nth<LambdaExpr>("f", 0);
  EXPECT_TRUE(inSynchronousCall(InParallel, Sync, AST.parents()));
  EXPECT_FALSE(inSynchronousCall(AST.call("take", 1), Sync, AST.parents()));
  EXPECT_TRUE(
      inSynchronousCall(AST.nth<LambdaExpr>("f", 1), Sync, AST.parents()))
      << "an immediately invoked lambda";
  (void)Body;
}

TEST(ValueUsesTest, DesignatesSameObject) {
  TestAST AST(R"cpp(
    struct Waiter { void wait(); void notify(); };
    struct Box { Waiter w; Waiter other; };
    struct Owner {
      Waiter w_;
      void run(Box &b, Box &c, Box *p) {
        w_.wait();
        auto l = [this] { this->w_.notify(); };
        b.w.wait();
        b.w.notify();
        c.w.notify();
        b.other.notify();
        p->w.wait();
        auto m = [p] { p->w.notify(); };
      }
    };
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  auto Object = [&](llvm::StringRef Method, unsigned N) {
    const auto *C = dyn_cast_or_null<CXXMemberCallExpr>(AST.call(Method, N));
    return C ? C->getImplicitObjectArgument() : nullptr;
  };
  EXPECT_TRUE(designatesSameObject(Object("wait", 0), Object("notify", 0)))
      << "w_ and this->w_ in a lambda capturing this";
  EXPECT_TRUE(designatesSameObject(Object("wait", 1), Object("notify", 1)));
  EXPECT_FALSE(designatesSameObject(Object("wait", 1), Object("notify", 2)))
      << "the same member of another object";
  EXPECT_FALSE(designatesSameObject(Object("wait", 1), Object("notify", 3)))
      << "another member of the same object";
  EXPECT_TRUE(designatesSameObject(Object("wait", 2), Object("notify", 4)))
      << "through a pointer captured by copy";
  EXPECT_FALSE(designatesSameObject(Object("wait", 0), nullptr));
}

} // namespace
