//===--- OverloadsTest.cpp - ctx-tidy unit tests --------------------------===//

#include "lib/Overloads.h"
#include "TestAST.h"
#include "lib/ExprShapes.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::tidy::ctx;
using namespace clang::tidy::ctx::test;

namespace {

bool isStopToken(const ParmVarDecl *P) {
  return recordNameOf(P->getType()) == "std::stop_token";
}

/// The overloads of the callee of the \p N-th call to \p Callee that take a
/// std::stop_token more, as "signature@index" strings.
std::vector<std::string> tokenOverloads(const TestAST &AST,
                                        llvm::StringRef Callee, unsigned N = 0,
                                        llvm::StringRef Variant = "") {
  const CallExpr *Call = AST.call(Callee, N);
  EXPECT_NE(Call, nullptr) << Callee.str();
  if (!Call)
    return {};
  OverloadLookup L;
  L.Callee = Call->getDirectCallee();
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(Call))
    L.NamingClass = M->getRecordDecl();
  if (!Variant.empty())
    L.Name = DeclarationName(&AST.context().Idents.get(Variant));
  auto [Fn, Body] = AST.parents().enclosingBody(*Call);
  L.From = dyn_cast_or_null<DeclContext>(Fn);
  L.At = Call->getBeginLoc();
  std::vector<std::string> Out;
  for (const ExtendedOverload &O :
       overloadsWithOneMore(L, isStopToken, AST.context())) {
    std::string S = O.Function->getNameAsString() + "(";
    for (unsigned I = 0; I < O.Function->getNumParams(); ++I)
      S += (I ? ", " : "") +
           O.Function->getParamDecl(I)->getType().getAsString();
    Out.push_back(S + ")@" + std::to_string(O.ExtraIndex));
  }
  return Out;
}

using Strings = std::vector<std::string>;

TEST(OverloadsTest, FreeFunctionsOfTheSameNamespace) {
  TestAST AST(R"cpp(
    namespace net {
    void fetch(int url);
    void fetch(int url, std::stop_token tok);
    void fetch(std::stop_token tok, int url);
    void fetch(int url, std::stop_token tok, int retries);
    void fetch(long url, std::stop_token tok);
    void fetch(int url, folly::CancellationToken tok);
    }
    namespace other { void fetch(int url, std::stop_token tok); }
    void use() { net::fetch(1); }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  // One more parameter, the token, at any position; not another extra
  // parameter, another parameter type, another token type or another
  // namespace.
  EXPECT_EQ(tokenOverloads(AST, "fetch"),
            (Strings{"fetch(int, std::stop_token)@1",
                     "fetch(std::stop_token, int)@0"}));
}

TEST(OverloadsTest, DeclaredAfterTheCallOrDeletedIsNotFound) {
  TestAST AST(R"cpp(
    void fetch(int url);
    void fetch(int url, std::stop_token tok, int) = delete;
    void fetch(std::stop_token tok, int url) = delete;
    void use() { fetch(1); }
    void fetch(int url, std::stop_token tok);
    void later() { fetch(2); }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  EXPECT_EQ(tokenOverloads(AST, "fetch", 0), Strings{});
  EXPECT_EQ(tokenOverloads(AST, "fetch", 1),
            Strings{"fetch(int, std::stop_token)@1"});
}

TEST(OverloadsTest, ReturnTypeAndTypedefsDoNotMatter) {
  TestAST AST(R"cpp(
    using Url = int;
    void fetch(int url);
    bool fetch(Url url, const std::stop_token &tok);
    void use() { fetch(1); }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  EXPECT_EQ(tokenOverloads(AST, "fetch"),
            Strings{"fetch(Url, const std::stop_token &)@1"});
}

TEST(OverloadsTest, InheritedMembersUnlessHidden) {
  TestAST AST(R"cpp(
    struct Base {
      void read(int n);
      void read(int n, std::stop_token tok);
    };
    struct Derived : Base {};
    struct Hiding : Base { void read(int n); };
    struct Using : Base { using Base::read; void read(int n); };
    void use(Derived &d, Hiding &h, Using &u) {
      d.read(1);
      h.read(1);
      u.read(1);
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  EXPECT_EQ(tokenOverloads(AST, "read", 0),
            Strings{"read(int, std::stop_token)@1"});
  EXPECT_EQ(tokenOverloads(AST, "read", 1), Strings{})
      << "a derived class's read hides the base's";
  EXPECT_EQ(tokenOverloads(AST, "read", 2),
            Strings{"read(int, std::stop_token)@1"})
      << "a using-declaration brings them back";
}

TEST(OverloadsTest, OnlyAccessibleOverloads) {
  TestAST AST(R"cpp(
    class Conn {
    public:
      void read(int n);
      void pump(std::stop_token tok) { read(1); }
    private:
      void read(int n, std::stop_token tok);
    };
    class Base {
    public:
      void send(int n);
    protected:
      void send(int n, std::stop_token tok);
    };
    class Child : public Base {
      void run(std::stop_token tok) { send(1); }
    };
    class Hidden : private Base {
    public:
      using Base::send;
    };
    void outside(Conn &c, Child &d) {
      c.read(1);
      d.send(1);
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  EXPECT_EQ(tokenOverloads(AST, "read", 0),
            Strings{"read(int, std::stop_token)@1"})
      << "a private member from inside the class";
  EXPECT_EQ(tokenOverloads(AST, "send", 0),
            Strings{"send(int, std::stop_token)@1"})
      << "a protected member from a derived class";
  EXPECT_EQ(tokenOverloads(AST, "read", 1), Strings{})
      << "a private member from outside";
  EXPECT_EQ(tokenOverloads(AST, "send", 1), Strings{})
      << "a protected member from outside";
}

TEST(OverloadsTest, AccessThroughBases) {
  // lookupMember gives the access along the path; a private member of a
  // base cannot be used by the derived class at all.
  TestAST Derived(R"cpp(
    struct Base { void f(); private: void p(); };
    struct Pub : Base {};
    struct Priv : private Base {};
  )cpp");
  ASSERT_TRUE(Derived.compiled()) << Derived.errors();
  auto Record = [&](llvm::StringRef Name) -> const CXXRecordDecl * {
    for (const Decl *D : Derived.context().getTranslationUnitDecl()->decls())
      if (const auto *RD = dyn_cast<CXXRecordDecl>(D))
        if (RD->getName() == Name && RD->isThisDeclarationADefinition())
          return RD;
    return nullptr;
  };
  auto Id = [&](llvm::StringRef N) {
    return DeclarationName(&Derived.context().Idents.get(N));
  };
  auto Pub = lookupMember(Record("Pub"), Id("f"));
  ASSERT_EQ(Pub.size(), 1u);
  EXPECT_EQ(Pub[0].Access, AS_public);
  auto Priv = lookupMember(Record("Priv"), Id("f"));
  ASSERT_EQ(Priv.size(), 1u);
  EXPECT_EQ(Priv[0].Access, AS_private);
  auto Hidden = lookupMember(Record("Pub"), Id("p"));
  ASSERT_EQ(Hidden.size(), 1u);
  EXPECT_EQ(Hidden[0].Access, AS_none);
  EXPECT_FALSE(isAccessibleFrom(AS_none, Record("Pub"), Record("Pub")));
  EXPECT_TRUE(isAccessibleFrom(AS_private, Record("Priv"), Record("Priv")));
  EXPECT_FALSE(isAccessibleFrom(AS_private, Record("Priv"), Record("Pub")));
  EXPECT_TRUE(lookupMember(Record("Pub"), Id("missing")).empty());
}

TEST(OverloadsTest, FunctionTemplatesCompareByTemplateParameterPosition) {
  TestAST AST(R"cpp(
    void use(std::condition_variable_any &cv, std::mutex &m) {
      std::unique_lock<std::mutex> lk(m);
      cv.wait(lk, [] { return true; });
      cv.wait_for(lk, std::chrono::milliseconds(), [] { return true; });
      cv.wait(lk);
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  auto Wait = tokenOverloads(AST, "wait", 0);
  ASSERT_EQ(Wait.size(), 1u);
  EXPECT_TRUE(llvm::StringRef(Wait[0]).ends_with("@1")) << Wait[0];
  auto WaitFor = tokenOverloads(AST, "wait_for", 0);
  ASSERT_EQ(WaitFor.size(), 1u);
  EXPECT_TRUE(llvm::StringRef(WaitFor[0]).ends_with("@1")) << WaitFor[0];
  EXPECT_EQ(tokenOverloads(AST, "wait", 1), Strings{})
      << "every token overload also takes a predicate";
}

TEST(OverloadsTest, TemplateAndPlainFunctionsDiffer) {
  TestAST AST(R"cpp(
    void put(int v);
    template <class T> void put(T v, std::stop_token tok);
    template <class T> void take(T v);
    template <class T, class U> void take(T v, std::stop_token tok);
    template <class T> void keep(T v);
    template <class U> void keep(U v, std::stop_token tok);
    void use() { put(1); take(1); keep(1); }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  EXPECT_EQ(tokenOverloads(AST, "put"), Strings{});
  EXPECT_EQ(tokenOverloads(AST, "take"), Strings{})
      << "another template parameter list";
  EXPECT_EQ(tokenOverloads(AST, "keep"), Strings{"keep(U, std::stop_token)@1"})
      << "template parameters compare by position, not by name";
}

TEST(OverloadsTest, TheOverloadMustBeCallableOnTheSameObject) {
  TestAST AST(R"cpp(
    struct Reader {
      int peek() const;
      int peek(std::stop_token tok);
      static int make();
      int make(std::stop_token tok);
      int size();
      static int size(std::stop_token tok);
    };
    void use(const Reader &r, Reader &w) { r.peek(); Reader::make(); w.size(); }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  EXPECT_EQ(tokenOverloads(AST, "peek"), Strings{})
      << "a non-const overload of a const member";
  EXPECT_EQ(tokenOverloads(AST, "make"), Strings{})
      << "a non-static overload of a static member";
  EXPECT_EQ(tokenOverloads(AST, "size"), Strings{"size(std::stop_token)@0"});
}

TEST(OverloadsTest, AVariantUnderAnotherName) {
  TestAST AST(R"cpp(
    namespace timer {
    void sleep(int ms);
    void sleep_abortable(int ms, std::stop_token tok);
    }
    void use() { timer::sleep(5); }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  EXPECT_EQ(tokenOverloads(AST, "sleep"), Strings{});
  EXPECT_EQ(tokenOverloads(AST, "sleep", 0, "sleep_abortable"),
            Strings{"sleep_abortable(int, std::stop_token)@1"});
}

TEST(OverloadsTest, SameParameters) {
  TestAST AST(R"cpp(
    void a(int, const char *);
    void b(int, std::stop_token, const char *);
    void c(int, const char *const);
    void d(long, const char *);
    void body() {}
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  auto Fn = [&](llvm::StringRef N) -> const FunctionDecl * {
    for (const Decl *D : AST.context().getTranslationUnitDecl()->decls())
      if (const auto *F = dyn_cast<FunctionDecl>(D))
        if (F->getName() == N)
          return F;
    return nullptr;
  };
  EXPECT_TRUE(sameParameters(Fn("a"), Fn("b"), AST.context(), 1));
  EXPECT_FALSE(sameParameters(Fn("a"), Fn("b"), AST.context(), 0));
  EXPECT_TRUE(sameParameters(Fn("a"), Fn("c"), AST.context()))
      << "a top-level const is not part of the type";
  EXPECT_FALSE(sameParameters(Fn("a"), Fn("d"), AST.context()));
}

} // namespace
