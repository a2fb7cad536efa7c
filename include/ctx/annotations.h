// ctx/annotations.h - mark your own cancellation types for ctx-tidy.
//
// The macros expand to [[clang::annotate("ctx::...")]] under clang (which
// clang-tidy and clangd use) and to nothing under other compilers, so they
// cost nothing and never warn. Writing the attribute out by hand works too.
//
//   class CTX_CANCEL_SOURCE RequestScope {
//   public:
//     CTX_GET_TOKEN Done done() const;
//     CTX_CANCEL void cancel();
//   };
//   class CTX_TOKEN Done { ... };
//   CTX_CANCEL_FACTORY std::pair<Context, CancelFn> with_timeout(const Context
//   &, Duration);
//
// See docs/custom-types.md.
#ifndef CTX_ANNOTATIONS_H
#define CTX_ANNOTATIONS_H

#if defined(__clang__)
#define CTX_ANNOTATE_(what) [[clang::annotate(what)]]
#else
#define CTX_ANNOTATE_(what)
#endif

/// A class that observes cancellation (like std::stop_token).
#define CTX_TOKEN CTX_ANNOTATE_("ctx::token")
/// A class that owns cancellation state and cancels (like std::stop_source).
#define CTX_CANCEL_SOURCE CTX_ANNOTATE_("ctx::cancel_source")
/// A per-request context that carries cancellation (like grpc::ClientContext).
#define CTX_CONTEXT CTX_ANNOTATE_("ctx::context")
/// An RAII registration of a callback on a token (like std::stop_callback).
#define CTX_CALLBACK CTX_ANNOTATE_("ctx::callback")
/// An RAII guard whose destructor runs a callable (like absl::Cleanup).
#define CTX_SCOPE_GUARD CTX_ANNOTATE_("ctx::scope_guard")
/// A member function that cancels its object.
#define CTX_CANCEL CTX_ANNOTATE_("ctx::cancel")
/// A member function that hands out a token.
#define CTX_GET_TOKEN CTX_ANNOTATE_("ctx::get_token")
/// A member function that asks whether cancellation was requested (like
/// std::stop_token::stop_requested).
#define CTX_OBSERVE CTX_ANNOTATE_("ctx::observe")
/// A function returning a context together with its cancel function.
#define CTX_CANCEL_FACTORY CTX_ANNOTATE_("ctx::cancel_factory")
/// A function returning a context derived from the one it is given (its
/// argument, or the object of a member function), like Go's
/// context.WithValue.
#define CTX_DERIVES CTX_ANNOTATE_("ctx::derives")

#endif // CTX_ANNOTATIONS_H
