//===--- WorkEndsTest.cpp - ctx-tidy unit tests ---------------------------===//

#include "lib/WorkEnds.h"
#include "TestAST.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::tidy::ctx;
using namespace clang::tidy::ctx::test;

namespace {

const char *const Helpers = R"cpp(
void work();
void keep(std::thread &);
void look(const pplx::task<int> &);
void adopt(pplx::task<int> &);
bool fail();
)cpp";

/// The work ends of the local \p Var of f.
struct Ends {
  TestAST AST;
  std::unique_ptr<ValueUses> Uses;
  std::unique_ptr<WorkEnds> Work;
  std::optional<WorkEndPoints> Points;
  explicit Ends(llvm::StringRef Body, llvm::StringRef Var)
      : AST(std::string(Helpers) + "void f() {" + Body.str() + "}") {
    EXPECT_TRUE(AST.compiled()) << AST.errors();
    Uses = std::make_unique<ValueUses>(AST.parents(), AST.body("f"));
    Work = std::make_unique<WorkEnds>(*Uses);
    if (const VarDecl *V = AST.var(Var))
      Points = Work->endsOf(V);
  }
  /// The source text of each end point's first token, in order.
  std::vector<std::string> kinds() const {
    std::vector<std::string> Out;
    for (const Stmt *S : *Points)
      Out.push_back(S->getStmtClassName());
    return Out;
  }
};

TEST(WorkEndsTest, AThreadEndsAtItsJoins) {
  Ends E("std::thread t(work); if (fail()) { t.join(); return; } t.join();",
         "t");
  ASSERT_TRUE(E.Points.has_value());
  EXPECT_EQ(E.Points->size(), 2u);
  for (const Stmt *S : *E.Points)
    EXPECT_EQ(methodName(dyn_cast<CXXMemberCallExpr>(S)), "join");
}

TEST(WorkEndsTest, AJoinableGuardedJoinEndsAtTheTest) {
  Ends E("std::thread t(work); if (t.joinable()) t.join();", "t");
  ASSERT_TRUE(E.Points.has_value());
  ASSERT_EQ(E.Points->size(), 2u);
  EXPECT_EQ(methodName(dyn_cast<CXXMemberCallExpr>((*E.Points)[0])),
            "joinable");
}

TEST(WorkEndsTest, AThreadReleasedAnotherWayHasNoEnds) {
  EXPECT_FALSE(Ends("std::thread t(work); t.detach();", "t").Points);
  EXPECT_FALSE(Ends("std::thread t(work); keep(t); t.join();", "t").Points);
  EXPECT_FALSE(
      Ends("std::thread t(work); std::thread u(std::move(t)); u.join();", "t")
          .Points);
  EXPECT_FALSE(
      Ends("std::thread t(work); auto l = [&] { t.join(); }; l();", "t").Points)
      << "used inside a lambda, it may be joined at any time";
}

TEST(WorkEndsTest, AContainerOfThreadsEndsAtALoopJoiningEveryThread) {
  Ends Range("std::vector<std::thread> ts; ts.reserve(2);"
             "ts.emplace_back(work); ts.emplace_back(work);"
             "for (auto &t : ts) if (t.joinable()) t.join();",
             "ts");
  ASSERT_TRUE(Range.Points.has_value());
  ASSERT_EQ(Range.Points->size(), 1u);
  EXPECT_TRUE(isa<DeclStmt>((*Range.Points)[0])) << "the range statement";

  Ends Index("std::vector<std::thread> ts; ts.emplace_back(work);"
             "for (unsigned long i = 0; i < ts.size(); ++i) ts[i].join();",
             "ts");
  ASSERT_TRUE(Index.Points.has_value());
  ASSERT_EQ(Index.Points->size(), 1u);
  EXPECT_TRUE(isa<DeclStmt>((*Index.Points)[0])) << "the index declaration";
}

TEST(WorkEndsTest, AContainerLoopThatCanLeaveEarlyEndsNothing) {
  EXPECT_FALSE(Ends("std::vector<std::thread> ts; ts.emplace_back(work);"
                    "for (auto &t : ts) { if (fail()) break; t.join(); }",
                    "ts")
                   .Points);
  EXPECT_FALSE(Ends("std::vector<std::thread> ts; ts.emplace_back(work);"
                    "for (auto &t : ts) t.detach();",
                    "ts")
                   .Points);
  EXPECT_FALSE(Ends("std::vector<std::thread> ts; ts.emplace_back(work);"
                    "for (auto t = ts.begin(); t != ts.end(); ++t) t->join();",
                    "ts")
                   .Points)
      << "an iterator loop is not recognised";
}

TEST(WorkEndsTest, ATaskEndsAtItsWaitsAndThoseOfDependentTasks) {
  Ends E("pplx::task<int> t([] { return 1; });"
         "auto u = t.then([](int) { return 2; });"
         "auto all = t && u;"
         "look(t); t.wait(); u.get(); all.wait();",
         "t");
  ASSERT_TRUE(E.Points.has_value());
  EXPECT_EQ(E.Points->size(), 3u) << "t.wait(), u.get(), all.wait()";
}

TEST(WorkEndsTest, ATaskThatMayHoldOtherWorkHasNoEnds) {
  EXPECT_FALSE(Ends("pplx::task<int> t([] { return 1; });"
                    "t = pplx::task<int>(); t.wait();",
                    "t")
                   .Points);
  EXPECT_FALSE(
      Ends("pplx::task<int> t([] { return 1; }); adopt(t); t.wait();", "t")
          .Points);
}

TEST(WorkEndsTest, OtherObjectsHoldNoWorkThatEnds) {
  EXPECT_FALSE(Ends("int n = 0; (void)n;", "n").Points);
}

TEST(WorkEndsTest, ThreadContainerFilledBy) {
  TestAST AST(std::string(Helpers) + R"cpp(
    void f() {
      std::vector<std::thread> ts;
      std::vector<int> ns;
      ts.emplace_back(work);
      ns.push_back(1);
      ts.reserve(1);
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  ValueUses Uses(AST.parents(), AST.body("f"));
  WorkEnds Work(Uses);
  const auto *Fill = AST.nth<CXXMemberCallExpr>("f", 0);
  const auto *Ints = AST.nth<CXXMemberCallExpr>("f", 1);
  const auto *Reserve = AST.nth<CXXMemberCallExpr>("f", 2);
  EXPECT_EQ(Work.threadContainerFilledBy(Fill), AST.var("ts"));
  EXPECT_EQ(Work.threadContainerFilledBy(Ints), nullptr);
  EXPECT_EQ(Work.threadContainerFilledBy(Reserve), nullptr);
}

TEST(WorkEndsTest, BlockingWaitsByTheCatalogue) {
  TestAST AST(std::string(Helpers) + R"cpp(
    void f(std::condition_variable &cv, std::unique_lock<std::mutex> &lk,
           std::future<int> &fu, std::thread &t, boost::asio::io_context &io,
           pplx::task<int> &task) {
      cv.wait(lk);
      fu.wait();
      (void)fu.get();
      t.join();
      io.run();
      cv.notify_all();
      t.detach();
      io.stop();
      task.wait();
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  std::vector<std::string> Waits, Others;
  for (unsigned I = 0; const auto *C = AST.nth<CXXMemberCallExpr>("f", I); ++I)
    (isBlockingWait(C) ? Waits : Others).push_back(methodName(C).str());
  EXPECT_EQ(Waits,
            (std::vector<std::string>{"wait", "wait", "get", "join", "run"}));
  EXPECT_EQ(Others,
            (std::vector<std::string>{"notify_all", "detach", "stop", "wait"}))
      << "a task's wait ends its own work, not any work";
  EXPECT_FALSE(isBlockingWait(nullptr));
}

TEST(WorkEndsTest, WaitsIncludeTheConditionOfAWaitingLoop) {
  TestAST AST(std::string(Helpers) + R"cpp(
    void f(std::condition_variable &cv, std::unique_lock<std::mutex> &lk,
           bool &done) {
      while (!done) cv.wait(lk);
      while (fail()) work();
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  llvm::DenseSet<const Stmt *> Waits;
  collectWaits(AST.body("f"), Waits);
  const auto *Waiting = AST.nth<WhileStmt>("f", 0);
  const auto *Busy = AST.nth<WhileStmt>("f", 1);
  EXPECT_TRUE(Waits.contains(Waiting->getCond()));
  EXPECT_TRUE(Waits.contains(AST.nth<CXXMemberCallExpr>("f", 0)));
  EXPECT_FALSE(Waits.contains(Busy->getCond()));
}

TEST(WorkEndsTest, WaitsOnAResult) {
  TestAST AST(std::string(Helpers) + R"cpp(
    void f() {
      auto a = std::async(work);
      auto b = std::async(work);
      a.wait();
      (void)std::move(b).get();
      a.valid();
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  const auto *WaitA = AST.nth<CXXMemberCallExpr>("f", 0);
  const auto *GetB = AST.nth<CXXMemberCallExpr>("f", 1);
  const auto *Valid = AST.nth<CXXMemberCallExpr>("f", 2);
  EXPECT_TRUE(waitsOn(WaitA, AST.var("a")));
  EXPECT_FALSE(waitsOn(WaitA, AST.var("b")));
  EXPECT_TRUE(waitsOn(GetB, AST.var("b"))) << "through std::move";
  EXPECT_FALSE(waitsOn(Valid, AST.var("a")));
}

TEST(WorkEndsTest, JoinStatements) {
  TestAST AST(std::string(Helpers) + R"cpp(
    void f(std::thread &t, std::thread &u) {
      t.join();
      if (t.joinable()) { t.join(); work(); }
      if (t.joinable()) work();
      u.join();
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  const auto *Body = cast<CompoundStmt>(AST.body("f"));
  auto IsT = [&](const Expr *X) { return refersTo(X, AST.var("t")); };
  std::vector<bool> Joins;
  for (const Stmt *S : Body->body())
    Joins.push_back(isJoinStatement(S, IsT));
  EXPECT_EQ(Joins, (std::vector<bool>{true, true, false, false}));
}

} // namespace
