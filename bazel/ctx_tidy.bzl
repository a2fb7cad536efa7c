"""ctx_tidy_aspect: the ctx-tidy checks as Bazel actions.

    bazel build //... \
      --aspects=@ctx_tidy//:ctx_tidy.bzl%ctx_tidy_aspect \
      --output_groups=ctx_tidy \
      --@ctx_tidy//:module=@ctx_tidy_build//:CtxTidyModule.so

Each C++ source of a cc_library, cc_binary or cc_test (and of the targets
they depend on through `deps`) gets one action that runs clang-tidy with the
ctx module and the target's own compile flags, and writes the report
<target>.ctx-tidy/<source>.txt. The action's inputs are declared (the source,
the headers it may read, the module, the configuration file, the C++
toolchain's files), so Bazel's action cache skips sources whose inputs did not
change and remote execution spreads the rest. With
--@ctx_tidy//:fail_on_findings, a ctx-* warning fails its action and the
build. docs/build-integration.md#bazel has the setup.
"""

load("@bazel_tools//tools/build_defs/cc:action_names.bzl", "ACTION_NAMES")
load("@bazel_tools//tools/cpp:toolchain_utils.bzl", "find_cpp_toolchain")

CtxTidyInfo = provider(
    doc = "The ctx-tidy reports of a target and of what it depends on.",
    fields = {"reports": "depset of report files"},
)

_FlagInfo = provider(fields = {"value": "the flag's value"})

def _bool_flag_impl(ctx):
    return _FlagInfo(value = ctx.build_setting_value)

ctx_tidy_bool_flag = rule(
    implementation = _bool_flag_impl,
    build_setting = config.bool(flag = True),
    doc = "A true/false setting of the aspect, such as fail_on_findings.",
)

_RULE_KINDS = ["cc_library", "cc_binary", "cc_test"]

# C++ sources only: C sources would get C++ flags (--cxxopt), and the ctx
# checks are about C++.
_SOURCE_EXTENSIONS = ["cc", "cpp", "cxx", "c++", "C", "cp"]

def _compile_flags(ctx, target, feature_configuration, cc_toolchain):
    """The flags the target's sources are compiled with, less the source
    and output names."""
    rule_copts = [
        ctx.expand_make_variables("copts", copt, {})
        for copt in getattr(ctx.rule.attr, "copts", [])
    ]
    variables = cc_common.create_compile_variables(
        feature_configuration = feature_configuration,
        cc_toolchain = cc_toolchain,
        user_compile_flags = ctx.fragments.cpp.copts + ctx.fragments.cpp.cxxopts + rule_copts,
    )
    flags = cc_common.get_memory_inefficient_command_line(
        feature_configuration = feature_configuration,
        action_name = ACTION_NAMES.cpp_compile,
        variables = variables,
    )
    compilation = target[CcInfo].compilation_context
    defines = compilation.defines.to_list() + getattr(ctx.rule.attr, "local_defines", [])
    flags = flags + ["-D" + d for d in defines]
    flags = flags + ["-I" + d for d in compilation.includes.to_list()]
    flags = flags + ["-iquote" + d for d in compilation.quote_includes.to_list()]
    flags = flags + ["-isystem" + d for d in compilation.system_includes.to_list()]
    return flags

def _report_name(target_name, source):
    path = source.short_path
    if path.startswith("../"):
        path = "external/" + path[3:]
    return "%s.ctx-tidy/%s.txt" % (target_name, path)

def _ctx_tidy_aspect_impl(target, ctx):
    deps = [
        dep[CtxTidyInfo].reports
        for dep in getattr(ctx.rule.attr, "deps", [])
        if CtxTidyInfo in dep
    ]
    if ctx.rule.kind not in _RULE_KINDS or CcInfo not in target:
        reports = depset(transitive = deps)
        return [CtxTidyInfo(reports = reports), OutputGroupInfo(ctx_tidy = reports)]

    modules = ctx.attr._module.files.to_list()
    if len(modules) != 1:
        fail("ctx_tidy_aspect: set --@ctx_tidy//:module to the built CtxTidyModule.so " +
             "(docs/build-integration.md#bazel)")
    configs = ctx.attr._config.files.to_list()
    if len(configs) > 1:
        fail("ctx_tidy_aspect: --@ctx_tidy//:config names more than one file")
    fail_on_findings = ctx.attr._fail_on_findings[_FlagInfo].value

    cc_toolchain = find_cpp_toolchain(ctx)
    feature_configuration = cc_common.configure_features(
        ctx = ctx,
        cc_toolchain = cc_toolchain,
        requested_features = ctx.features,
        unsupported_features = ctx.disabled_features,
    )
    flags = _compile_flags(ctx, target, feature_configuration, cc_toolchain)
    headers = target[CcInfo].compilation_context.headers

    sources = []
    for src in getattr(ctx.rule.attr, "srcs", []):
        sources += [f for f in src.files.to_list() if f.extension in _SOURCE_EXTENSIONS]

    reports = []
    for source in sources:
        report = ctx.actions.declare_file(_report_name(ctx.label.name, source))
        args = ctx.actions.args()
        args.add(report)
        args.add("1" if fail_on_findings else "0")
        args.add(modules[0])
        args.add(configs[0] if configs else "")
        args.add(source)
        args.add("--")
        args.add_all(flags)
        ctx.actions.run(
            executable = ctx.executable._action,
            arguments = [args],
            inputs = depset(
                [source] + modules + configs,
                transitive = [headers, cc_toolchain.all_files],
            ),
            outputs = [report],
            mnemonic = "CtxTidy",
            progress_message = "ctx-tidy %s" % source.short_path,
            use_default_shell_env = True,
        )
        reports.append(report)

    all_reports = depset(reports, transitive = deps)
    return [CtxTidyInfo(reports = all_reports), OutputGroupInfo(ctx_tidy = all_reports)]

ctx_tidy_aspect = aspect(
    implementation = _ctx_tidy_aspect_impl,
    attr_aspects = ["deps"],
    fragments = ["cpp"],
    attrs = {
        "_action": attr.label(
            default = Label("//:ctx_tidy_action.sh"),
            executable = True,
            cfg = "exec",
            allow_single_file = True,
        ),
        "_cc_toolchain": attr.label(
            default = Label("@bazel_tools//tools/cpp:current_cc_toolchain"),
        ),
        "_config": attr.label(default = Label("//:config"), allow_files = True),
        "_fail_on_findings": attr.label(default = Label("//:fail_on_findings")),
        "_module": attr.label(default = Label("//:module"), allow_files = True),
    },
)
