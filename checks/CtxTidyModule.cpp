//===--- CtxTidyModule.cpp - ctx-tidy -------------------------------------===//
//
// Registers the ctx-* checks listed in Checks.def. Registration only: each
// check lives in its own <Name>Check.h/.cpp pair.
//
//===----------------------------------------------------------------------===//

#include "checks/BrokenPropagationCheck.h"
#include "checks/DetachedRefCaptureCheck.h"
#include "checks/LoopDerivationCheck.h"
#include "checks/StaticStorageCheck.h"
#include "checks/TemporaryCallbackCheck.h"
#include "checks/UndeferredCancelCheck.h"
#include "checks/UnforwardedTokenCheck.h"
#include "checks/UnobservedTokenCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "lib/ClangCompat.h"

namespace clang::tidy::ctx {
namespace {

class CtxTidyModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
#define CTX_CHECK(Name, Class, Summary, FixIt)                                 \
  Factories.registerCheck<Class>(Name);
#include "checks/Checks.def"
  }
};

} // namespace
} // namespace clang::tidy::ctx

namespace clang::tidy {

static ClangTidyModuleRegistry::Add<ctx::CtxTidyModule>
    CtxModuleRegistration("ctx", "Checks for cancellation leaks.");

// Referenced by binaries that link the checks statically (ctx-clangd, the
// standalone ctx-tidy) so that the linker keeps this registration.
// NOLINTNEXTLINE(misc-use-internal-linkage): the anchor is external by design.
volatile int CtxTidyModuleAnchorSource = 0;

} // namespace clang::tidy
