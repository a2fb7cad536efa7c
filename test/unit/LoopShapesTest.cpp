//===--- LoopShapesTest.cpp - ctx-tidy unit tests -------------------------===//

#include "lib/LoopShapes.h"
#include "TestAST.h"
#include "clang/AST/StmtCXX.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::tidy::ctx;
using namespace clang::tidy::ctx::test;

namespace {

const char *const Helpers = R"cpp(
bool more();
int next_job();
struct Queue { int pop(); bool empty() const; };
)cpp";

/// The shape of the first loop of f.
struct FirstLoop {
  TestAST AST;
  const Stmt *Loop = nullptr;
  explicit FirstLoop(llvm::StringRef Body)
      : AST(std::string(Helpers) +
            "void f(std::vector<int> &v, Queue &q, "
            "int n, bool done) {" +
            Body.str() + "}") {
    EXPECT_TRUE(AST.compiled()) << AST.errors();
    for (const Stmt *S :
         {static_cast<const Stmt *>(AST.nth<ForStmt>("f")),
          static_cast<const Stmt *>(AST.nth<WhileStmt>("f")),
          static_cast<const Stmt *>(AST.nth<DoStmt>("f")),
          static_cast<const Stmt *>(AST.nth<CXXForRangeStmt>("f"))})
      if (S && (!Loop || S->getBeginLoc() < Loop->getBeginLoc()))
        Loop = S;
    EXPECT_NE(Loop, nullptr);
  }
  LoopShape shape() const { return loopShapeOf(Loop, AST.context()); }
};

TEST(LoopShapesTest, RangeLoops) {
  EXPECT_EQ(FirstLoop("for (int x : v) (void)x;").shape(), LoopShape::Range);
}

TEST(LoopShapesTest, CountedLoops) {
  EXPECT_EQ(FirstLoop("for (int i = 0; i < n; ++i) {}").shape(),
            LoopShape::Counted);
  EXPECT_EQ(FirstLoop("for (int i = n; i > 0; i--) {}").shape(),
            LoopShape::Counted);
  EXPECT_EQ(FirstLoop("int i = 0; while (i != n) i += 2;").shape(),
            LoopShape::Counted)
      << "stepped in the body";
  EXPECT_EQ(
      FirstLoop("for (auto it = v.begin(); it != v.end(); ++it) {}").shape(),
      LoopShape::Counted)
      << "an iterator it advances";
  EXPECT_EQ(
      FirstLoop("int i = 0; while (!done && i < n) { i = i + 1; }").shape(),
      LoopShape::Counted)
      << "a conjunction with a counted comparison";
  EXPECT_EQ(FirstLoop("int i = 0; do { } while (++i < n);").shape(),
            LoopShape::Counted);
}

TEST(LoopShapesTest, ConstantTrueLoops) {
  EXPECT_EQ(FirstLoop("for (;;) { if (more()) break; }").shape(),
            LoopShape::ConstantTrue);
  EXPECT_EQ(FirstLoop("while (true) { if (more()) break; }").shape(),
            LoopShape::ConstantTrue);
  EXPECT_EQ(FirstLoop("while (1) { if (more()) return; }").shape(),
            LoopShape::ConstantTrue);
  EXPECT_EQ(FirstLoop("do { if (more()) break; } while (true);").shape(),
            LoopShape::ConstantTrue);
  EXPECT_EQ(FirstLoop("for (int i = 0;; ++i) { if (i > n) break; }").shape(),
            LoopShape::ConstantTrue)
      << "a step without a comparison bounds nothing";
}

TEST(LoopShapesTest, ConditionalLoops) {
  EXPECT_EQ(FirstLoop("while (!done) {}").shape(), LoopShape::Conditional);
  EXPECT_EQ(FirstLoop("while (int job = q.pop()) (void)job;").shape(),
            LoopShape::Conditional);
  EXPECT_EQ(FirstLoop("do { } while (more());").shape(),
            LoopShape::Conditional);
  EXPECT_EQ(FirstLoop("int i = 0; while (i < n) { (void)next_job(); }").shape(),
            LoopShape::Conditional)
      << "the compared variable is never stepped";
  EXPECT_EQ(FirstLoop("int i = 0; while (i < n || more()) ++i;").shape(),
            LoopShape::Conditional)
      << "a disjunction does not bound";
  EXPECT_EQ(FirstLoop("int i = 0; while (i < n) { [&] { ++i; }(); }").shape(),
            LoopShape::Conditional)
      << "a step inside a lambda is the lambda's";
}

TEST(LoopShapesTest, NotALoop) {
  TestAST AST("void f() { if (true) {} }",
              TestAST::Options{"-std=c++20", false, {}});
  ASSERT_TRUE(AST.compiled());
  EXPECT_EQ(loopShapeOf(AST.nth<IfStmt>("f"), AST.context()),
            LoopShape::NotALoop);
  EXPECT_FALSE(isLoop(AST.nth<IfStmt>("f")));
  EXPECT_EQ(loopBody(AST.nth<IfStmt>("f")), nullptr);
}

TEST(LoopShapesTest, LeavingEarly) {
  auto Leaves = [](llvm::StringRef Body) {
    FirstLoop L(Body);
    return mayLeaveEarly(loopBody(L.Loop));
  };
  EXPECT_FALSE(Leaves("for (int x : v) (void)x;"));
  EXPECT_TRUE(Leaves("for (int x : v) { if (x) break; }"));
  EXPECT_TRUE(Leaves("for (int x : v) { if (x) continue; }"));
  EXPECT_TRUE(Leaves("for (int x : v) { if (x) return; }"));
  EXPECT_TRUE(Leaves("for (int x : v) { if (x) throw 1; }"));
  EXPECT_TRUE(Leaves("for (int x : v) { if (x) goto out; } out:;"));
  EXPECT_FALSE(Leaves("for (int x : v) { for (;;) { break; } (void)x; }"))
      << "a break of a nested loop stays in it";
  EXPECT_FALSE(Leaves("for (int x : v) { switch (x) { case 1: break; } }"))
      << "a break of a switch stays in it";
  EXPECT_TRUE(Leaves("for (int x : v) { switch (x) { case 1: continue; } }"))
      << "a continue inside a switch continues the loop";
  EXPECT_FALSE(Leaves("for (int x : v) { [] { return; }(); (void)x; }"))
      << "a lambda's return is its own";
}

TEST(LoopShapesTest, EndingFromInside) {
  auto Ends = [](llvm::StringRef Body) {
    FirstLoop L(Body);
    return mayEndFromInside(L.Loop);
  };
  EXPECT_FALSE(Ends("while (true) { (void)next_job(); }"));
  EXPECT_FALSE(Ends("while (true) { if (more()) continue; }"))
      << "a continue does not end the loop";
  EXPECT_TRUE(Ends("while (true) { if (more()) break; }"));
  EXPECT_TRUE(Ends("while (true) { if (more()) return; }"));
  EXPECT_FALSE(Ends("while (true) { while (more()) break; }"));
}

TEST(LoopShapesTest, ZeroBasedIndexLoops) {
  auto Index = [](llvm::StringRef Body) -> std::string {
    FirstLoop L(Body);
    const VarDecl *I =
        zeroBasedIndexOf(dyn_cast<ForStmt>(L.Loop), L.AST.context());
    return I ? I->getName().str() : "";
  };
  EXPECT_EQ(Index("for (unsigned long i = 0; i < v.size(); ++i) {}"), "i");
  EXPECT_EQ(Index("for (int j = 0; j != n; j++) {}"), "j");
  EXPECT_EQ(Index("for (int i = 1; i < n; ++i) {}"), "") << "starts at 1";
  EXPECT_EQ(Index("for (int i = 0; i <= n; ++i) {}"), "");
  EXPECT_EQ(Index("for (int i = 0; i < n; i += 2) {}"), "");
  EXPECT_EQ(Index("int i = 0; for (; i < n; ++i) {}"), "")
      << "the index is declared by the loop";
}

} // namespace
