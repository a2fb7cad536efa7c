//===--- CaptureFix.h - ctx-tidy --------------------------------*- C++ -*-===//
//
// Rewrites a lambda's capture list so that it owns copies of the context
// handles it reaches: "&tok" becomes "tok", "[&]" becomes "[&, tok]",
// "[this]" becomes "[this, tok = tok_]" with the uses renamed, and the lambda
// becomes mutable when its body calls a non-const member on a copy. Only
// owning, copyable handles are copied, and only when the copy cannot change
// what the code does: no edit inside a macro, no use that writes through the
// name, no reassignment of the original.
//
//===----------------------------------------------------------------------===//

#ifndef CTX_TIDY_LIB_CAPTUREFIX_H
#define CTX_TIDY_LIB_CAPTUREFIX_H

#include "lib/CaptureAnalysis.h"
#include "lib/ParentIndex.h"
#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <optional>

namespace clang::tidy::ctx {

/// One combined edit of a lambda for several reached objects.
struct CaptureFix {
  llvm::SmallVector<FixItHint, 4> Edits;
  /// The objects the edits make the lambda own.
  llvm::SmallPtrSet<const ValueDecl *, 4> Fixed;
};

/// Builds the edits that make \p L capture copies of the objects in
/// \p Reaches that allow it. Objects that do not allow it are left alone;
/// if any edit would land in a macro expansion, no edit is returned.
CaptureFix buildCaptureFix(const LambdaExpr *L,
                           llvm::ArrayRef<ContextReach> Reaches,
                           const ParentIndex &Parents);

/// Replaces "std::ref(tok)" with "tok" when the bound copy owns the state and
/// \p Parameter (the parameter it is forwarded to, when known) takes it by
/// value or by const reference.
std::optional<FixItHint> buildBoundCopyFix(const ContextReach &R,
                                           const ParmVarDecl *Parameter,
                                           ASTContext &Ctx);

} // namespace clang::tidy::ctx

#endif // CTX_TIDY_LIB_CAPTUREFIX_H
