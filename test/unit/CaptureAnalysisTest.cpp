//===--- CaptureAnalysisTest.cpp - ctx-tidy unit tests --------------------===//

#include "lib/CaptureAnalysis.h"
#include "TestAST.h"
#include "lib/ValueOrigin.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/LambdaCapture.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"
#include <ostream>

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::ctx;
using namespace clang::tidy::ctx::test;

namespace clang::tidy::ctx {
// Names instead of bytes in failure messages.
void PrintTo(CopyUse U, std::ostream *OS) {
  *OS << (U == CopyUse::Read           ? "Read"
          : U == CopyUse::NonConstCall ? "NonConstCall"
                                       : "Other");
}
} // namespace clang::tidy::ctx

namespace {

// The stand-ins declare request_stop() const, as libstdc++ 12 does, to show
// that the standard's declaration decides. What the snippets call, besides the
// stand-ins.
const char *const Library = R"cpp(
void use(std::stop_token);
void use_ref(std::stop_token &);
void use_cref(const std::stop_token &);
)cpp";

struct Fixture {
  TestAST AST;
  const ContextModel &Model;

  explicit Fixture(llvm::StringRef Snippet)
      : AST(std::string(Library) + Snippet.str()), Model(AST.model()) {
    EXPECT_TRUE(AST.compiled()) << AST.errors();
  }
  ASTContext &ctx() { return AST.context(); }

  /// The lambda whose body holds a call to the function named \p Marker (or
  /// the only lambda, when \p Marker is empty).
  const LambdaExpr *lambda(llvm::StringRef Marker = "") {
    auto Ms = Marker.empty()
                  ? match(lambdaExpr().bind("l"), ctx())
                  : match(lambdaExpr(hasDescendant(callExpr(callee(
                                         functionDecl(hasName(Marker))))))
                              .bind("l"),
                          ctx());
    return Ms.size() == 1 ? Ms[0].getNodeAs<LambdaExpr>("l") : nullptr;
  }
  llvm::SmallVector<ContextReach, 4> reaches(llvm::StringRef Marker = "") {
    const LambdaExpr *L = lambda(Marker);
    if (!L)
      ADD_FAILURE() << "no single lambda calls '" << Marker.str() << "'";
    return findContextReaches(L, Model, ctx());
  }
  const VarDecl *var(llvm::StringRef Name) {
    auto Ms = match(varDecl(hasName(Name)).bind("v"), ctx());
    return Ms.size() == 1 ? Ms[0].getNodeAs<VarDecl>("v") : nullptr;
  }
  /// The source text starting at \p Loc, \p N characters long.
  std::string textAt(SourceLocation Loc, size_t N) {
    if (Loc.isInvalid())
      return "<invalid>";
    unsigned Off = ctx().getSourceManager().getFileOffset(Loc);
    return AST.code().substr(Off, N).str();
  }
};

std::string name(const ContextReach &R) {
  return R.Object ? R.Object->getNameAsString() : "<null>";
}

TEST(CaptureAnalysisTest, ExplicitReferenceCaptureOfTokenAndSource) {
  Fixture T(R"cpp(
    void f(std::stop_token tok, std::stop_source src) {
      auto l = [&tok, &s = src] { return tok.stop_requested() && s.request_stop(); };
    }
  )cpp");
  auto R = T.reaches();
  ASSERT_EQ(R.size(), 2u);
  EXPECT_EQ(name(R[0]), "tok");
  EXPECT_EQ(R[0].Way, ReachWay::ByReference);
  EXPECT_EQ(R[0].Info->Role, ContextRole::Token);
  EXPECT_TRUE(R[0].CopyOwns);
  ASSERT_NE(R[0].Capture, nullptr);
  EXPECT_EQ(T.textAt(R[0].Loc, 3), "tok");
  // [&s = src] reaches the parameter it is bound to, not the capture.
  EXPECT_EQ(name(R[1]), "src");
  EXPECT_EQ(R[1].Way, ReachWay::ByReference);
  EXPECT_EQ(R[1].Info->Role, ContextRole::CancelSource);
  EXPECT_TRUE(R[1].CopyOwns);
}

TEST(CaptureAnalysisTest, DefaultReferenceCaptureReportedAtFirstUse) {
  Fixture T(R"cpp(
    void f(std::stop_source src) {
      std::stop_token tok = src.get_token();
      int n = 0;
      auto l = [&] { ++n; if (!tok.stop_requested()) src.request_stop(); use(tok); };
    }
  )cpp");
  auto R = T.reaches();
  // 'n' is no context object; the others come in source order of use.
  ASSERT_EQ(R.size(), 2u);
  EXPECT_EQ(name(R[0]), "tok");
  EXPECT_EQ(R[0].Way, ReachWay::DefaultByReference);
  EXPECT_EQ(R[0].Capture, nullptr);
  EXPECT_EQ(T.textAt(R[0].Loc, 18), "tok.stop_requested");
  EXPECT_EQ(name(R[1]), "src");
  EXPECT_EQ(R[1].Way, ReachWay::DefaultByReference);
  EXPECT_EQ(T.textAt(R[1].Loc, 16), "src.request_stop");
}

TEST(CaptureAnalysisTest, NothingReachedWithoutAReferenceToAContextObject) {
  // A [&] lambda that uses no context object, owning handles captured by
  // copy, and a source the lambda owns itself.
  Fixture T(R"cpp(
    void f(std::stop_token tok, std::stop_source src) {
      int n = 0;
      auto a = [&] { return n + 1; };
      auto b = [tok, src] { return tok.stop_requested(); };
      auto c = [=] { use(tok); return src.request_stop(); };
      auto d = [s = std::stop_source()] { return s.request_stop(); };
      auto e = [t = tok] { use(t); };
      (void)a; (void)b; (void)c; (void)d; (void)e;
    }
  )cpp");
  auto Ls = match(lambdaExpr().bind("l"), T.ctx());
  ASSERT_EQ(Ls.size(), 5u);
  for (const auto &M : Ls)
    EXPECT_TRUE(
        findContextReaches(M.getNodeAs<LambdaExpr>("l"), T.Model, T.ctx())
            .empty());
}

TEST(CaptureAnalysisTest, MembersThroughThisUnlessSharedFromThisKeepsItAlive) {
  Fixture T(R"cpp(
    void mark_plain(); void mark_kept(); void mark_star();
    class Poller : public std::enable_shared_from_this<Poller> {
      std::stop_token tok_;
      int rounds_ = 0;
      void start() {
        auto a = [this] { mark_plain(); ++rounds_; use(tok_); use(this->tok_); };
        auto b = [this, self = shared_from_this()] { mark_kept(); use(tok_); };
        auto c = [*this] { mark_star(); use(tok_); };
        (void)a; (void)b; (void)c;
      }
    };
  )cpp");
  auto R = T.reaches("mark_plain");
  ASSERT_EQ(R.size(), 1u);
  EXPECT_EQ(name(R[0]), "tok_");
  EXPECT_TRUE(isa<FieldDecl>(R[0].Object));
  EXPECT_EQ(R[0].Way, ReachWay::ThroughThis);
  EXPECT_TRUE(R[0].CopyOwns);
  ASSERT_NE(R[0].Capture, nullptr);
  EXPECT_TRUE(R[0].Capture->capturesThis());
  EXPECT_EQ(T.textAt(R[0].Loc, 5), "tok_)");
  EXPECT_TRUE(T.reaches("mark_kept").empty());
  EXPECT_TRUE(T.reaches("mark_star").empty());
}

TEST(CaptureAnalysisTest, RawPointersToFrameObjectsButNotToTheHeap) {
  Fixture T(R"cpp(
    void by_address(); void by_param(); void by_local_ptr(); void on_heap();
    void f(grpc::ClientContext *param) {
      grpc::ClientContext ctx;
      grpc::ClientContext *alias = &ctx;
      grpc::ClientContext *heap = new grpc::ClientContext;
      auto a = [p = &ctx] { by_address(); p->TryCancel(); };
      auto b = [param] { by_param(); param->TryCancel(); };
      auto c = [alias] { by_local_ptr(); alias->TryCancel(); };
      auto d = [heap] { on_heap(); heap->TryCancel(); };
      (void)a; (void)b; (void)c; (void)d;
    }
  )cpp");
  auto A = T.reaches("by_address");
  ASSERT_EQ(A.size(), 1u);
  EXPECT_EQ(name(A[0]), "ctx");
  EXPECT_EQ(A[0].Way, ReachWay::RawPointer);
  EXPECT_EQ(A[0].Info->Role, ContextRole::RequestContext);
  EXPECT_FALSE(A[0].CopyOwns);
  auto B = T.reaches("by_param");
  ASSERT_EQ(B.size(), 1u);
  EXPECT_EQ(name(B[0]), "param");
  EXPECT_EQ(B[0].Way, ReachWay::RawPointer);
  auto C = T.reaches("by_local_ptr");
  ASSERT_EQ(C.size(), 1u);
  EXPECT_EQ(name(C[0]), "ctx");
  EXPECT_TRUE(T.reaches("on_heap").empty());
}

TEST(CaptureAnalysisTest, NonOwningHandleIntoALocalSource) {
  Fixture T(R"cpp(
    void init_capture(); void copied(); void from_param();
    void f(unifex::inplace_stop_token given) {
      unifex::inplace_stop_source src;
      unifex::inplace_stop_token tok = src.get_token();
      auto a = [t = src.get_token()] { init_capture(); (void)t.stop_requested(); };
      auto b = [tok] { copied(); (void)tok.stop_requested(); };
      auto c = [given] { from_param(); (void)given.stop_requested(); };
      (void)a; (void)b; (void)c;
    }
  )cpp");
  auto A = T.reaches("init_capture");
  ASSERT_EQ(A.size(), 1u);
  EXPECT_EQ(A[0].Way, ReachWay::NonOwningHandle);
  EXPECT_EQ(name(A[0]), "t");
  ASSERT_NE(A[0].Source, nullptr);
  EXPECT_EQ(A[0].Source->getName(), "src");
  ASSERT_NE(A[0].SourceInfo, nullptr);
  EXPECT_EQ(A[0].SourceInfo->Role, ContextRole::CancelSource);
  EXPECT_EQ(A[0].Info->Copy, CopySemantics::PointsIntoSource);
  auto B = T.reaches("copied");
  ASSERT_EQ(B.size(), 1u);
  EXPECT_EQ(name(B[0]), "tok");
  EXPECT_EQ(B[0].Source, A[0].Source);
  // Where a parameter's handle points is not known here.
  EXPECT_TRUE(T.reaches("from_param").empty());
}

TEST(CaptureAnalysisTest, SharedPtrOfAContextCopiesOwnershipOtherWrappersNot) {
  Fixture T(R"cpp(
    void f(std::shared_ptr<grpc::ClientContext> shared, grpc::ClientContext &plain,
           std::stop_callback<void (*)()> &cb) {
      auto l = [&shared, &plain, &cb] { shared->TryCancel(); plain.TryCancel(); (void)cb; };
    }
  )cpp");
  auto R = T.reaches();
  ASSERT_EQ(R.size(), 3u);
  EXPECT_EQ(name(R[0]), "shared");
  EXPECT_EQ(R[0].Info->Role, ContextRole::RequestContext);
  EXPECT_TRUE(R[0].CopyOwns);
  EXPECT_EQ(name(R[1]), "plain");
  EXPECT_FALSE(R[1].CopyOwns);
  EXPECT_EQ(name(R[2]), "cb");
  EXPECT_EQ(R[2].Info->Role, ContextRole::StopCallback);
  EXPECT_FALSE(R[2].CopyOwns);
}

TEST(CaptureAnalysisTest, FrameObjectsAndStaticStorage) {
  Fixture T(R"cpp(
    std::stop_source global;
    void f(std::stop_token param, std::stop_token &ref_param) {
      std::stop_source local;
      static std::stop_source kept;
      std::stop_source &to_local = local;
      std::stop_source &to_global = global;
      auto l = [&to_global] { (void)to_global.request_stop(); };
      (void)l; (void)kept; (void)to_local;
    }
  )cpp");
  EXPECT_TRUE(isFrameObject(T.var("param")));
  EXPECT_TRUE(isFrameObject(T.var("ref_param")));
  EXPECT_TRUE(isFrameObject(T.var("local")));
  EXPECT_TRUE(isFrameObject(T.var("to_local")));
  EXPECT_FALSE(isFrameObject(T.var("global")));
  EXPECT_FALSE(isFrameObject(T.var("kept")));
  EXPECT_FALSE(isFrameObject(T.var("to_global")));
  EXPECT_FALSE(isFrameObject(nullptr));
  // A reference to an object of static storage reaches nothing that dies.
  EXPECT_TRUE(T.reaches().empty());
}

TEST(CaptureAnalysisTest, BoundReferencesOnlyForContextFrameObjects) {
  Fixture T(R"cpp(
    std::stop_token global;
    template <class... A> void consume(A &&...);
    void f(std::stop_token tok, std::stop_source src) {
      int n = 0;
      consume(std::ref(tok), 1, std::cref(src), std::ref(n), std::ref(global),
              std::ref(tok), tok);
    }
  )cpp");
  auto Ms = match(callExpr(callee(functionDecl(hasName("consume")))).bind("c"),
                  T.ctx());
  ASSERT_EQ(Ms.size(), 1u);
  const auto *C = Ms[0].getNodeAs<CallExpr>("c");
  llvm::SmallVector<const Expr *, 8> Args(C->arg_begin(), C->arg_end());
  auto R = findBoundReferences(Args, T.Model, T.ctx());
  // One entry per object; n is no context object, global does not die,
  // the plain 'tok' is a copy.
  ASSERT_EQ(R.size(), 2u);
  EXPECT_EQ(name(R[0]), "tok");
  EXPECT_EQ(R[0].Way, ReachWay::BoundByReference);
  ASSERT_NE(R[0].BoundRef, nullptr);
  EXPECT_EQ(T.textAt(R[0].Loc, 13), "std::ref(tok)");
  EXPECT_TRUE(R[0].CopyOwns);
  EXPECT_EQ(name(R[1]), "src");
  EXPECT_EQ(T.textAt(R[1].Loc, 14), "std::cref(src)");
}

TEST(CaptureAnalysisTest, UsesOfVariablesAndMembersInSourceOrder) {
  Fixture T(R"cpp(
    struct S {
      std::stop_token tok_;
      void g(std::stop_token tok) {
        auto l = [&] {
          use(tok); use(tok_); use(this->tok_);
          struct Local { std::stop_token tok_; void h() { use(tok_); } };
          use(tok);
        };
        (void)l;
      }
    };
  )cpp");
  const LambdaExpr *L = T.lambda();
  ASSERT_NE(L, nullptr);
  auto Fields =
      match(fieldDecl(hasName("tok_"), hasParent(cxxRecordDecl(hasName("S"))))
                .bind("f"),
            T.ctx());
  ASSERT_EQ(Fields.size(), 1u);
  const auto *Field = Fields[0].getNodeAs<FieldDecl>("f");
  auto Vars = usesOf(T.var("tok"), L->getBody());
  ASSERT_EQ(Vars.size(), 2u);
  EXPECT_TRUE(isa<DeclRefExpr>(Vars[0]));
  EXPECT_LT(Vars[0]->getBeginLoc().getRawEncoding(),
            Vars[1]->getBeginLoc().getRawEncoding());
  // The local class's own member is not S::tok_.
  auto Members = usesOf(Field, L->getBody());
  ASSERT_EQ(Members.size(), 2u);
  EXPECT_TRUE(isa<MemberExpr>(Members[0]));
  EXPECT_EQ(T.textAt(Members[1]->getBeginLoc(), 10), "this->tok_");
}

TEST(CaptureAnalysisTest, ClassifyCopyUseCategories) {
  Fixture T(R"cpp(
    struct Holder { Holder(const std::stop_source &); };
    struct Grabber { Grabber(std::stop_source &); };
    bool cmp(const std::stop_token &, const std::stop_token &);
    void take_src(std::stop_source);
    void take_src_ref(std::stop_source &);
    void f(std::stop_token tok, std::stop_source src) {
      auto l = [&] {
        (void)tok.stop_requested();                  // 0 Read
        use(tok);                                    // 1 Read
        use_cref(tok);                               // 2 Read
        use_ref(tok);                                // 3 Other
        const std::stop_token &r = tok; (void)r;     // 4 Read
        std::stop_token &w = tok; (void)w;           // 5 Other
        std::stop_token *p = &tok; (void)p;          // 6 Other
        tok = std::stop_token();                     // 7 Other
        (void)cmp(tok, tok);                         // 8, 9 Read
        return tok;                                  // 10 Read
      };
      auto m = [&] {
        (void)src.request_stop();                    // 0 NonConstCall
        std::stop_source other;
        src.swap(other);                             // 1 NonConstCall
        (void)src.get_token();                       // 2 Read
        take_src(src);                               // 3 Read
        take_src_ref(src);                           // 4 Other
        Holder h(src);                               // 5 Read
        Grabber g(src);                              // 6 Other
      };
      (void)l; (void)m;
    }
  )cpp");
  ParentIndex P(T.ctx());
  auto Ls = match(lambdaExpr().bind("l"), T.ctx());
  ASSERT_EQ(Ls.size(), 2u);
  const auto *L0 = Ls[0].getNodeAs<LambdaExpr>("l");
  const auto *L1 = Ls[1].getNodeAs<LambdaExpr>("l");
  if (L1->getBeginLoc() < L0->getBeginLoc())
    std::swap(L0, L1);

  auto Classify = [&](const ValueDecl *D, const LambdaExpr *L) {
    std::vector<CopyUse> Out;
    for (const Expr *U : usesOf(D, L->getBody()))
      Out.push_back(classifyCopyUse(U, P));
    return Out;
  };
  using U = CopyUse;
  EXPECT_EQ(Classify(T.var("tok"), L0),
            (std::vector<CopyUse>{U::Read, U::Read, U::Read, U::Other, U::Read,
                                  U::Other, U::Other, U::Other, U::Read,
                                  U::Read, U::Read}));
  // request_stop() is const in libstdc++ 12, non-const by the standard.
  EXPECT_EQ(Classify(T.var("src"), L1),
            (std::vector<CopyUse>{U::NonConstCall, U::NonConstCall, U::Read,
                                  U::Read, U::Other, U::Read, U::Other}));
}

TEST(CaptureAnalysisTest, LambdaOfSeesThroughMovesWrappersAndNamedLambdas) {
  Fixture T(R"cpp(
    template <class F> struct function { function(F); };
    template <class F> void run(F &&) {}
    void f() {
      auto named = [] {};
      run(named);
      run(std::move(named));
      run(function<int>(1));
      run([] {});
    }
  )cpp");
  auto Ms =
      match(callExpr(callee(functionDecl(hasName("run")))).bind("c"), T.ctx());
  ASSERT_EQ(Ms.size(), 4u);
  int Found = 0;
  for (const auto &M : Ms)
    Found += lambdaOf(M.getNodeAs<CallExpr>("c")->getArg(0)) != nullptr;
  EXPECT_EQ(Found, 3);
  EXPECT_EQ(lambdaOf(nullptr), nullptr);
}

TEST(CaptureAnalysisTest, SharedFromThisOfAnotherObjectDoesNotKeepThisAlive) {
  Fixture T(R"cpp(
    class Session : public std::enable_shared_from_this<Session> {
      std::stop_token tok_;
      std::shared_ptr<Session> peer_;
      void start() {
        auto l = [this, keep = peer_->shared_from_this()] { use(tok_); };
        (void)l;
      }
    };
  )cpp");
  auto R = T.reaches();
  ASSERT_EQ(R.size(), 1u);
  EXPECT_EQ(name(R[0]), "tok_");
  EXPECT_EQ(R[0].Way, ReachWay::ThroughThis);
}

TEST(CaptureAnalysisTest, ReferenceToAMemberOfAGlobalIsNoFrameObject) {
  Fixture T(R"cpp(
    struct Service { std::stop_source stop; };
    Service g_service;
    void f() {
      std::stop_source &alias = g_service.stop;
      auto l = [&alias] { (void)alias.request_stop(); };
      (void)l;
    }
  )cpp");
  EXPECT_FALSE(isFrameObject(T.var("alias")));
  EXPECT_TRUE(T.reaches().empty());
}

} // namespace

TEST(CaptureAnalysisTest, EndsWithFunctionForLocalsAndReceivedReferences) {
  Fixture T(R"cpp(
    struct Service {
      std::stop_source member;
      void f(std::stop_source by_value, std::stop_source &received) {
        std::stop_source local;
        std::stop_source &to_local = local;
        std::stop_source &to_received = received;
        std::stop_source &to_member = member;
        static std::stop_source kept;
        std::stop_source &to_static = kept;
      }
    };
    std::stop_source global;
  )cpp");
  for (const char *Name :
       {"by_value", "received", "local", "to_local", "to_received"})
    EXPECT_TRUE(endsWithFunction(T.var(Name))) << Name;
  for (const char *Name : {"to_member", "kept", "to_static", "global"})
    EXPECT_FALSE(endsWithFunction(T.var(Name))) << Name;
  auto Member = match(fieldDecl(hasName("member")).bind("m"), T.ctx());
  ASSERT_EQ(Member.size(), 1u);
  EXPECT_FALSE(endsWithFunction(Member[0].getNodeAs<FieldDecl>("m")));
  EXPECT_FALSE(endsWithFunction(nullptr));
}
