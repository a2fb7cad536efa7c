//===--- ContextModel.cpp - ctx-tidy --------------------------------------===//
//
// The catalogue of cancellation types and calls, and the model's questions
// about them. It is long (about 900 lines, over the 700 a lib/ file keeps to)
// because it is the one place that names library types and functions: the
// tables below are data checked row by row against each library's headers,
// and splitting them by library would scatter what a reviewer compares. The
// library types that decide where work ends (threads, tasks, condition
// variables, binders) are in ContextLibraryTypes.cpp.
//
//===----------------------------------------------------------------------===//

#include "lib/ContextModel.h"
#include "lib/FunctionNameSet.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::ctx {

namespace {

struct CatalogueRow {
  ContextRole Role;
  const char *Name;
  const char *CancelMethods; // ';'-separated
  const char *CancelCall;
  const char *TokenMethods; // ';'-separated
  bool TokenIsSelf;
  CopySemantics Copy;
  bool PermanentCancel = false;
};

using CR = ContextRole;
using CS = CopySemantics;

// The built-in catalogue. Each row was checked against the library's own
// headers: libstdc++ 12, Boost 1.81, gRPC 1.51, oneTBB 2021.8 (Debian 12), and
// for the libraries Debian lacks, the upstream versions cited in
// test/Inputs/README.md.
const CatalogueRow Catalogue[] = {
    // C++20 <stop_token> and <thread>.
    {CR::Token, "std::stop_token", "", "", "", false, CS::OwnsState},
    {CR::CancelSource, "std::stop_source", "request_stop", "request_stop()",
     "get_token", false, CS::OwnsState, true},
    {CR::StopCallback, "std::stop_callback", "", "", "", false,
     CS::NotCopyable},
    {CR::Thread, "std::jthread", "request_stop", "request_stop()",
     "get_stop_token;get_stop_source", false, CS::NotCopyable},
    // folly/CancellationToken.h
    {CR::Token, "folly::CancellationToken", "", "", "", false, CS::OwnsState},
    {CR::CancelSource, "folly::CancellationSource", "requestCancellation",
     "requestCancellation()", "getToken", false, CS::OwnsState, true},
    {CR::StopCallback, "folly::CancellationCallback", "", "", "", false,
     CS::NotCopyable},
    // boost/asio/cancellation_signal.hpp, cancellation_state.hpp
    {CR::CancelSource, "boost::asio::cancellation_signal", "emit",
     "emit(boost::asio::cancellation_type::terminal)", "slot", false,
     CS::NotCopyable},
    {CR::Token, "boost::asio::cancellation_slot", "", "", "", false,
     CS::PointsIntoSource},
    {CR::Token, "boost::asio::cancellation_state", "", "", "", false,
     CS::PointsIntoSource},
    // grpcpp/client_context.h, grpcpp/server_context.h
    {CR::RequestContext, "grpc::ClientContext", "TryCancel", "TryCancel()", "",
     false, CS::NotCopyable},
    {CR::RequestContext, "grpc::ServerContext", "TryCancel", "TryCancel()", "",
     false, CS::NotCopyable},
    {CR::RequestContext, "grpc::CallbackServerContext", "TryCancel",
     "TryCancel()", "", false, CS::NotCopyable},
    {CR::RequestContext, "grpc::ServerContextBase", "TryCancel", "TryCancel()",
     "", false, CS::NotCopyable},
    // cppcoro/cancellation_*.hpp
    {CR::Token, "cppcoro::cancellation_token", "", "", "", false,
     CS::OwnsState},
    {CR::CancelSource, "cppcoro::cancellation_source", "request_cancellation",
     "request_cancellation()", "token", false, CS::OwnsState, true},
    {CR::StopCallback, "cppcoro::cancellation_registration", "", "", "", false,
     CS::NotCopyable},
    // unifex/inplace_stop_token.hpp
    {CR::CancelSource, "unifex::inplace_stop_source", "request_stop",
     "request_stop()", "get_token", false, CS::NotCopyable, true},
    {CR::Token, "unifex::inplace_stop_token", "", "", "", false,
     CS::PointsIntoSource},
    {CR::StopCallback, "unifex::inplace_stop_callback", "", "", "", false,
     CS::NotCopyable},
    // stdexec/stop_token.hpp
    {CR::CancelSource, "stdexec::inplace_stop_source", "request_stop",
     "request_stop()", "get_token", false, CS::NotCopyable, true},
    {CR::Token, "stdexec::inplace_stop_token", "", "", "", false,
     CS::PointsIntoSource},
    {CR::StopCallback, "stdexec::inplace_stop_callback", "", "", "", false,
     CS::NotCopyable},
    // pplx/pplxcancellation_token.h (cpprestsdk)
    {CR::CancelSource, "pplx::cancellation_token_source", "cancel", "cancel()",
     "get_token", false, CS::OwnsState, true},
    {CR::Token, "pplx::cancellation_token", "", "", "", false, CS::OwnsState},
    // oneapi/tbb/task_group.h
    {CR::CancelSource, "tbb::task_group_context", "cancel_group_execution",
     "cancel_group_execution()", "", true, CS::NotCopyable},
    // seastar/core/abort_source.hh
    {CR::CancelSource, "seastar::abort_source", "request_abort",
     "request_abort()", "", true, CS::NotCopyable},
    // abort_source::subscribe returns the registration (in an
    // optimized_optional); it unsubscribes when destroyed.
    {CR::StopCallback, "seastar::abort_source::subscription", "", "", "", false,
     CS::NotCopyable},
    // Scope guards.
    {CR::ScopeGuard, "absl::Cleanup", "", "", "", false, CS::NotCopyable},
    {CR::ScopeGuard, "gsl::final_action", "", "", "", false, CS::NotCopyable},
    {CR::ScopeGuard, "folly::detail::ScopeGuardImpl", "", "", "", false,
     CS::NotCopyable},
    {CR::ScopeGuard, "folly::ScopeGuard", "", "", "", false, CS::NotCopyable},
    {CR::ScopeGuard, "boost::scope::scope_exit", "", "", "", false,
     CS::NotCopyable},
    {CR::ScopeGuard, "std::experimental::scope_exit", "", "", "", false,
     CS::NotCopyable},
    {CR::ScopeGuard, "std::experimental::fundamentals_v3::scope_exit", "", "",
     "", false, CS::NotCopyable},
};

} // namespace

// Each entry was checked against the library's declarations: libstdc++ 12,
// oneTBB 2021.8, and the upstream versions test/Inputs/README.md cites.
const char DefaultSynchronousCalls[] =
    "unifex::sync_wait;stdexec::sync_wait;std::this_thread::sync_wait;"
    "cppcoro::sync_wait;folly::coro::blockingWait;"
    "tbb::parallel_for;tbb::parallel_reduce;"
    "tbb::parallel_deterministic_reduce;tbb::parallel_for_each;"
    "tbb::parallel_invoke;tbb::parallel_pipeline;tbb::parallel_sort;"
    "tbb::parallel_scan;tbb::this_task_arena::isolate;tbb::task_arena::execute;"
    "tbb::task::suspend;"
    "std::condition_variable_any::wait;std::condition_variable_any::wait_for;"
    "std::condition_variable_any::wait_until;"
    // GoogleTest's assertion helpers (gtest/gtest.h, gtest-printers.h):
    // they compare and print their arguments and keep nothing.
    "testing::internal::EqHelper::Compare;testing::internal::CmpHelperEQ;"
    "testing::internal::CmpHelperNE;testing::internal::CmpHelperLT;"
    "testing::internal::CmpHelperLE;testing::internal::CmpHelperGT;"
    "testing::internal::CmpHelperGE;testing::PrintToString";

// Each entry was checked against the library's declarations: Boost 1.81
// (boost/asio/post.hpp, dispatch.hpp, defer.hpp, co_spawn.hpp), folly
// (folly/Executor.h, folly/futures/Future.h).
const char *const DefaultDetachingCalls[] = {
    "boost::asio::post",
    "boost::asio::dispatch",
    "boost::asio::defer",
    "boost::asio::co_spawn",
    "boost::asio::io_context::post",
    "boost::asio::io_context::dispatch",
    "folly::Executor::add",
    "folly::via",
    nullptr,
};

namespace {

/// How each catalogue type is asked whether cancellation was requested,
/// checked against the same headers as the catalogue.
const std::pair<const char *, const char *> ObserveCalls[] = {
    {"std::stop_token", "stop_requested()"},
    {"std::stop_source", "stop_requested()"},
    {"folly::CancellationToken", "isCancellationRequested()"},
    {"folly::CancellationSource", "isCancellationRequested()"},
    {"grpc::ServerContext", "IsCancelled()"},
    {"grpc::CallbackServerContext", "IsCancelled()"},
    {"grpc::ServerContextBase", "IsCancelled()"},
    {"cppcoro::cancellation_token", "is_cancellation_requested()"},
    {"cppcoro::cancellation_source", "is_cancellation_requested()"},
    {"unifex::inplace_stop_token", "stop_requested()"},
    {"unifex::inplace_stop_source", "stop_requested()"},
    {"stdexec::inplace_stop_token", "stop_requested()"},
    {"stdexec::inplace_stop_source", "stop_requested()"},
    {"pplx::cancellation_token", "is_canceled()"},
    {"tbb::task_group_context", "is_group_execution_cancelled()"},
    {"seastar::abort_source", "abort_requested()"},
};

/// Member calls that return false once the request their object serves is
/// cancelled, by the class (or a base of the class) of the object they are
/// called on. gRPC's synchronous server streams (grpcpp/support/
/// sync_stream.h, gRPC 1.51): Read returns false "when there will be no more
/// incoming messages, either because the other side has called WritesDone()
/// or the stream has failed (or been cancelled)", Write "false when the
/// stream has been closed". ServerReader, ServerWriter, ServerReaderWriter
/// and the unary and split streamers derive from these interfaces.
const std::pair<const char *, const char *> CallsEndedByCancel[] = {
    {"grpc::ServerReaderInterface", "Read"},
    {"grpc::ServerWriterInterface", "Write"},
    {"grpc::ServerReaderWriterInterface", "Read"},
    {"grpc::ServerReaderWriterInterface", "Write"},
};

/// The names under which libraries declare catalogue classes that they
/// document under another name (oneTBB declares task_group_context in a
/// detail namespace and re-exports it with a using-declaration).
const std::pair<const char *, const char *> DeclaredNames[] = {
    {"tbb::detail::d1::task_group_context", "tbb::task_group_context"},
    {"oneapi::tbb::detail::d1::task_group_context", "tbb::task_group_context"},
};

void splitInto(llvm::StringRef List, llvm::SmallVectorImpl<std::string> &Out) {
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  List.split(Parts, ';', -1, false);
  for (llvm::StringRef P : Parts)
    Out.push_back(P.trim().str());
}

/// Splits "a::b::c" into {"a::b", "c"}.
std::pair<llvm::StringRef, llvm::StringRef> splitLast(llvm::StringRef Name) {
  size_t Pos = Name.rfind("::");
  if (Pos == llvm::StringRef::npos)
    return {"", Name};
  return {Name.take_front(Pos), Name.drop_front(Pos + 2)};
}

} // namespace

namespace {

/// Reads a `ctx::...` annotation from any redeclaration of \p D.
std::optional<llvm::StringRef> ctxAnnotation(const Decl *D) {
  for (const Decl *R : D->redecls())
    for (const auto *A : R->specific_attrs<AnnotateAttr>())
      if (A->getAnnotation().starts_with("ctx::"))
        return A->getAnnotation();
  return std::nullopt;
}

/// Names of \p RD and of its bases, each as qualifiedNameOf prints it.
void classAndBaseNames(const CXXRecordDecl *RD,
                       llvm::SmallVectorImpl<std::string> &Out,
                       unsigned Depth) {
  if (!RD || Depth > 8)
    return;
  Out.push_back(qualifiedNameOf(RD));
  const CXXRecordDecl *Def = RD->getDefinition();
  if (!Def)
    return;
  for (const CXXBaseSpecifier &B : Def->bases())
    classAndBaseNames(B.getType()->getAsCXXRecordDecl(), Out, Depth + 1);
}

} // namespace

namespace {

//===----------------------------------------------------------------------===//
// The cancellation chain: one catalogue of what derives, what is a root, and
// what is never cancelled, checked against the same headers as the types.
//===----------------------------------------------------------------------===//

/// Calls that return a token or context derived from what they are given.
/// folly renamed its merge in v2025.07.21.00 (test/Inputs/README.md); both
/// spellings are in use.
const char *const DerivingCalls[] = {
    "folly::CancellationToken::merge",
    "folly::cancellation_token_merge",
    "grpc::ClientContext::FromServerContext",
    "grpc::ClientContext::FromCallbackServerContext",
};

/// Calls that return a token or context with no parent.
const char *const RootCalls[] = {
    "pplx::cancellation_token::none",
};

/// Token types that can never be stopped.
const char *const NeverStoppingTokens[] = {
    "unifex::unstoppable_token",
    "stdexec::never_stop_token",
};

/// Methods that give a request context its own deadline.
const char *const DeadlineMethods[] = {
    "grpc::ClientContext::set_deadline",
};

/// gRPC's stub for calls made without generated code (GenericStub is an
/// alias of a specialization of it).
const char *const GenericStubs[] = {
    "grpc::TemplatedGenericStub",
};

/// The class names protoc's gRPC plugin gives a service's client side.
const char *const GeneratedStubNames[] = {"Stub", "StubInterface"};

/// Per token type, the stop-callback class that registers a callable on it
/// with `T name(tok, callable);`. unifex's and stdexec's
/// inplace_stop_callback have no deduction guide, so none is written there.
const std::pair<const char *, const char *> CallbackTypes[] = {
    {"std::stop_token", "std::stop_callback"},
    {"folly::CancellationToken", "folly::CancellationCallback"},
    {"cppcoro::cancellation_token", "cppcoro::cancellation_registration"},
};

/// Per server context, the factory of a client context that inherits it.
const std::pair<const char *, const char *> ChildContextFactories[] = {
    {"grpc::ServerContext", "grpc::ClientContext::FromServerContext"},
    {"grpc::ServerContextBase", "grpc::ClientContext::FromServerContext"},
    {"grpc::CallbackServerContext",
     "grpc::ClientContext::FromCallbackServerContext"},
};

void fillChainFacts(std::vector<std::unique_ptr<ContextTypeInfo>> &Entries,
                    llvm::StringMap<ContextTypeInfo *> &ByName) {
  for (auto &Info : Entries)
    if (Info->Role == ContextRole::Token)
      Info->DefaultIsEmpty = true;
  for (const auto &[Token, Callback] : CallbackTypes)
    if (ContextTypeInfo *Info = ByName.lookup(Token))
      Info->CallbackType = Callback;
  for (const auto &[Server, Factory] : ChildContextFactories)
    if (ContextTypeInfo *Info = ByName.lookup(Server))
      Info->ChildContextFactory = Factory;
}

/// A user's token has no parent when default-constructed, and so has a
/// user's context (Go's context.Background()).
bool userDefaultIsEmpty(ContextRole Role) {
  return Role == ContextRole::Token || Role == ContextRole::RequestContext;
}

template <size_t N>
bool namedIn(const NamedDecl *D, const char *const (&Names)[N]) {
  if (!D || !D->getDeclName().isIdentifier())
    return false;
  std::string Name = qualifiedNameOf(D);
  for (const char *Candidate : Names)
    if (Name == Candidate)
      return true;
  return false;
}

/// The function a call calls, the pattern for a template; for a call of a
/// function object, the object's variable. Several for an unresolved call
/// in a template (its candidates).
llvm::SmallVector<const NamedDecl *, 2> calleesOf(const Expr *Call) {
  llvm::SmallVector<const NamedDecl *, 2> Out;
  const auto *CE = dyn_cast_or_null<CallExpr>(Call);
  if (!CE)
    return Out;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(CE))
    if (Op->getOperator() == OO_Call && Op->getNumArgs() >= 1)
      if (const auto *DRE =
              dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreParenImpCasts()))
        if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl())) {
          Out.push_back(V);
          return Out;
        }
  if (const FunctionDecl *F = CE->getDirectCallee()) {
    if (const FunctionTemplateDecl *T = F->getPrimaryTemplate())
      F = T->getTemplatedDecl();
    Out.push_back(F);
    return Out;
  }
  if (const auto *OE =
          dyn_cast_or_null<OverloadExpr>(CE->getCallee()->IgnoreImplicit()))
    for (const NamedDecl *ND : OE->decls()) {
      const NamedDecl *U = ND->getUnderlyingDecl();
      if (const auto *FT = dyn_cast<FunctionTemplateDecl>(U))
        U = FT->getTemplatedDecl();
      if (isa<FunctionDecl>(U))
        Out.push_back(U);
    }
  return Out;
}

} // namespace

llvm::StringRef roleName(ContextRole Role) {
  switch (Role) {
  case ContextRole::Token:
    return "token";
  case ContextRole::CancelSource:
    return "cancel source";
  case ContextRole::RequestContext:
    return "request context";
  case ContextRole::StopCallback:
    return "stop callback";
  case ContextRole::ScopeGuard:
    return "scope guard";
  case ContextRole::Thread:
    return "thread";
  }
  return "context";
}

std::optional<ContextRole> roleFromAnnotation(llvm::StringRef A) {
  return llvm::StringSwitch<std::optional<ContextRole>>(A)
      .Case("ctx::token", ContextRole::Token)
      .Case("ctx::cancel_source", ContextRole::CancelSource)
      .Case("ctx::context", ContextRole::RequestContext)
      .Case("ctx::callback", ContextRole::StopCallback)
      .Case("ctx::scope_guard", ContextRole::ScopeGuard)
      .Default(std::nullopt);
}

ContextModel::ContextModel() {
  for (const CatalogueRow &Row : Catalogue) {
    auto Info = std::make_unique<ContextTypeInfo>();
    Info->Role = Row.Role;
    Info->Name = Row.Name;
    splitInto(Row.CancelMethods, Info->CancelMethods);
    Info->CancelCall = Row.CancelCall;
    splitInto(Row.TokenMethods, Info->TokenMethods);
    Info->TokenIsSelf = Row.TokenIsSelf;
    Info->Copy = Row.Copy;
    Info->PermanentCancel = Row.PermanentCancel;
    ByName[Info->Name] = Info.get();
    Entries.push_back(std::move(Info));
  }
  for (const auto &[Name, Call] : ObserveCalls)
    if (ContextTypeInfo *Info = ByName.lookup(Name))
      Info->ObserveCall = Call;
  // Where a library declares a class in a detail namespace and re-exports
  // it, the declaration's own name is an alias of the documented one.
  for (const auto &[Alias, Documented] : DeclaredNames)
    if (ContextTypeInfo *Info = ByName.lookup(Documented))
      ByName[Alias] = Info;
  fillChainFacts(Entries, ByName);
  DerivingFunctions = std::make_unique<FunctionNameSet>();
  RootContexts = std::make_unique<FunctionNameSet>();
}

ContextModel::~ContextModel() = default;
ContextModel::ContextModel(ContextModel &&) = default;
ContextModel &ContextModel::operator=(ContextModel &&) = default;

void ContextModel::addType(ContextRole Role, llvm::StringRef QualifiedName) {
  std::string Name = stripLeadingColons(QualifiedName).str();
  if (Name.empty())
    return;
  if (ContextTypeInfo *Existing = ByName.lookup(Name)) {
    // Users extend the catalogue, never replace it: a known type keeps its
    // facts and takes the role the user gave it.
    Existing->Role = Role;
    return;
  }
  auto Info = std::make_unique<ContextTypeInfo>();
  Info->Role = Role;
  Info->Name = Name;
  Info->UserDefined = true;
  Info->Copy = CopySemantics::OwnsState;
  Info->DefaultIsEmpty = userDefaultIsEmpty(Role);
  ByName[Name] = Info.get();
  Entries.push_back(std::move(Info));
  BoundTo = nullptr;
}

void ContextModel::addCancelMethod(llvm::StringRef QualifiedMethodName) {
  auto [Class, Method] = splitLast(stripLeadingColons(QualifiedMethodName));
  if (Class.empty() || Method.empty())
    return;
  UserCancelMethods[Class].push_back(Method.str());
  if (ContextTypeInfo *Info = ByName.lookup(Class)) {
    Info->CancelMethods.push_back(Method.str());
    if (Info->CancelCall.empty())
      Info->CancelCall = (Method + "()").str();
  }
  BoundTo = nullptr;
}

void ContextModel::addTokenMethod(llvm::StringRef QualifiedMethodName) {
  auto [Class, Method] = splitLast(stripLeadingColons(QualifiedMethodName));
  if (Class.empty() || Method.empty())
    return;
  UserTokenMethods[Class].push_back(Method.str());
  if (ContextTypeInfo *Info = ByName.lookup(Class))
    Info->TokenMethods.push_back(Method.str());
  BoundTo = nullptr;
}

void ContextModel::addObserveMethod(llvm::StringRef QualifiedMethodName) {
  auto [Class, Method] = splitLast(stripLeadingColons(QualifiedMethodName));
  if (Class.empty() || Method.empty())
    return;
  UserObserveMethods[Class].push_back(Method.str());
  if (ContextTypeInfo *Info = ByName.lookup(Class))
    if (Info->ObserveCall.empty())
      Info->ObserveCall = (Method + "()").str();
  BoundTo = nullptr;
}

void ContextModel::addCancelFactory(llvm::StringRef QualifiedFunctionName) {
  std::string Name = stripLeadingColons(QualifiedFunctionName).str();
  if (!Name.empty())
    CancelFactories.push_back(Name);
  BoundTo = nullptr;
}

void ContextModel::bind(const ASTContext &Ctx) const {
  if (BoundTo == &Ctx)
    return;
  BoundTo = &Ctx;
  ByDecl.clear();
  Classified.clear();
  FactoryCache.clear();
  AnnotatedEntries.clear();
  // Catalogue entries are matched by the name of the declaration (and the
  // aliases below); only the user's names, which may be spelled through an
  // alias or a using-declaration, are resolved by lookup. Looking up every
  // catalogue name would build the lookup table of namespace std in every
  // translation unit, a fixed cost larger than the checks themselves.
  for (const auto &Info : Entries)
    if (Info->UserDefined)
      if (const Decl *D = resolveName(Info->Name, Ctx))
        ByDecl.try_emplace(D, Info.get());
}

const ContextTypeInfo *ContextModel::infoForAnnotated(const CXXRecordDecl *RD,
                                                      ContextRole Role) const {
  auto Info = std::make_unique<ContextTypeInfo>();
  Info->Role = Role;
  Info->Name = qualifiedNameOf(RD);
  Info->UserDefined = true;
  const CXXRecordDecl *Def = RD->getDefinition();
  bool Copyable = true;
  if (Def) {
    for (const CXXMethodDecl *M : Def->methods()) {
      std::optional<llvm::StringRef> A = ctxAnnotation(M);
      if (!A || !M->getIdentifier())
        continue;
      if (*A == "ctx::cancel") {
        Info->CancelMethods.push_back(M->getName().str());
        if (Info->CancelCall.empty() && M->getMinRequiredArguments() == 0)
          Info->CancelCall = (M->getName() + "()").str();
      } else if (*A == "ctx::get_token") {
        Info->TokenMethods.push_back(M->getName().str());
      } else if (*A == "ctx::observe") {
        if (Info->ObserveCall.empty() && M->getMinRequiredArguments() == 0)
          Info->ObserveCall = (M->getName() + "()").str();
      }
    }
    if (Def->hasDefinition() && !Def->isDependentContext())
      Copyable = !Def->hasUserDeclaredCopyConstructor() ||
                 Def->hasSimpleCopyConstructor();
    for (const CXXConstructorDecl *C : Def->ctors())
      if (C->isCopyConstructor() && C->isDeleted())
        Copyable = false;
  }
  Info->Copy = Copyable ? CopySemantics::OwnsState : CopySemantics::NotCopyable;
  Info->DefaultIsEmpty = userDefaultIsEmpty(Role);
  // An annotated class whose observe method is named by the ObserveMethods
  // option rather than annotated.
  if (Info->ObserveCall.empty()) {
    auto It = UserObserveMethods.find(Info->Name);
    if (It != UserObserveMethods.end() && !It->second.empty())
      Info->ObserveCall = It->second.front() + "()";
  }
  AnnotatedEntries.push_back(std::move(Info));
  return AnnotatedEntries.back().get();
}

const ContextTypeInfo *ContextModel::classify(const CXXRecordDecl *RD,
                                              const ASTContext &Ctx) const {
  if (!RD)
    return nullptr;
  bind(Ctx);
  const Decl *Key = classKey(RD);
  auto Cached = Classified.find(Key);
  if (Cached != Classified.end())
    return Cached->second;

  const ContextTypeInfo *Result = ByDecl.lookup(Key);
  if (!Result) {
    const auto *KeyRD = cast<CXXRecordDecl>(Key);
    auto Found = ByName.find(qualifiedNameOf(KeyRD));
    if (Found != ByName.end())
      Result = Found->second;
  }
  if (!Result) {
    const auto *KeyRD = cast<CXXRecordDecl>(Key);
    if (std::optional<llvm::StringRef> A = ctxAnnotation(KeyRD))
      if (std::optional<ContextRole> Role = roleFromAnnotation(*A))
        Result = infoForAnnotated(KeyRD, *Role);
  }
  Classified[Key] = Result;
  return Result;
}

const ContextTypeInfo *ContextModel::classify(QualType T,
                                              const ASTContext &Ctx) const {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isDependentType()) {
    // A dependent specialization of a known template (std::stop_callback<F>
    // inside a template) still has a known role.
    if (const auto *TST = T->getAs<TemplateSpecializationType>())
      if (const TemplateDecl *TD = TST->getTemplateName().getAsTemplateDecl())
        if (const auto *CTD = dyn_cast<ClassTemplateDecl>(TD))
          return classify(CTD->getTemplatedDecl(), Ctx);
    if (const auto *ICN = T->getAs<InjectedClassNameType>())
      return classify(ICN->getDecl(), Ctx);
  }
  // Class template argument deduction not yet done: "std::stop_callback" as
  // written in "std::stop_callback(tok, f)" inside a template.
  if (const auto *DTST = T->getAs<DeducedTemplateSpecializationType>())
    if (DTST->getDeducedType().isNull())
      if (const auto *CTD = dyn_cast_or_null<ClassTemplateDecl>(
              DTST->getTemplateName().getAsTemplateDecl()))
        return classify(CTD->getTemplatedDecl(), Ctx);
  return classify(T->getAsCXXRecordDecl(), Ctx);
}

QualType lookThroughIndirection(QualType T, TypeLink &First) {
  First = TypeLink::None;
  QualType C = T.getCanonicalType();
  if (C->isReferenceType()) {
    First = TypeLink::Reference;
    C = C.getNonReferenceType().getCanonicalType();
  }
  while (C->isPointerType() || C->isArrayType()) {
    if (C->isPointerType()) {
      if (First == TypeLink::None)
        First = TypeLink::Pointer;
      C = C->getPointeeType().getCanonicalType();
    } else {
      C = QualType(C->getArrayElementTypeNoTypeQual(), 0).getCanonicalType();
    }
  }
  return C;
}

ContextModel::Nested ContextModel::findInside(QualType T,
                                              const ASTContext &Ctx) const {
  llvm::SmallPtrSet<const Type *, 16> Seen;
  // A small explicit walk: (type, reached through a non-owning link, depth).
  struct Item {
    QualType T;
    bool NonOwning;
    unsigned Depth;
  };
  llvm::SmallVector<Item, 16> Work{{T, false, 0}};
  while (!Work.empty()) {
    Item I = Work.pop_back_val();
    if (I.T.isNull() || I.Depth > 6)
      continue;
    TypeLink Link = TypeLink::None;
    QualType C = lookThroughIndirection(I.T, Link);
    bool NonOwning = I.NonOwning || Link != TypeLink::None;
    if (!Seen.insert(C.getTypePtr()).second)
      continue;
    if (const ContextTypeInfo *Info = classify(C, Ctx)) {
      if (Info->Role != ContextRole::Thread &&
          Info->Role != ContextRole::ScopeGuard)
        return {Info, NonOwning};
      continue;
    }
    const CXXRecordDecl *RD = C->getAsCXXRecordDecl();
    if (!RD)
      continue;
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD)) {
      const LibraryTypeInfo *Lib = libraryTypeOf(RD);
      bool Wrapper = Lib && Lib->Role == LibraryRole::NonOwningWrapper;
      for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
        if (Arg.getKind() == TemplateArgument::Type)
          Work.push_back({Arg.getAsType(), NonOwning || Wrapper, I.Depth + 1});
      continue;
    }
    // Plain aggregates defined by the user: look at their fields.
    const CXXRecordDecl *Def = RD->getDefinition();
    if (!Def || Ctx.getSourceManager().isInSystemHeader(Def->getLocation()))
      continue;
    for (const FieldDecl *F : Def->fields())
      Work.push_back({F->getType(), NonOwning, I.Depth + 1});
  }
  return {};
}

bool ContextModel::methodNamed(
    const CXXMethodDecl *M,
    const llvm::StringMap<llvm::SmallVector<std::string, 2>> &ByClass) const {
  if (ByClass.empty() || !M->getIdentifier())
    return false;
  llvm::SmallVector<std::string, 4> Names;
  classAndBaseNames(M->getParent(), Names, 0);
  for (const std::string &N : Names) {
    auto It = ByClass.find(N);
    if (It != ByClass.end() && llvm::is_contained(It->second, M->getName()))
      return true;
  }
  return false;
}

bool ContextModel::isCancelMethod(const CXXMethodDecl *M,
                                  const ASTContext &Ctx) const {
  if (!M || !M->getIdentifier())
    return false;
  if (std::optional<llvm::StringRef> A = ctxAnnotation(M))
    if (*A == "ctx::cancel")
      return true;
  if (const ContextTypeInfo *Info = classify(M->getParent(), Ctx))
    if (llvm::is_contained(Info->CancelMethods, M->getName()))
      return true;
  return methodNamed(M, UserCancelMethods);
}

bool ContextModel::isTokenMethod(const CXXMethodDecl *M,
                                 const ASTContext &Ctx) const {
  if (!M || !M->getIdentifier())
    return false;
  if (std::optional<llvm::StringRef> A = ctxAnnotation(M))
    if (*A == "ctx::get_token")
      return true;
  if (const ContextTypeInfo *Info = classify(M->getParent(), Ctx))
    if (llvm::is_contained(Info->TokenMethods, M->getName()))
      return true;
  return methodNamed(M, UserTokenMethods);
}

bool ContextModel::isCancelFactory(const FunctionDecl *F,
                                   const ASTContext &Ctx) const {
  if (!F)
    return false;
  bind(Ctx);
  const FunctionDecl *Canon = F->getCanonicalDecl();
  if (const FunctionTemplateDecl *T = F->getPrimaryTemplate())
    Canon = T->getTemplatedDecl()->getCanonicalDecl();
  auto It = FactoryCache.find(Canon);
  if (It != FactoryCache.end())
    return It->second;
  bool Result = false;
  if (std::optional<llvm::StringRef> A = ctxAnnotation(Canon))
    Result = *A == "ctx::cancel_factory";
  if (!Result && Canon->getIdentifier()) {
    std::string Name = qualifiedNameOf(Canon);
    Result = llvm::is_contained(CancelFactories, Name);
    if (!Result)
      for (const std::string &Configured : CancelFactories) {
        const Decl *D = resolveName(Configured, Ctx);
        if (const auto *FT = dyn_cast_or_null<FunctionTemplateDecl>(D))
          D = FT->getTemplatedDecl();
        if (D && D->getCanonicalDecl() == Canon) {
          Result = true;
          break;
        }
      }
  }
  FactoryCache[Canon] = Result;
  return Result;
}

bool ContextModel::returnsFalseOnceCancelled(const CallExpr *Call,
                                             const ASTContext & /*Ctx*/) const {
  if (!Call)
    return false;
  // A member of a dependent object: only its name is known.
  const Expr *Callee = Call->getCallee()->IgnoreParenImpCasts();
  DeclarationName Dependent;
  if (const auto *D = dyn_cast<CXXDependentScopeMemberExpr>(Callee))
    Dependent = D->getMember();
  else if (const auto *U = dyn_cast<UnresolvedMemberExpr>(Callee))
    Dependent = U->getMemberName();
  if (Dependent) {
    if (!Dependent.isIdentifier())
      return false;
    for (const auto &Entry : CallsEndedByCancel)
      if (Dependent.getAsIdentifierInfo()->getName() == Entry.second)
        return true;
    return false;
  }
  const auto *MemberCall = dyn_cast<CXXMemberCallExpr>(Call);
  const CXXMethodDecl *M = MemberCall ? MemberCall->getMethodDecl() : nullptr;
  if (!M || !M->getIdentifier() || !M->getReturnType()->isBooleanType())
    return false;
  // The object as written: a call of a base's member goes through a
  // derived-to-base conversion of the object.
  const Expr *ObjectExpr = MemberCall->getImplicitObjectArgument();
  if (!ObjectExpr)
    return false;
  QualType T = ObjectExpr->IgnoreParenImpCasts()->getType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const CXXRecordDecl *Object = T->getAsCXXRecordDecl();
  if (!Object)
    return false;
  for (const auto &[Class, Method] : CallsEndedByCancel)
    if (M->getName() == Method && classOrBaseNamed(Object, Class))
      return true;
  return false;
}

std::string ContextModel::observeExpression(const ContextTypeInfo &Info,
                                            llvm::StringRef Object,
                                            bool ThroughPointer) const {
  if (Info.ObserveCall.empty())
    return "";
  return (Object + (ThroughPointer ? "->" : ".") + Info.ObserveCall).str();
}

std::string ContextModel::cancelExpression(const ContextTypeInfo &Info,
                                           llvm::StringRef Object) const {
  if (Info.CancelCall.empty())
    return "";
  return (Object + "." + Info.CancelCall).str();
}

} // namespace clang::tidy::ctx

//===----------------------------------------------------------------------===//
// The cancellation chain
//===----------------------------------------------------------------------===//

namespace clang::tidy::ctx {

void ContextModel::addDerivingFunction(llvm::StringRef QualifiedFunctionName) {
  DerivingFunctions->add(QualifiedFunctionName);
}

void ContextModel::addRootContext(llvm::StringRef QualifiedFunctionName) {
  RootContexts->add(QualifiedFunctionName);
}

ContextModel::ChainCall ContextModel::chainCallOf(const Expr *Call,
                                                  const ASTContext &Ctx) const {
  if (!isa_and_nonnull<CallExpr>(Call))
    return ChainCall::None;
  for (const NamedDecl *D : calleesOf(Call)) {
    if (namedIn(D, DerivingCalls))
      return ChainCall::Derives;
    if (namedIn(D, RootCalls))
      return ChainCall::Root;
    const auto *F = dyn_cast<FunctionDecl>(D);
    if (!F)
      continue;
    if (std::optional<llvm::StringRef> A = ctxAnnotation(F))
      if (*A == "ctx::derives")
        return ChainCall::Derives;
    if (isCancelFactory(F, Ctx))
      return ChainCall::Derives;
  }
  if (DerivingFunctions->containsCallee(Call, Ctx))
    return ChainCall::Derives;
  if (RootContexts->containsCallee(Call, Ctx))
    return ChainCall::Root;
  return ChainCall::None;
}

llvm::SmallVector<const Expr *, 4>
ContextModel::derivationParents(const Expr *Call, const ASTContext &Ctx) const {
  llvm::SmallVector<const Expr *, 4> Out;
  if (!isDerivingCall(Call, Ctx))
    return Out;
  const auto *CE = cast<CallExpr>(Call);
  unsigned First = 0;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE)) {
    if (const Expr *Object = MC->getImplicitObjectArgument())
      Out.push_back(Object);
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(CE)) {
    // The function object, or the object of a member operator, comes first.
    if (Op->getOperator() == OO_Call)
      First = 1;
  }
  for (unsigned I = First; I < CE->getNumArgs(); ++I)
    if (!isa<CXXDefaultArgExpr>(CE->getArg(I)))
      Out.push_back(CE->getArg(I));
  return Out;
}

bool ContextModel::isNeverStoppingToken(QualType T, const ASTContext &) const {
  if (T.isNull())
    return false;
  const CXXRecordDecl *RD =
      T.getNonReferenceType().getCanonicalType()->getAsCXXRecordDecl();
  return RD && namedIn(RD, NeverStoppingTokens);
}

bool ContextModel::isEmptyWhenDefaultConstructed(QualType T,
                                                 const ASTContext &Ctx) const {
  if (isNeverStoppingToken(T, Ctx))
    return true;
  const ContextTypeInfo *Info = classify(T, Ctx);
  return Info && Info->DefaultIsEmpty;
}

bool ContextModel::isDeadlineMethod(const CXXMethodDecl *M,
                                    const ASTContext &) const {
  if (!M)
    return false;
  if (const FunctionTemplateDecl *T = M->getPrimaryTemplate())
    M = cast<CXXMethodDecl>(T->getTemplatedDecl());
  return namedIn(M, DeadlineMethods);
}

bool ContextModel::isStubMethod(const CXXMethodDecl *M) const {
  if (!M)
    return false;
  // The method's class, then the classes it is nested in: protoc nests the
  // callback API's class in the stub (`Stub::async`).
  const DeclContext *DC = M->getParent();
  for (unsigned Depth = 0; DC && Depth < 4; ++Depth, DC = DC->getParent()) {
    const auto *RD = dyn_cast<CXXRecordDecl>(DC);
    if (!RD)
      return false;
    if (namedIn(cast<CXXRecordDecl>(classKey(RD)), GenericStubs))
      return true;
    if (RD->getIdentifier() && isa<CXXRecordDecl>(RD->getParent()))
      for (const char *Name : GeneratedStubNames)
        if (RD->getName() == Name)
          return true;
  }
  return false;
}

namespace {
/// The specialization \p T (cv-qualifiers and references looked through)
/// names when it is one of the class template \p Name; null otherwise.
const ClassTemplateSpecializationDecl *
specializationNamed(QualType T, llvm::StringRef Name) {
  if (T.isNull())
    return nullptr;
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType().getCanonicalType()->getAsCXXRecordDecl());
  if (!Spec || qualifiedNameOf(Spec) != Name)
    return nullptr;
  return Spec;
}

/// The type argument \p I of \p Spec; null when it is not a type.
QualType typeArgument(const ClassTemplateSpecializationDecl *Spec, unsigned I) {
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (I >= Args.size() || Args[I].getKind() != TemplateArgument::Type)
    return QualType();
  return Args[I].getAsType();
}

/// The numerator and denominator of the std::ratio \p T.
bool ratioOf(QualType T, llvm::APSInt &Num, llvm::APSInt &Den) {
  const ClassTemplateSpecializationDecl *R =
      specializationNamed(T, "std::ratio");
  if (!R || R->getTemplateArgs().size() != 2)
    return false;
  const TemplateArgument &N = R->getTemplateArgs()[0];
  const TemplateArgument &D = R->getTemplateArgs()[1];
  if (N.getKind() != TemplateArgument::Integral ||
      D.getKind() != TemplateArgument::Integral)
    return false;
  Num = N.getAsIntegral();
  Den = D.getAsIntegral();
  return Num.isStrictlyPositive() && Den.isStrictlyPositive();
}
} // namespace

QualType optionalReferenceTarget(QualType T) {
  const ClassTemplateSpecializationDecl *Opt =
      specializationNamed(T, "std::optional");
  if (!Opt)
    return QualType();
  const ClassTemplateSpecializationDecl *Ref =
      specializationNamed(typeArgument(Opt, 0), "std::reference_wrapper");
  if (!Ref)
    return QualType();
  return typeArgument(Ref, 0);
}

bool isNulloptType(QualType T) {
  if (T.isNull())
    return false;
  const CXXRecordDecl *RD =
      T.getNonReferenceType().getCanonicalType()->getAsCXXRecordDecl();
  return RD && qualifiedNameOf(RD) == "std::nullopt_t";
}

bool isOptionalType(QualType T) {
  return specializationNamed(T, "std::optional") != nullptr;
}

bool durationConvertsImplicitly(QualType From, QualType To) {
  const auto *F = specializationNamed(From, "std::chrono::duration");
  const auto *D = specializationNamed(To, "std::chrono::duration");
  if (!F || !D)
    return false;
  QualType FromRep = typeArgument(F, 0);
  QualType ToRep = typeArgument(D, 0);
  if (FromRep.isNull() || ToRep.isNull() || !FromRep->isArithmeticType() ||
      !ToRep->isArithmeticType())
    return false;
  // [time.duration.cons]: a floating representation takes any duration.
  if (ToRep->isRealFloatingType())
    return true;
  if (FromRep->isRealFloatingType())
    return false;
  llvm::APSInt FN, FD, TN, TD;
  if (!ratioOf(typeArgument(F, 1), FN, FD) ||
      !ratioOf(typeArgument(D, 1), TN, TD))
    return false;
  // From's period divided by To's, (FN * TD) / (FD * TN), must be whole.
  auto Wide = [](const llvm::APSInt &V) { return V.zextOrTrunc(256); };
  llvm::APInt Num = Wide(FN) * Wide(TD);
  llvm::APInt Den = Wide(FD) * Wide(TN);
  return Num.urem(Den).isZero();
}

// Verified against Seastar's include/seastar/core/sleep.hh: sleep(duration)
// and sleep_abortable(Clock::duration, abort_source &) in namespace seastar.
const char DefaultTokenVariants[] = "seastar::sleep=seastar::sleep_abortable";

} // namespace clang::tidy::ctx
