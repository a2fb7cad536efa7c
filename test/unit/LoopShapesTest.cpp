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

TEST(LoopShapesTest, CountedByRewrittenComparisons) {
  // An iterator that declares only operator==: C++20 rewrites `!=` to it.
  const char *Iterator = R"cpp(
    struct It {
      int &operator*() const;
      It &operator++();
      friend bool operator==(const It &, const It &);
    };
    struct List { It begin(); It end(); It erase(It); };
  )cpp";
  auto Shape = [&](llvm::StringRef Body) {
    TestAST AST(std::string(Iterator) + "void f(List &l) {" + Body.str() + "}");
    EXPECT_TRUE(AST.compiled()) << AST.errors();
    const Stmt *Loop = AST.nth<ForStmt>("f");
    if (!Loop)
      Loop = AST.nth<WhileStmt>("f");
    return Loop ? loopShapeOf(Loop, AST.context()) : LoopShape::NotALoop;
  };
  EXPECT_EQ(Shape("for (It it = l.begin(); it != l.end(); ++it) {}"),
            LoopShape::Counted);
  EXPECT_EQ(Shape("It it = l.begin(); while (it != l.end()) it = l.erase(it);"),
            LoopShape::Counted);
  EXPECT_EQ(Shape("It it = l.begin(); while (it != l.end()) {}"),
            LoopShape::Conditional)
      << "never advanced";
}

TEST(LoopShapesTest, CountedListWalks) {
  const char *Node = "struct Node { Node *next; int value; };";
  auto Shape = [&](llvm::StringRef Body) {
    TestAST AST(std::string(Node) + "void f(Node *head, bool more) {" +
                Body.str() + "}");
    EXPECT_TRUE(AST.compiled()) << AST.errors();
    const Stmt *Loop = AST.nth<ForStmt>("f");
    if (!Loop)
      Loop = AST.nth<WhileStmt>("f");
    return Loop ? loopShapeOf(Loop, AST.context()) : LoopShape::NotALoop;
  };
  EXPECT_EQ(Shape("Node *n = head; while (n) n = n->next;"),
            LoopShape::Counted);
  EXPECT_EQ(Shape("for (Node *n = head; n && more; n = n->next) {}"),
            LoopShape::Counted);
  EXPECT_EQ(Shape("Node *n = head; while (n) (void)n->value;"),
            LoopShape::Conditional)
      << "a pointer the loop never steps";
  EXPECT_EQ(Shape("while (more) more = !more;"), LoopShape::Conditional)
      << "only pointers are walked";
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

TEST(LoopShapesTest, CountedDownToZero) {
  EXPECT_EQ(FirstLoop("int k = n; while (k--) (void)next_job();").shape(),
            LoopShape::Counted)
      << "the condition steps the integer and tests it against zero";
  EXPECT_EQ(FirstLoop("int k = n; while (--k) {}").shape(), LoopShape::Counted);
  EXPECT_EQ(FirstLoop("int k = n; while (k) { --k; }").shape(),
            LoopShape::Counted);
  EXPECT_EQ(FirstLoop("int k = n; while (k) (void)next_job();").shape(),
            LoopShape::Conditional)
      << "an integer the loop never steps";
  EXPECT_EQ(FirstLoop("int k = n; while (k) k = next_job();").shape(),
            LoopShape::Conditional)
      << "assigned, not stepped";
}

TEST(LoopShapesTest, ConstantFalseLoops) {
  EXPECT_EQ(FirstLoop("do { (void)next_job(); } while (false);").shape(),
            LoopShape::ConstantFalse)
      << "the statement-macro idiom runs its body once";
  EXPECT_EQ(FirstLoop("do { } while (0);").shape(), LoopShape::ConstantFalse);
  EXPECT_EQ(FirstLoop("while (false) {}").shape(), LoopShape::ConstantFalse);
}

TEST(LoopShapesTest, LoopsWhoseBodyAlwaysLeaves) {
  EXPECT_EQ(FirstLoop("for (int st = next_job(); st != 0;) return;").shape(),
            LoopShape::Once)
      << "the expansion of Arrow's ASSERT_OK";
  EXPECT_EQ(FirstLoop("while (more()) { (void)next_job(); break; }").shape(),
            LoopShape::Once);
  EXPECT_EQ(FirstLoop("while (more()) { { throw 1; } }").shape(),
            LoopShape::Once);
  EXPECT_EQ(FirstLoop("do { return; } while (more());").shape(),
            LoopShape::Once);
  EXPECT_EQ(FirstLoop("while (more()) { if (done) continue; return; }").shape(),
            LoopShape::Conditional)
      << "a continue goes back to the condition";
  EXPECT_EQ(FirstLoop("while (more()) { if (done) return; }").shape(),
            LoopShape::Conditional)
      << "a conditional return leaves on one path only";
  EXPECT_EQ(
      FirstLoop("while (more()) { switch (n) { case 0: break; } }").shape(),
      LoopShape::Conditional)
      << "a break in a switch is the switch's";
  EXPECT_EQ(
      FirstLoop("while (more()) { while (!done) { break; } (void)0; }").shape(),
      LoopShape::Conditional)
      << "a break in a nested loop is that loop's";
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

TEST(LoopShapesTest, EnclosingLoopsInnermostFirst) {
  TestAST AST(std::string(Helpers) + R"cpp(
    void work();
    void f(std::vector<int> &v) {
      for (int i = next_job(); more(); ++i) {
        while (more()) {
          work();
        }
        for (int x : v)
          work();
        auto l = [] { while (more()) work(); };
      }
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  const Stmt *Body = AST.body("f");
  const auto *For = AST.nth<ForStmt>("f");
  const auto *While = AST.nth<WhileStmt>("f", 0);
  const auto *Range = AST.nth<CXXForRangeStmt>("f");
  ASSERT_TRUE(For && While && Range);
  auto Loops = [&](const Stmt *S) {
    auto L = enclosingLoops(S, Body, AST.parents());
    return std::vector<const Stmt *>(L.begin(), L.end());
  };
  // work() in the while: the while, then the for.
  EXPECT_EQ(Loops(AST.call("work", 0)),
            (std::vector<const Stmt *>{While, For}));
  EXPECT_EQ(Loops(AST.call("work", 1)),
            (std::vector<const Stmt *>{Range, For}));
  // The for's init runs once; its condition runs on each iteration.
  EXPECT_EQ(Loops(AST.call("next_job")), std::vector<const Stmt *>{});
  EXPECT_EQ(Loops(AST.call("more", 0)), std::vector<const Stmt *>{For});
  // Inside a lambda: only the lambda's own loops.
  const auto *InLambda = AST.nth<WhileStmt>("f", 1);
  EXPECT_EQ(Loops(AST.call("work", 2)), (std::vector<const Stmt *>{InLambda}));
}

TEST(LoopShapesTest, IterationLocalVariables) {
  TestAST AST(std::string(Helpers) + R"cpp(
    struct Holder { int member; };
    int global;
    void work(int);
    void f(std::vector<int> &v, Queue &q, int param) {
      int before = 0;
      for (int init = 0; more(); ++init) {
        int inBody = init;
        for (int x : v) {
          int inner = x;
          work(inner + inBody + before + param + global);
        }
        while (int job = q.pop())
          work(job);
        auto [first, second] = std::pair<int, int>{1, 2};
        work(first + second);
      }
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  const auto *For = AST.nth<ForStmt>("f");
  const auto *Range = AST.nth<CXXForRangeStmt>("f");
  const auto *While = AST.nth<WhileStmt>("f");
  ASSERT_TRUE(For && Range && While);
  auto Local = [&](llvm::StringRef Var, const Stmt *Loop) {
    const ValueDecl *V = AST.var(Var);
    if (!V)
      if (const DeclRefExpr *R = AST.ref(Var))
        V = R->getDecl();
    EXPECT_NE(V, nullptr) << Var.str();
    return isIterationLocal(V, Loop, AST.parents());
  };
  EXPECT_TRUE(Local("inBody", For));
  EXPECT_TRUE(Local("inner", For)) << "declared in a nested loop of the body";
  EXPECT_TRUE(Local("inner", Range));
  EXPECT_TRUE(Local("x", Range)) << "a range-for's loop variable";
  EXPECT_TRUE(Local("job", While)) << "a while's condition variable";
  EXPECT_TRUE(Local("first", For)) << "a structured binding in the body";
  EXPECT_FALSE(Local("inBody", Range)) << "declared before the inner loop";
  EXPECT_FALSE(Local("init", For)) << "a for's init statement runs once";
  EXPECT_FALSE(Local("before", For));
  EXPECT_FALSE(Local("param", For));
  EXPECT_FALSE(Local("global", For));
  EXPECT_FALSE(
      isIterationLocal(AST.var("inBody"), AST.body("f"), AST.parents()))
      << "not a loop";
}

TEST(LoopShapesTest, LeavesLoopAfter) {
  TestAST AST(std::string(Helpers) + R"cpp(
    void a(); void b(); void c(); void d(); void e(); void g(); void h();
    void f(int n) {
      while (more()) {
        if (n) {
          a();
          break;
        }
        b();
        if (n > 1)
          continue;
        {
          d();
        }
        return;
      }
      for (;;) {
        e();
        if (more())
          break;
        for (int i = 0; i < n; ++i) {
          g();
          break;
        }
        switch (n) {
        case 3:
          c();
          break;
        }
        h();
      }
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  const auto *While = AST.nth<WhileStmt>("f");
  const auto *Endless = AST.nth<ForStmt>("f", 0);
  ASSERT_TRUE(While && Endless);
  auto Leaves = [&](llvm::StringRef Callee, const Stmt *Loop) {
    return leavesLoopAfter(AST.call(Callee), Loop, AST.parents());
  };
  EXPECT_TRUE(Leaves("a", While)) << "a break after it in its block";
  EXPECT_TRUE(Leaves("b", While)) << "a return later in the loop's block";
  EXPECT_FALSE(Leaves("c", Endless)) << "the break belongs to the switch";
  EXPECT_TRUE(Leaves("d", While)) << "a return after the inner block";
  EXPECT_FALSE(Leaves("e", Endless)) << "the break is in a branch";
  EXPECT_FALSE(Leaves("g", Endless)) << "the break belongs to the inner loop";
  EXPECT_FALSE(Leaves("h", Endless));
}

} // namespace
