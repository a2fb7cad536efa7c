//===--- ContextModelTest.cpp - ctx-tidy unit tests -----------------------===//

#include "lib/ContextModel.h"
#include "TestAST.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::ctx;
using namespace clang::tidy::ctx::test;

namespace {

std::unique_ptr<TestAST> parse(llvm::StringRef Code, bool StandIns = true) {
  auto AST = std::make_unique<TestAST>(
      Code, TestAST::Options{"-std=c++20", StandIns, {}});
  EXPECT_TRUE(AST->compiled()) << AST->errors();
  return AST;
}

/// The type of the variable named \p Name.
QualType typeOfVar(TestAST &AST, llvm::StringRef Name) {
  const VarDecl *V = AST.var(Name);
  return V ? V->getType() : QualType();
}

const CXXMethodDecl *method(TestAST &AST, llvm::StringRef Qualified) {
  auto Matches =
      match(cxxMethodDecl(hasName(Qualified)).bind("m"), AST.context());
  return Matches.empty() ? nullptr : Matches[0].getNodeAs<CXXMethodDecl>("m");
}

TEST(ContextModelTest, ClassifiesCatalogueTypesThroughAliases) {
  auto AST = parse(R"cpp(
    using Tok = const std::stop_token;
    typedef std::stop_source Src;
    void f(Tok &t) {
      std::stop_token a; Tok &b = a; Src c; int d;
      std::stop_callback<void (*)()> e(a, nullptr);
    }
  )cpp");
  ASSERT_TRUE(AST);
  ContextModel M;
  ASTContext &Ctx = AST->context();
  const ContextTypeInfo *A = M.classify(typeOfVar(*AST, "a"), Ctx);
  ASSERT_NE(A, nullptr);
  EXPECT_EQ(A->Role, ContextRole::Token);
  EXPECT_EQ(A->Copy, CopySemantics::OwnsState);
  EXPECT_EQ(M.classify(typeOfVar(*AST, "b"), Ctx), A);
  const ContextTypeInfo *C = M.classify(typeOfVar(*AST, "c"), Ctx);
  ASSERT_NE(C, nullptr);
  EXPECT_EQ(C->Role, ContextRole::CancelSource);
  EXPECT_EQ(M.cancelExpression(*C, "c"), "c.request_stop()");
  EXPECT_EQ(M.classify(typeOfVar(*AST, "d"), Ctx), nullptr);
  const ContextTypeInfo *E = M.classify(typeOfVar(*AST, "e"), Ctx);
  ASSERT_NE(E, nullptr);
  EXPECT_EQ(E->Role, ContextRole::StopCallback);
}

TEST(ContextModelTest, SeesThroughUsingDeclarationsOfDetailNamespaces) {
  auto AST = parse(R"cpp(
    void f() { tbb::task_group_context g; oneapi::tbb::task_group_context h; }
  )cpp");
  ASSERT_TRUE(AST);
  ContextModel M;
  ASTContext &Ctx = AST->context();
  const ContextTypeInfo *G = M.classify(typeOfVar(*AST, "g"), Ctx);
  ASSERT_NE(G, nullptr);
  EXPECT_EQ(G->Name, "tbb::task_group_context");
  EXPECT_TRUE(G->TokenIsSelf);
  EXPECT_EQ(M.classify(typeOfVar(*AST, "h"), Ctx), G);
  EXPECT_TRUE(M.isCancelMethod(
      method(*AST,
             "tbb::detail::d1::task_group_context::cancel_group_execution"),
      Ctx));
}

TEST(ContextModelTest, PointersAreNotClassifiedButFoundInside) {
  auto AST = parse(R"cpp(
    struct Entry { int id; std::stop_token tok; };
    void f(std::stop_token *p, std::optional<std::stop_source> o,
           std::shared_ptr<Entry> s, std::reference_wrapper<std::stop_token> r,
           int n) {}
  )cpp");
  ASSERT_TRUE(AST);
  ContextModel M;
  ASTContext &Ctx = AST->context();
  EXPECT_EQ(M.classify(typeOfVar(*AST, "p"), Ctx), nullptr);
  ContextModel::Nested P = M.findInside(typeOfVar(*AST, "p"), Ctx);
  ASSERT_NE(P.Info, nullptr);
  EXPECT_TRUE(P.NonOwning);
  ContextModel::Nested O = M.findInside(typeOfVar(*AST, "o"), Ctx);
  ASSERT_NE(O.Info, nullptr);
  EXPECT_EQ(O.Info->Role, ContextRole::CancelSource);
  EXPECT_FALSE(O.NonOwning);
  ContextModel::Nested S = M.findInside(typeOfVar(*AST, "s"), Ctx);
  ASSERT_NE(S.Info, nullptr);
  EXPECT_EQ(S.Info->Role, ContextRole::Token);
  EXPECT_TRUE(M.findInside(typeOfVar(*AST, "r"), Ctx).NonOwning);
  EXPECT_EQ(M.findInside(typeOfVar(*AST, "n"), Ctx).Info, nullptr);
}

TEST(ContextModelTest, UserOptionsExtendTheCatalogue) {
  auto AST = parse(R"cpp(
    namespace my { struct Source { void stop(); int token(); };
                   struct Tok {}; }
    void f() { my::Source s; my::Tok t; std::stop_source builtin; }
  )cpp");
  ASSERT_TRUE(AST);
  ContextModel M;
  M.addType(ContextRole::CancelSource, "my::Source");
  M.addType(ContextRole::Token, "::my::Tok");
  M.addCancelMethod("my::Source::stop");
  M.addTokenMethod("my::Source::token");
  ASTContext &Ctx = AST->context();
  const ContextTypeInfo *S = M.classify(typeOfVar(*AST, "s"), Ctx);
  ASSERT_NE(S, nullptr);
  EXPECT_EQ(S->Role, ContextRole::CancelSource);
  EXPECT_EQ(M.cancelExpression(*S, "s"), "s.stop()");
  EXPECT_TRUE(M.isCancelMethod(method(*AST, "my::Source::stop"), Ctx));
  EXPECT_TRUE(M.isTokenMethod(method(*AST, "my::Source::token"), Ctx));
  ASSERT_NE(M.classify(typeOfVar(*AST, "t"), Ctx), nullptr);
  // The built-in entries are still there.
  ASSERT_NE(M.classify(typeOfVar(*AST, "builtin"), Ctx), nullptr);
}

TEST(ContextModelTest, ReadsAnnotations) {
  auto AST = parse(R"cpp(
    namespace app {
    class [[clang::annotate("ctx::cancel_source")]] Ctx {
    public:
      Ctx();
      Ctx(const Ctx &) = delete;
      [[clang::annotate("ctx::cancel")]] void cancel();
      [[clang::annotate("ctx::get_token")]] int done() const;
    };
    struct [[clang::annotate("ctx::token")]] Done {};
    [[clang::annotate("ctx::cancel_factory")]] int with_timeout(int);
    }
    void f() { app::Ctx c; app::Done d; }
  )cpp");
  ASSERT_TRUE(AST);
  ContextModel M;
  ASTContext &Ctx = AST->context();
  const ContextTypeInfo *C = M.classify(typeOfVar(*AST, "c"), Ctx);
  ASSERT_NE(C, nullptr);
  EXPECT_EQ(C->Role, ContextRole::CancelSource);
  EXPECT_EQ(C->Copy, CopySemantics::NotCopyable);
  EXPECT_EQ(M.cancelExpression(*C, "c"), "c.cancel()");
  EXPECT_TRUE(M.isTokenMethod(method(*AST, "app::Ctx::done"), Ctx));
  ASSERT_NE(M.classify(typeOfVar(*AST, "d"), Ctx), nullptr);
  auto F = match(functionDecl(hasName("with_timeout")).bind("f"), Ctx);
  ASSERT_FALSE(F.empty());
  EXPECT_TRUE(M.isCancelFactory(F[0].getNodeAs<FunctionDecl>("f"), Ctx));
}

TEST(ContextModelTest, SeesThroughInlineNamespaces) {
  // libc++ declares the standard library in std::__1.
  auto AST = parse(R"cpp(
    namespace std { inline namespace __1 {
    class stop_token {};
    class stop_source { public: stop_token get_token() const; };
    } }
    void f() { std::stop_token t; std::__1::stop_source s; }
  )cpp",
                   /*StandIns=*/false);
  ContextModel M;
  ASTContext &Ctx = AST->context();
  const ContextTypeInfo *T = M.classify(typeOfVar(*AST, "t"), Ctx);
  ASSERT_NE(T, nullptr);
  EXPECT_EQ(T->Name, "std::stop_token");
  const ContextTypeInfo *S = M.classify(typeOfVar(*AST, "s"), Ctx);
  ASSERT_NE(S, nullptr);
  EXPECT_EQ(S->Role, ContextRole::CancelSource);
}

TEST(ContextModelTest, LibraryTypesOfTheCatalogue) {
  auto AST = parse(R"cpp(
    struct MyPool : boost::asio::thread_pool {};
    void f(std::thread &t, std::jthread j, std::vector<std::thread> ts,
           std::vector<int> ns, std::deque<std::jthread> js,
           pplx::task<int> task, std::shared_ptr<int> sp, std::thread *tp,
           MyPool &pool, std::reference_wrapper<int> ref,
           std::pair<int, int> pr, std::stop_source src) {
      (void)src.request_stop();
      src.swap(src);
      (void)src.stop_requested();
    }
  )cpp");
  ASTContext &Ctx = AST->context();
  EXPECT_TRUE(hasLibraryRole(typeOfVar(*AST, "t"), LibraryRole::Thread))
      << "references looked through";
  EXPECT_TRUE(hasLibraryRole(typeOfVar(*AST, "j"), LibraryRole::Thread));
  EXPECT_FALSE(hasLibraryRole(typeOfVar(*AST, "tp"), LibraryRole::Thread))
      << "not pointers";
  EXPECT_TRUE(isThreadContainer(typeOfVar(*AST, "ts")));
  EXPECT_TRUE(isThreadContainer(typeOfVar(*AST, "js")));
  EXPECT_FALSE(isThreadContainer(typeOfVar(*AST, "ns")));
  EXPECT_TRUE(hasLibraryRole(typeOfVar(*AST, "task"), LibraryRole::Task));
  EXPECT_TRUE(
      hasLibraryRole(typeOfVar(*AST, "sp"), LibraryRole::SharedPointer));
  EXPECT_TRUE(hasLibraryRole(typeOfVar(*AST, "pr"), LibraryRole::Tuple));
  const LibraryTypeInfo *Ref = libraryTypeOf(typeOfVar(*AST, "ref"));
  ASSERT_NE(Ref, nullptr);
  EXPECT_EQ(Ref->Role, LibraryRole::NonOwningWrapper);
  EXPECT_EQ(llvm::StringRef(Ref->Link), "std::reference_wrapper");
  const CXXRecordDecl *Pool =
      typeOfVar(*AST, "pool").getNonReferenceType()->getAsCXXRecordDecl();
  EXPECT_FALSE(hasLibraryRole(typeOfVar(*AST, "pool"), LibraryRole::Executor))
      << "a user's class is not in the catalogue";
  EXPECT_TRUE(derivesFromLibraryRole(Pool, LibraryRole::Executor))
      << "but derives from an executor";
  EXPECT_EQ(libraryTypeNames(LibraryRole::Thread),
            (std::vector<std::string>{"::std::thread", "::std::jthread"}));
  EXPECT_TRUE(
      isNonConstByStandard(method(*AST, "std::stop_source::request_stop")));
  EXPECT_TRUE(isNonConstByStandard(method(*AST, "std::stop_source::swap")));
  EXPECT_FALSE(
      isNonConstByStandard(method(*AST, "std::stop_source::stop_requested")));
  (void)Ctx;
}

TEST(ContextModelTest, ValidatesQualifiedNames) {
  EXPECT_TRUE(isValidQualifiedName("std::stop_token"));
  EXPECT_TRUE(isValidQualifiedName("::my::Tok_2"));
  EXPECT_TRUE(isValidQualifiedName("Plain"));
  EXPECT_FALSE(isValidQualifiedName("ns::"));
  EXPECT_FALSE(isValidQualifiedName("my ns::Tok"));
  EXPECT_FALSE(isValidQualifiedName("a::::b"));
  EXPECT_FALSE(isValidQualifiedName("2x"));
  EXPECT_FALSE(isValidQualifiedName(""));
}

} // namespace

namespace {

TEST(ContextModelTest, KnowsHowEachTokenIsAsked) {
  auto AST = parse(R"cpp(
    namespace my { struct Tok { bool cancelled() const; }; }
    namespace app {
    struct [[clang::annotate("ctx::token")]] Done {
      [[clang::annotate("ctx::observe")]] bool is_done() const;
    };
    struct [[clang::annotate("ctx::token")]] Plain {};
    }
    void f() { std::stop_token st; tbb::task_group_context g; my::Tok t;
               app::Done d; app::Plain p; }
  )cpp");
  ASSERT_TRUE(AST);
  ContextModel M;
  M.addType(ContextRole::Token, "my::Tok");
  M.addObserveMethod("my::Tok::cancelled");
  ASTContext &Ctx = AST->context();
  auto Observe = [&](llvm::StringRef Var, bool Pointer = false) {
    const ContextTypeInfo *I = M.classify(typeOfVar(*AST, Var), Ctx);
    return I ? M.observeExpression(*I, Var, Pointer) : std::string("?");
  };
  EXPECT_EQ(Observe("st"), "st.stop_requested()");
  EXPECT_EQ(Observe("g", true), "g->is_group_execution_cancelled()");
  EXPECT_EQ(Observe("t"), "t.cancelled()") << "by the ObserveMethods option";
  EXPECT_EQ(Observe("d"), "d.is_done()") << "by the CTX_OBSERVE annotation";
  EXPECT_EQ(Observe("p"), "") << "a token with no known query";
}

TEST(ContextModelTest, KnowsWhichStreamCallsEndOnCancel) {
  // The shape of grpcpp/support/sync_stream.h: Write is declared in an
  // internal base, the streams derive from the server interfaces; client
  // streams share the base but not the server interfaces.
  auto AST = parse(R"cpp(
    namespace grpc {
    namespace internal {
    template <class R> class ReaderInterface {
    public: virtual bool Read(R *msg) = 0; };
    template <class W> class WriterInterface {
    public: virtual bool Write(const W &msg, int options) = 0;
            bool Write(const W &msg) { return Write(msg, 0); } };
    }
    template <class R> class ServerReaderInterface
        : public internal::ReaderInterface<R> {};
    template <class W> class ServerWriterInterface
        : public internal::WriterInterface<W> {};
    template <class R> class ServerReader final
        : public ServerReaderInterface<R> { public: bool Read(R *) override; };
    template <class W> class ServerWriter final
        : public ServerWriterInterface<W> {
    public: bool Write(const W &, int) override; using internal::WriterInterface<W>::Write; };
    template <class W> class ClientWriter final
        : public internal::WriterInterface<W> {
    public: bool Write(const W &, int) override; using internal::WriterInterface<W>::Write; };
    }
    struct Note {};
    struct MyStream { bool Read(Note *); };
    void f(grpc::ServerReader<Note> *reader, grpc::ServerWriter<Note> *writer,
           grpc::ClientWriter<Note> *client, MyStream &mine) {
      Note n;
      reader->Read(&n);
      writer->Write(n);
      writer->Write(n, 1);
      client->Write(n);
      mine.Read(&n);
    }
  )cpp",
                   /*StandIns=*/false);
  ASSERT_TRUE(AST);
  ASSERT_TRUE(AST->compiled()) << AST->errors();
  ContextModel M;
  ASTContext &Ctx = AST->context();
  auto Fs = match(functionDecl(hasName("f"), isDefinition()).bind("f"), Ctx);
  ASSERT_EQ(Fs.size(), 1u);
  auto Calls = match(stmt(forEachDescendant(cxxMemberCallExpr().bind("c"))),
                     *Fs[0].getNodeAs<FunctionDecl>("f")->getBody(), Ctx);
  std::vector<bool> Ends;
  for (const BoundNodes &B : Calls)
    Ends.push_back(
        M.returnsFalseOnceCancelled(B.getNodeAs<CXXMemberCallExpr>("c"), Ctx));
  // Write(n) is declared in the internal base: the object's class decides.
  // A client stream and a user's own Read do not end on a server's cancel.
  std::vector<bool> Expected = {true, true, true, false, false};
  EXPECT_EQ(Ends, Expected);
}

TEST(ContextModelTest, IndirectionsAreLookedThrough) {
  auto AST = parse(R"cpp(
    void f(std::stop_token tok, std::stop_token &ref, std::stop_token *ptr,
           std::stop_token *&ref_to_ptr, std::stop_token (&arr)[2],
           std::stop_token *ptrs[3]) {}
  )cpp");
  ASSERT_TRUE(AST);
  ASSERT_TRUE(AST->compiled()) << AST->errors();
  auto Through = [&](llvm::StringRef Name, TypeLink &First) {
    return lookThroughIndirection(AST->var(Name)->getType(), First);
  };
  const QualType Token = AST->var("tok")->getType().getCanonicalType();
  TypeLink First = TypeLink::Pointer;
  EXPECT_EQ(Through("tok", First), Token);
  EXPECT_EQ(First, TypeLink::None);
  EXPECT_EQ(Through("ref", First), Token);
  EXPECT_EQ(First, TypeLink::Reference);
  EXPECT_EQ(Through("ptr", First), Token);
  EXPECT_EQ(First, TypeLink::Pointer);
  EXPECT_EQ(Through("ref_to_ptr", First), Token);
  EXPECT_EQ(First, TypeLink::Reference) << "the first link is the one named";
  EXPECT_EQ(Through("arr", First), Token);
  EXPECT_EQ(First, TypeLink::Reference) << "the array itself owns";
  EXPECT_EQ(Through("ptrs", First), Token)
      << "a parameter array decays to a pointer";
  EXPECT_EQ(First, TypeLink::Pointer);
}

TEST(ContextModelTest, DependentStreamCallsAreTakenByName) {
  auto AST = parse(R"cpp(
    struct Note {};
    template <class S> void f(S *stream, Note &n) {
      stream->Read(&n);
      stream->Write(n);
      stream->Finish();
    }
  )cpp",
                   /*StandIns=*/false);
  ASSERT_TRUE(AST);
  ASSERT_TRUE(AST->compiled()) << AST->errors();
  ContextModel M;
  ASTContext &Ctx = AST->context();
  auto Calls =
      match(functionTemplateDecl(
                hasName("f"),
                has(functionDecl(forEachDescendant(callExpr().bind("c"))))),
            Ctx);
  std::vector<bool> Ends;
  for (const BoundNodes &B : Calls)
    Ends.push_back(
        M.returnsFalseOnceCancelled(B.getNodeAs<CallExpr>("c"), Ctx));
  // Only the names of the streams' calls that end on a cancel.
  std::vector<bool> Expected = {true, true, false};
  EXPECT_EQ(Ends, Expected);
  EXPECT_FALSE(M.returnsFalseOnceCancelled(nullptr, Ctx));
}

TEST(ContextModelTest, KnowsConditionVariableWaits) {
  auto AST = parse(R"cpp(
    namespace std {
    class stop_token {};
    inline namespace _V2 {
    class condition_variable {
    public:
      void wait(int &);
      template <class P> void wait(int &, P);
      template <class D> int wait_for(int &, const D &);
      template <class D> int wait_until(int &, const D &);
      void notify_one();
    };
    }
    }
    struct MyCondition { void wait(int &); };
  )cpp",
                   /*StandIns=*/false);
  ASSERT_TRUE(AST);
  EXPECT_EQ(conditionWaitOf(method(*AST, "std::condition_variable::wait")),
            ConditionWait::Untimed);
  EXPECT_EQ(conditionWaitOf(method(*AST, "std::condition_variable::wait_for")),
            ConditionWait::Timed);
  EXPECT_EQ(
      conditionWaitOf(method(*AST, "std::condition_variable::wait_until")),
      ConditionWait::Timed);
  EXPECT_EQ(
      conditionWaitOf(method(*AST, "std::condition_variable::notify_one")),
      ConditionWait::None);
  EXPECT_EQ(conditionWaitOf(method(*AST, "MyCondition::wait")),
            ConditionWait::None)
      << "a wait of a type outside the catalogue";
  EXPECT_EQ(conditionWaitOf(nullptr), ConditionWait::None);

  ContextModel M;
  const ContextTypeInfo *StopToken = nullptr;
  const ContextTypeInfo *Folly = nullptr;
  for (const auto &E : M.entries()) {
    if (E->Name == "std::stop_token")
      StopToken = E.get();
    if (E->Name == "folly::CancellationToken")
      Folly = E.get();
  }
  ASSERT_TRUE(StopToken && Folly);
  EXPECT_EQ(tokenAwareConditionVariable(*StopToken),
            "std::condition_variable_any");
  EXPECT_EQ(tokenAwareConditionVariable(*Folly), "");
}

TEST(ContextModelTest, KnowsTimeBounds) {
  auto AST = parse(R"cpp(
    namespace std::chrono {
    template <class R, class P = void> class duration {};
    template <class C, class D = void> class time_point {};
    using milliseconds = duration<long>;
    }
    namespace absl { inline namespace lts { class Duration {}; class Time {}; } }
    struct Timeout {};
    std::chrono::milliseconds ms;
    const std::chrono::time_point<int> &deadline = {};
    absl::Duration d;
    absl::Time t;
    Timeout other;
  )cpp",
                   /*StandIns=*/false);
  ASSERT_TRUE(AST);
  for (const char *Var : {"ms", "deadline", "d", "t"})
    EXPECT_TRUE(hasLibraryRole(typeOfVar(*AST, Var), LibraryRole::TimeBound))
        << Var;
  EXPECT_FALSE(
      hasLibraryRole(typeOfVar(*AST, "other"), LibraryRole::TimeBound));
}

// The cancellation chain.

const char *const ChainLibrary = R"cpp(
namespace ctxlib {
struct [[clang::annotate("ctx::context")]] Context {
  static Context background();
  Context with_value(int k, int v) const;
};
Context with_value(const Context &, int, int);
[[clang::annotate("ctx::derives")]] Context with_deadline(const Context &, int);
std::pair<Context, std::function<void()>> with_cancel(const Context &);
Context unrelated(const Context &);
} // namespace ctxlib
)cpp";

TEST(ContextModelTest, KnowsWhichCallsDeriveAndWhichAreRoots) {
  clang::tidy::ctx::test::TestAST AST(std::string(ChainLibrary) + R"cpp(
    void f(folly::CancellationToken a, folly::CancellationToken b,
           ctxlib::Context c, grpc::ServerContext *sc,
           grpc::CallbackServerContext *cb) {
      (void)folly::CancellationToken::merge(a, b);
      (void)folly::cancellation_token_merge(a, b);
      (void)pplx::cancellation_token::none();
      (void)grpc::ClientContext::FromServerContext(*sc);
      (void)grpc::ClientContext::FromCallbackServerContext(*cb);
      (void)ctxlib::with_value(c, 1, 2);
      (void)c.with_value(1, 2);
      (void)ctxlib::with_deadline(c, 1);
      (void)ctxlib::with_cancel(c);
      (void)ctxlib::Context::background();
      (void)ctxlib::unrelated(c);
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  ContextModel &M = AST.model();
  M.addDerivingFunction("ctxlib::with_value");
  M.addDerivingFunction("ctxlib::Context::with_value");
  M.addCancelFactory("ctxlib::with_cancel");
  M.addRootContext("ctxlib::Context::background");
  ASTContext &Ctx = AST.context();
  using CC = ContextModel::ChainCall;
  auto Kind = [&](llvm::StringRef Callee, unsigned N = 0) {
    const CallExpr *C = AST.call(Callee, N);
    EXPECT_NE(C, nullptr) << Callee.str();
    return C ? M.chainCallOf(C, Ctx) : CC::None;
  };
  EXPECT_EQ(Kind("merge"), CC::Derives) << "folly up to v2025.07.14.00";
  EXPECT_EQ(Kind("operator()"), CC::Derives)
      << "folly::cancellation_token_merge, a function object";
  EXPECT_EQ(Kind("none"), CC::Root);
  EXPECT_EQ(Kind("FromServerContext"), CC::Derives);
  EXPECT_EQ(Kind("FromCallbackServerContext"), CC::Derives);
  EXPECT_EQ(Kind("with_value", 0), CC::Derives) << "DerivingFunctions";
  EXPECT_EQ(Kind("with_value", 1), CC::Derives) << "a member function";
  EXPECT_EQ(Kind("with_deadline"), CC::Derives) << "CTX_DERIVES";
  EXPECT_EQ(Kind("with_cancel"), CC::Derives) << "a cancel factory";
  EXPECT_EQ(Kind("background"), CC::Root) << "RootContexts";
  EXPECT_EQ(Kind("unrelated"), CC::None);

  // What a derivation derives from: the object, then the arguments; not the
  // function object, not a defaulted argument.
  auto Parents = [&](llvm::StringRef Callee, unsigned N = 0) {
    return M.derivationParents(AST.call(Callee, N), Ctx).size();
  };
  EXPECT_EQ(Parents("operator()"), 2u);
  EXPECT_EQ(Parents("FromServerContext"), 1u);
  EXPECT_EQ(Parents("with_value", 1), 3u);
  EXPECT_EQ(Parents("unrelated"), 0u) << "not a derivation";
  const CallExpr *Member = AST.call("with_value", 1);
  EXPECT_EQ(M.derivationParents(Member, Ctx).front(),
            cast<CXXMemberCallExpr>(Member)->getImplicitObjectArgument());
}

TEST(ContextModelTest, KnowsWhichTokensAreNeverCancelled) {
  clang::tidy::ctx::test::TestAST AST(std::string(ChainLibrary) + R"cpp(
    namespace my { struct Tok {}; struct Src {}; }
    struct [[clang::annotate("ctx::token")]] Annotated {};
    struct Plain {};
    void f() {
      std::stop_token st; folly::CancellationToken ft;
      unifex::unstoppable_token ut; stdexec::never_stop_token nt;
      ctxlib::Context cx; my::Tok mt; my::Src ms; Annotated an; Plain pl;
      std::stop_source ss; grpc::ClientContext cc;
      (void)st; (void)ft; (void)ut; (void)nt; (void)cx; (void)mt; (void)ms;
      (void)an; (void)pl;
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  ContextModel &M = AST.model();
  M.addType(ContextRole::Token, "my::Tok");
  M.addType(ContextRole::CancelSource, "my::Src");
  ASTContext &Ctx = AST.context();
  auto Empty = [&](llvm::StringRef Var) {
    return M.isEmptyWhenDefaultConstructed(AST.var(Var)->getType(), Ctx);
  };
  EXPECT_TRUE(Empty("st"));
  EXPECT_TRUE(Empty("ft"));
  EXPECT_TRUE(Empty("ut")) << "never stops, whatever its value";
  EXPECT_TRUE(Empty("nt"));
  EXPECT_TRUE(Empty("cx")) << "a user context: a background context";
  EXPECT_TRUE(Empty("mt")) << "a user token";
  EXPECT_TRUE(Empty("an")) << "an annotated token";
  EXPECT_FALSE(Empty("ms")) << "a source is not a token";
  EXPECT_FALSE(Empty("pl"));
  EXPECT_FALSE(Empty("ss"));
  EXPECT_FALSE(Empty("cc")) << "a fresh gRPC client context is its own rule";
  EXPECT_TRUE(M.isNeverStoppingToken(AST.var("ut")->getType(), Ctx));
  EXPECT_TRUE(M.isNeverStoppingToken(AST.var("nt")->getType(), Ctx));
  EXPECT_FALSE(M.isNeverStoppingToken(AST.var("st")->getType(), Ctx));
  EXPECT_EQ(M.classify(AST.var("ut")->getType(), Ctx), nullptr)
      << "not a token of the catalogue: nothing observes it";
}

TEST(ContextModelTest, KnowsCallbackTypesAndChildContextFactories) {
  ContextModel M;
  llvm::StringMap<const ContextTypeInfo *> ByName;
  for (const auto &I : M.entries())
    ByName[I->Name] = I.get();
  EXPECT_EQ(ByName["std::stop_token"]->CallbackType, "std::stop_callback");
  EXPECT_EQ(ByName["folly::CancellationToken"]->CallbackType,
            "folly::CancellationCallback");
  EXPECT_EQ(ByName["cppcoro::cancellation_token"]->CallbackType,
            "cppcoro::cancellation_registration");
  EXPECT_EQ(ByName["stdexec::inplace_stop_token"]->CallbackType, "")
      << "no deduction guide: the declaration cannot be written";
  EXPECT_EQ(ByName["grpc::ServerContext"]->ChildContextFactory,
            "grpc::ClientContext::FromServerContext");
  EXPECT_EQ(ByName["grpc::CallbackServerContext"]->ChildContextFactory,
            "grpc::ClientContext::FromCallbackServerContext");
  EXPECT_EQ(ByName["grpc::ClientContext"]->ChildContextFactory, "");
  for (const auto &I : M.entries())
    EXPECT_EQ(I->DefaultIsEmpty, I->Role == ContextRole::Token) << I->Name;
}

TEST(ContextModelTest, KnowsDeadlinesAndStubs) {
  clang::tidy::ctx::test::TestAST AST(R"cpp(
    namespace orders {
    class OrderService {
    public:
      class Stub {
      public:
        grpc::Status GetOrder(grpc::ClientContext *, int, int *);
        class async {
        public:
          void GetOrder(grpc::ClientContext *, int);
        };
      };
    };
    class Stub {
    public:
      void Send(grpc::ClientContext *);
    };
    } // namespace orders
    void f(orders::OrderService::Stub &s, orders::OrderService::Stub::async &a,
           orders::Stub &o, grpc::TemplatedGenericStub<int, int> &g) {
      grpc::ClientContext ctx;
      int r = 0;
      ctx.set_deadline(5);
      ctx.TryCancel();
      (void)s.GetOrder(&ctx, 1, &r);
      a.GetOrder(&ctx, 1);
      o.Send(&ctx);
      (void)g.UnaryCall(&ctx, 1, &r);
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  const ContextModel &M = AST.model();
  auto Method = [&](llvm::StringRef Callee, unsigned N = 0) {
    return dyn_cast_or_null<CXXMethodDecl>(
        AST.call(Callee, N)->getDirectCallee());
  };
  EXPECT_TRUE(M.isDeadlineMethod(Method("set_deadline"), AST.context()));
  EXPECT_FALSE(M.isDeadlineMethod(Method("TryCancel"), AST.context()));
  EXPECT_TRUE(M.isStubMethod(Method("GetOrder", 0)));
  EXPECT_TRUE(M.isStubMethod(Method("GetOrder", 1))) << "Stub::async";
  EXPECT_FALSE(M.isStubMethod(Method("Send")))
      << "a class named Stub at namespace scope is not generated code";
  EXPECT_TRUE(M.isStubMethod(Method("UnaryCall")));
  EXPECT_FALSE(M.isStubMethod(Method("TryCancel")));
}

TEST(ContextModelTest, CallableBinders) {
  TestAST AST(R"cpp(
    namespace mine { template <class F, class... A> int bind(F &&, A &&...); }
    void work(int);
    void f() {
      (void)std::bind(work, 1);
      (void)std::bind_front(work, 2);
      (void)mine::bind(work, 3);
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  EXPECT_TRUE(isCallableBinder(AST.call("bind", 0)));
  EXPECT_TRUE(isCallableBinder(AST.call("bind_front", 0)));
  const CallExpr *Mine = AST.call("mine::bind", 0);
  ASSERT_NE(Mine, nullptr);
  EXPECT_FALSE(isCallableBinder(Mine)) << "only the standard's";
  EXPECT_FALSE(isCallableBinder(nullptr));
}

} // namespace
