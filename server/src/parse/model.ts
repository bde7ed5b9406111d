// The model of one settings module: a small Python IR (expressions, statements) with exact source ranges.

/** Zero-based line and UTF-16 column, as LSP counts them. */
export interface Position {
  line: number;
  character: number;
}

/** A span of the source; offsets are UTF-16 code-unit indexes into the module's text. */
export interface Range {
  start: Position;
  end: Position;
  startOffset: number;
  endOffset: number;
}

interface ExprBase {
  range: Range;
}

export type Expr = ExprBase &
  (
    | { t: "str"; v: string; /** the literal's own quotes and prefix, for fixes that rewrite it */ raw: string }
    | { t: "fstr"; parts: Array<string | Expr> }
    | { t: "num"; v: number; float: boolean }
    | { t: "bool"; v: boolean }
    | { t: "none" }
    | { t: "list" | "tuple" | "set"; items: Expr[] }
    | { t: "dict"; entries: DictEntry[] }
    | { t: "name"; id: string }
    | { t: "attr"; obj: Expr; attr: string }
    | { t: "sub"; obj: Expr; index: Expr }
    | {
        t: "call";
        fn: Expr;
        args: Expr[];
        kwargs: Keyword[];
        /** *args or **kwargs present: arity unknown */
        spread: boolean;
        /** The `**x` expressions, when they are the only spreads: a known dict gives its keywords. */
        kwSpreads?: Expr[];
        /** The `*x` expressions, each written just before args[at] (at = args.length: after the last). */
        argSpreads?: Array<{ at: number; e: Expr }>;
      }
    | { t: "binop"; op: string; l: Expr; r: Expr }
    | { t: "unary"; op: "not" | "-" | "+" | "~"; e: Expr }
    | { t: "boolop"; op: "and" | "or"; l: Expr; r: Expr }
    | { t: "compare"; ops: string[]; operands: Expr[] }
    | { t: "cond"; test: Expr; body: Expr; orelse: Expr }
    | { t: "starred"; e: Expr }
    /** `name := value`: evaluating it binds `name` in the frame, where Python does (EvalContext.assign). */
    | { t: "walrus"; name: string; value: Expr }
    /** `[x for x in xs if c]`, `{k: v for k, v in d.items()}`, `(x for x in xs)`: clauses in source order. */
    | { t: "comp"; kind: "list" | "set" | "dict" | "generator"; elt: Expr; value?: Expr; clauses: CompClause[] }
    /** `a:b:c` inside a subscript; each part absent when not written (`X[:i]` has only `upper`). */
    | { t: "slice"; lower?: Expr; upper?: Expr; step?: Expr }
    /** `lambda a, b=1: a`: a function whose body is one returned expression. */
    | { t: "lambda"; params: Param[]; body: Expr }
    /** Anything the IR does not model (lambdas, comprehensions, ERROR nodes): always an unknown value. */
    | { t: "other"; kind: string }
  );

/** One parameter of a def or lambda, as written: `a`, `b=1`, `*args`, `**kwargs`; `kwOnly` after a bare `*` or `*args`. */
export interface Param {
  name: string;
  kind: "plain" | "varargs" | "kwargs";
  default?: Expr;
  kwOnly: boolean;
}

export type CompClause = { for: string[]; iter: Expr } | { if: Expr };

export type DictEntry = { k: Expr; v: Expr; range: Range } | { spread: Expr; range: Range };

export interface Keyword {
  name: string;
  value: Expr;
  range: Range;
}

/** The left-hand side of an assignment: a name and the subscripts applied to it (`DATABASES["default"]["NAME"]`). */
export interface Target {
  name: string;
  path: Expr[];
  range: Range;
  /** The name alone, for fixes and diagnostics that point at the setting's name. */
  nameRange: Range;
}

export interface ImportedName {
  name: string;
  alias?: string;
  range: Range;
}

/** A module reference as written: `level` leading dots, then the dotted name (`from ..base import *` is level 2, "base"). */
export interface ModuleRef {
  level: number;
  name: string;
}

interface StmtBase {
  range: Range;
}

export type Stmt = StmtBase &
  (
    | { kind: "assign"; targets: Target[]; value: Expr; annotated: boolean }
    /** `a, b = 1, 2` and `(a, b) = x`: one element per target position. */
    | { kind: "unpack"; targets: Array<Target | null>; value: Expr }
    | { kind: "augassign"; target: Target; op: string; value: Expr }
    /** A method call that changes a container in place: `MIDDLEWARE.append(...)`, `DATABASES["default"].update(...)`. */
    | { kind: "mutate"; target: Target; method: string; args: Expr[]; kwargs: Keyword[] }
    /** `env.prefix = "DJANGO_"`: an attribute set on a name; only django-environ's Env prefix is modelled. */
    | { kind: "setattr"; target: Target; attr: string; value: Expr }
    | { kind: "del"; targets: Target[] }
    | { kind: "importStar"; module: ModuleRef }
    | { kind: "importFrom"; module: ModuleRef; names: ImportedName[] }
    | { kind: "import"; names: Array<{ module: string; alias?: string; range: Range }> }
    | { kind: "if"; branches: Array<{ test?: Expr; body: Stmt[]; range: Range }> }
    | {
        kind: "try";
        body: Stmt[];
        handlers: Array<{ types: string[] | "all"; body: Stmt[]; range: Range }>;
        orelse: Stmt[];
        finalbody: Stmt[];
      }
    /** A bare call statement: `include(...)`, `sentry_sdk.init(...)`, `environ.Env.read_env()`. */
    | { kind: "call"; call: Expr & { t: "call" } }
    /**
     * for, while, with-as, syntax errors…: the names it binds become unknown. `with` keeps its context expressions
     * (`with suppress(ImportError):`), `for` its loop (`for k in ["A", "B"]:`), for the interpreter to follow when it can.
     */
    | {
        kind: "opaque";
        binds: string[];
        body: Stmt[];
        what: string;
        withItems?: Expr[];
        /** `for target in iter`: the target names (a tuple target gives several); `control` when the body has break/continue. */
        loop?: { names: string[]; iter: Expr; control: boolean; orelse: Stmt[] };
      }
    /** `def name(params): body`, decorated or not; `globals` are the names its `global` statements declare. */
    | { kind: "def"; name: string; params: Param[]; body: Stmt[]; globals: string[]; decorators: Expr[]; isAsync: boolean; nameRange: Range }
    /** `class Name(bases, kw=...): body`. */
    | { kind: "class"; name: string; bases: Expr[]; keywords: Keyword[]; body: Stmt[]; decorators: Expr[]; nameRange: Range }
    /** `obj[index] = value` where obj is not a name: `globals()[k] = v` (a dynamic namespace write). */
    | { kind: "setitem"; obj: Expr; index: Expr; value: Expr }
    /** `return value` (inside a def). */
    | { kind: "return"; value?: Expr }
    /** `raise X(...)`, or a bare `raise`; `type` is the exception's dotted name as written, when it is a name or a call of one. */
    | { kind: "raise"; type?: string }
  );

export interface Comment {
  line: number;
  text: string;
  range: Range;
}

/** A place tree-sitter could not parse, and what is wrong there in words a settings author can act on. */
export interface ParseError {
  range: Range;
  message: string;
}

export interface ModuleModel {
  /** Absolute path of the file, or a URI-like key for unsaved documents. */
  file: string;
  text: string;
  statements: Stmt[];
  comments: Comment[];
  /** What tree-sitter could not parse, in source order; statements inside these ranges are skipped. */
  syntaxErrors: ParseError[];
  /** Where the module docstring and `from __future__` imports end: the place a new import goes. */
  importInsertOffset: number;
  /** Top-level names bound by `import X` / `from X import Y`, to find the project's env-reading style. */
  importedModules: string[];
}
