//===--- TestAST.cpp - ctx-tidy unit tests --------------------------------===//

#include "TestAST.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/DiagnosticIDs.h"
#include "clang/Tooling/Tooling.h"

namespace clang::tidy::ctx::test {

namespace {

// Included as a system header, as the real ones are.
const char *const StandIns = R"cpp(
#pragma once
namespace std {
typedef decltype(sizeof(0)) size_t;
template <class T> struct remove_reference { using type = T; };
template <class T> struct remove_reference<T &> { using type = T; };
template <class T> struct remove_reference<T &&> { using type = T; };
template <class T>
constexpr typename remove_reference<T>::type &&move(T &&t) noexcept {
  return static_cast<typename remove_reference<T>::type &&>(t);
}
template <class T>
constexpr T &&forward(typename remove_reference<T>::type &t) noexcept {
  return static_cast<T &&>(t);
}
template <class T, class U = T> T exchange(T &obj, U &&v);
template <class T> void swap(T &a, T &b) noexcept;

template <class T> class reference_wrapper {
public:
  reference_wrapper(T &t) noexcept : p(&t) {}
  operator T &() const noexcept { return *p; }
private:
  T *p;
};
template <class T> reference_wrapper<T> ref(T &t) noexcept;
template <class T> reference_wrapper<const T> cref(const T &t) noexcept;

template <class T> class shared_ptr {
public:
  shared_ptr() noexcept;
  shared_ptr(const shared_ptr &) noexcept;
  ~shared_ptr();
  T *operator->() const noexcept;
  T &operator*() const noexcept;
  T *get() const noexcept;
};
template <class T, class... A> shared_ptr<T> make_shared(A &&...) {
  return {};
}
template <class T> class enable_shared_from_this {
public:
  shared_ptr<T> shared_from_this();
};
template <class T> class unique_ptr {
public:
  T *operator->() const noexcept;
  T *get() const noexcept;
};
template <class T, class... A> unique_ptr<T> make_unique(A &&...) {
  return {};
}
template <class T> class optional {
public:
  optional() noexcept;
  optional(const T &);
  T &operator*();
  T *operator->();
private:
  T v;
};

template <class A, class B> struct pair {
  A first;
  B second;
};
template <class A, class B> pair<A, B> make_pair(A, B);
template <class... T> class tuple {
public:
  template <class... U> tuple &operator=(pair<U...> &&);
};
struct ignore_t {
  template <class T> const ignore_t &operator=(const T &) const { return *this; }
};
inline constexpr ignore_t ignore;
template <class... T> tuple<T &...> tie(T &...) noexcept;

template <class> class function;
template <class R, class... A> class function<R(A...)> {
public:
  function() noexcept;
  template <class F> function(F) {}
  R operator()(A...) const;
  explicit operator bool() const noexcept;
};

template <class F> struct _Bound {
  template <class... X> void operator()(X &&...) const;
};
template <class F, class... A> _Bound<F> bind(F &&, A &&...) { return {}; }
template <class F, class... A> _Bound<F> bind_front(F &&, A &&...) {
  return {};
}

template <class T> class vector {
public:
  void push_back(const T &);
  template <class... A> T &emplace_back(A &&...) { return *begin(); }
  void reserve(size_t);
  size_t size() const noexcept;
  bool empty() const noexcept;
  T *begin() noexcept;
  T *end() noexcept;
  T &operator[](size_t);
  void clear() noexcept;
};
template <class T> class deque {
public:
  template <class... A> T &emplace_back(A &&...) { return *begin(); }
  T *begin() noexcept;
  T *end() noexcept;
};
template <class T> class list {
public:
  template <class... A> T &emplace_front(A &&...) { return *begin(); }
  T *begin() noexcept;
  T *end() noexcept;
};
template <class K, class V> class map {
public:
  using mapped_type = V;
  V &operator[](const K &);
  template <class... A> pair<V *, bool> emplace(A &&...) { return {}; }
  size_t erase(const K &);
  void clear() noexcept;
  V *begin() noexcept;
  V *end() noexcept;
  size_t size() const noexcept;
};

class stop_token {
public:
  stop_token() noexcept;
  bool stop_requested() const noexcept;
  bool stop_possible() const noexcept;
  friend bool operator==(const stop_token &, const stop_token &) noexcept;
  void swap(stop_token &) noexcept;
};
// libstdc++ 12 declares request_stop() const; the standard does not.
class stop_source {
public:
  stop_source();
  stop_source(const stop_source &) noexcept;
  stop_source(stop_source &&) noexcept;
  stop_token get_token() const noexcept;
  bool request_stop() const noexcept;
  bool stop_requested() const noexcept;
  void swap(stop_source &) noexcept;
};
template <class F> class stop_callback {
public:
  template <class C> explicit stop_callback(const stop_token &, C &&) {}
  ~stop_callback();
};
template <class F> stop_callback(stop_token, F) -> stop_callback<F>;

class thread {
public:
  thread() noexcept;
  template <class F, class... A> explicit thread(F &&, A &&...) {}
  thread(thread &&) noexcept;
  ~thread();
  thread &operator=(thread &&) noexcept;
  bool joinable() const noexcept;
  void join();
  void detach();
};
class jthread {
public:
  jthread() noexcept;
  template <class F, class... A> explicit jthread(F &&, A &&...) {}
  jthread(jthread &&) noexcept;
  ~jthread();
  bool joinable() const noexcept;
  void join();
  void detach();
  stop_source get_stop_source() noexcept;
  stop_token get_stop_token() const noexcept;
  bool request_stop() noexcept;
};

namespace chrono {
template <class Rep, class Period = void> class duration {
public:
  Rep count() const;
};
template <class Clock, class Dur = void> class time_point {};
using milliseconds = duration<long>;
} // namespace chrono

class mutex {
public:
  void lock();
  void unlock();
};
template <class M> class unique_lock {
public:
  explicit unique_lock(M &);
  ~unique_lock();
};
class condition_variable {
public:
  void wait(unique_lock<mutex> &);
  template <class P> void wait(unique_lock<mutex> &, P) {}
  template <class R, class Pe>
  int wait_for(unique_lock<mutex> &, const chrono::duration<R, Pe> &);
  void notify_one() noexcept;
  void notify_all() noexcept;
};
class condition_variable_any {
public:
  template <class L> void wait(L &);
  template <class L, class P> void wait(L &, P) {}
  template <class L, class P> bool wait(L &, stop_token, P) { return true; }
  template <class L, class R, class Pe, class P>
  bool wait_for(L &, const chrono::duration<R, Pe> &, P) { return true; }
  template <class L, class R, class Pe, class P>
  bool wait_for(L &, stop_token, const chrono::duration<R, Pe> &, P) {
    return true;
  }
  void notify_one() noexcept;
  void notify_all() noexcept;
};
template <class T> class __basic_future {
public:
  void wait() const;
  bool valid() const noexcept;
};
template <class T> class future : public __basic_future<T> {
public:
  future() noexcept;
  future(future &&) noexcept;
  future &operator=(future &&) noexcept;
  T get();
};
template <class T> class shared_future : public __basic_future<T> {
public:
  shared_future(future<T> &&) noexcept;
  const T &get() const;
};
enum class launch { async = 1, deferred = 2 };
template <class F, class... A> future<int> async(F &&, A &&...) {
  return {};
}
template <class F, class... A>
future<int> async(launch, F &&, A &&...) {
  return {};
}
} // namespace std

namespace tbb {
namespace detail {
namespace d1 {
class task_group_context {
public:
  task_group_context();
  bool cancel_group_execution();
  bool is_group_execution_cancelled() const;
};
template <class R, class B> void parallel_for(const R &, const B &) {}
template <class R, class B>
void parallel_for(const R &, const B &, task_group_context &) {}
} // namespace d1
} // namespace detail
inline namespace v1 {
using detail::d1::parallel_for;
using detail::d1::task_group_context;
} // namespace v1
} // namespace tbb
namespace oneapi {
namespace tbb = ::tbb;
} // namespace oneapi

namespace pplx {
class cancellation_token {
public:
  static cancellation_token none();
  bool is_canceled() const;
};
class cancellation_token_source {
public:
  cancellation_token_source();
  cancellation_token get_token() const;
  void cancel() const;
};
class task_options {
public:
  task_options(cancellation_token);
};
template <class T> class task {
public:
  task();
  template <class F> explicit task(F) {}
  template <class F> task(F, task_options) {}
  template <class F> auto then(F) const -> task<T> { return {}; }
  void wait() const;
  T get() const;
};
template <class T> task<T> operator&&(const task<T> &, const task<T> &);
} // namespace pplx

namespace folly {
class CancellationToken {
public:
  bool isCancellationRequested() const noexcept;
  // Up to v2025.07.14.00; cancellation_token_merge from v2025.07.21.00.
  template <typename... Ts> static CancellationToken merge(Ts &&...tokens);
};
class CancellationSource {
public:
  CancellationToken getToken() const noexcept;
  bool requestCancellation() const noexcept;
};
class CancellationCallback {
public:
  template <class C> CancellationCallback(const CancellationToken &, C &&) {}
  ~CancellationCallback();
};
struct cancellation_token_merge_fn {
  template <typename... Ts> CancellationToken operator()(Ts &&...) const;
};
inline constexpr cancellation_token_merge_fn cancellation_token_merge{};
} // namespace folly

namespace unifex {
class inplace_stop_token {
public:
  bool stop_requested() const noexcept;
};
class inplace_stop_source {
public:
  inplace_stop_token get_token() noexcept;
  bool request_stop() noexcept;
};
struct unstoppable_token {
  static constexpr bool stop_requested() noexcept { return false; }
  static constexpr bool stop_possible() noexcept { return false; }
};
} // namespace unifex

namespace stdexec {
struct never_stop_token {
  static constexpr bool stop_requested() noexcept { return false; }
  static constexpr bool stop_possible() noexcept { return false; }
};
} // namespace stdexec

namespace boost::asio {
class execution_context {};
class io_context : public execution_context {
public:
  void run();
  void stop();
};
class thread_pool : public execution_context {
public:
  void join();
  void wait();
};
template <class E, class F> void post(E &, F &&) {}
struct detached_t {};
inline constexpr detached_t detached;
template <class E, class F, class T> void co_spawn(E &, F &&, T) {}
struct use_awaitable_t {};
inline constexpr use_awaitable_t use_awaitable;
} // namespace boost::asio

namespace grpc {
class Status {
public:
  bool ok() const;
};
class ServerContextBase {
public:
  bool IsCancelled() const;
  void TryCancel() const;
};
class ServerContext : public ServerContextBase {};
class CallbackServerContext : public ServerContextBase {};
class PropagationOptions {};
class ClientContext {
public:
  void TryCancel();
  static std::unique_ptr<ClientContext>
  FromServerContext(const ServerContextBase &,
                    PropagationOptions = PropagationOptions());
  static std::unique_ptr<ClientContext>
  FromCallbackServerContext(const CallbackServerContext &,
                            PropagationOptions = PropagationOptions());
  template <typename T> void set_deadline(const T &) {}
};
template <class Req, class Resp> class TemplatedGenericStub {
public:
  Status UnaryCall(ClientContext *, const Req &, Resp *);
};
} // namespace grpc
)cpp";

/// Every statement of a body, in source (traversal) order.
class Collect : public RecursiveASTVisitor<Collect> {
public:
  std::vector<const Stmt *> Out;
  bool shouldVisitTemplateInstantiations() const { return false; }
  bool VisitStmt(Stmt *S) {
    Out.push_back(S);
    return true;
  }
};

/// Every declaration of the main file, in source order.
class Decls : public RecursiveASTVisitor<Decls> {
public:
  explicit Decls(const SourceManager &SM) : SM(SM) {}
  std::vector<const NamedDecl *> Out;
  std::vector<const Stmt *> Stmts;
  bool shouldVisitTemplateInstantiations() const { return false; }
  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) &&
        !SM.isInMainFile(SM.getExpansionLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool VisitNamedDecl(NamedDecl *D) {
    Out.push_back(D);
    return true;
  }
  bool VisitStmt(Stmt *S) {
    Stmts.push_back(S);
    return true;
  }

private:
  const SourceManager &SM;
};

/// True if \p D is called \p Name, written plainly ("f", "operator=") or
/// qualified ("ns::f").
bool named(const NamedDecl *D, llvm::StringRef Name) {
  return D->getNameAsString() == Name || D->getQualifiedNameAsString() == Name;
}

} // namespace

llvm::StringRef standIns() { return StandIns; }

TestAST::TestAST(llvm::StringRef Code, Options Opts) {
  std::vector<std::string> Args = {Opts.Std};
  std::string Text = Code.str();
  tooling::FileContentMappings Files;
  if (Opts.StandIns) {
    Args.push_back("-isystem");
    Args.push_back("/ctx-stand-ins");
    Files.emplace_back("/ctx-stand-ins/ctx_stand_ins.h", StandIns);
    Text = "#include <ctx_stand_ins.h>\n" + Text;
  }
  Args.insert(Args.end(), Opts.Flags.begin(), Opts.Flags.end());
  AST = tooling::buildASTFromCodeWithArgs(
      Text, Args, "input.cpp", "clang-tool",
      std::make_shared<PCHContainerOperations>(),
      tooling::getClangStripDependencyFileAdjuster(), Files);
  Parents = std::make_unique<ParentIndex>(AST->getASTContext());
}

TestAST::~TestAST() = default;

bool TestAST::compiled() const {
  return !AST->getDiagnostics().hasErrorOccurred();
}

std::string TestAST::errors() const {
  std::string Out;
  for (auto It = AST->stored_diag_begin(); It != AST->stored_diag_end(); ++It)
    if (It->getLevel() >= DiagnosticsEngine::Error)
      Out += It->getMessage().str() + "\n";
  return Out;
}

llvm::StringRef TestAST::code() const {
  const SourceManager &SM = context().getSourceManager();
  return SM.getBufferData(SM.getMainFileID());
}

const FunctionDecl *TestAST::function(llvm::StringRef Name) const {
  Decls D(context().getSourceManager());
  D.TraverseDecl(context().getTranslationUnitDecl());
  for (const NamedDecl *N : D.Out)
    if (const auto *F = dyn_cast<FunctionDecl>(N))
      if (F->doesThisDeclarationHaveABody() && named(F, Name))
        return F;
  return nullptr;
}

const Stmt *TestAST::body(llvm::StringRef Name) const {
  const FunctionDecl *F = function(Name);
  return F ? F->getBody() : nullptr;
}

const VarDecl *TestAST::var(llvm::StringRef Name) const {
  Decls D(context().getSourceManager());
  D.TraverseDecl(context().getTranslationUnitDecl());
  for (const NamedDecl *N : D.Out)
    if (const auto *V = dyn_cast<VarDecl>(N))
      if (named(V, Name))
        return V;
  return nullptr;
}

const DeclRefExpr *TestAST::ref(llvm::StringRef Name, unsigned N,
                                const Stmt *Within) const {
  std::vector<const Stmt *> All;
  if (Within) {
    Collect C;
    C.TraverseStmt(const_cast<Stmt *>(Within));
    All = std::move(C.Out);
  } else {
    Decls D(context().getSourceManager());
    D.TraverseDecl(context().getTranslationUnitDecl());
    All = std::move(D.Stmts);
  }
  for (const Stmt *S : All)
    if (const auto *R = dyn_cast<DeclRefExpr>(S))
      if (named(R->getDecl(), Name) && N-- == 0)
        return R;
  return nullptr;
}

const CallExpr *TestAST::call(llvm::StringRef Callee, unsigned N) const {
  Decls D(context().getSourceManager());
  D.TraverseDecl(context().getTranslationUnitDecl());
  for (const Stmt *S : D.Stmts)
    if (const auto *C = dyn_cast<CallExpr>(S))
      if (const FunctionDecl *F = C->getDirectCallee())
        if (named(F, Callee) && N-- == 0)
          return C;
  return nullptr;
}

std::vector<const Stmt *> TestAST::statementsIn(llvm::StringRef Fn) const {
  Collect C;
  if (const Stmt *B = body(Fn))
    C.TraverseStmt(const_cast<Stmt *>(B));
  return C.Out;
}

} // namespace clang::tidy::ctx::test
