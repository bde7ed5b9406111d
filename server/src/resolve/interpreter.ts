// Runs a settings module's statements abstractly: star-imports in order, includes, mutations, branches, optional imports.
import * as fs from "fs";
import * as path from "path";
import type { Expr, ModuleModel, Range, Stmt, Target } from "../parse/model";
import { fileGlobTokens, wildcardMatches } from "../parse/linearText";
import { subExprs } from "../parse/exprChildren";
import { exprIndex } from "../parse/exprIndex";
import { evaluate, subscript, type EvalContext } from "./evaluate";
import { iterate, type CallArgs } from "./valueOps";
import { bindArguments, BudgetExceeded, containsReturn, makeFunction, MAX_CALL_DEPTH, MAX_CALL_STEPS, MAX_LOOP_ITEMS, MAX_RUN_STEPS, returnedValue, transparentDecorators } from "./functions";
import type { ModuleLoader } from "./moduleLoader";
import { FILE_START, isSettingName, type Binding, type CallRecord, type ImportHop, type Namespace, type Note, type Write } from "./namespace";
import { recordEnvReads, required } from "./envReads";
import { classAttr, configurationNamespace, configurationValue, isConfiguration, pydanticField, type ConfigurationClass, type UserClass } from "./configurations";
import { dynamicAssign, dynamicCall, dynamicSetItem, holdsDynamicWrite, describeScope, inScope, markFor, type DynamicMark, type DynamicWrite } from "./dynamicWrites";
import { appendItem, commonView, concatViews, removeItem, seqView, UNKNOWN_SEQ, unordered, viewValue, type SeqView } from "./sequences";
import { dictGet, envReadsOf, isKnown, keyOf, pyEquals, pyRepr, sameValue, truthy, unknown, withEnv, type EnvRead, type Loc, type UserFunction, type Value } from "./values";

export interface ModuleResult {
  file: string;
  namespace: Namespace;
  /** Every file that contributed, in the order they ran: the module, what it star-imported, what it included. */
  files: string[];
  notes: Note[];
  calls: CallRecord[];
  /** Every env read made while the module (and what it imported) ran, in order: also the reads whose value no name keeps. */
  envReads: EnvRead[];
  /**
   * Files that django-split-settings' include() runs, or could run under another environment value
   * (`"environments/%s.py" % ENV`): fragments of one namespace, never modules to judge on their own.
   */
  fragments: string[];
  /** Each django-configurations class the module defines, as its own namespace (one environment each). */
  configurations?: ConfigurationClass[];
  /**
   * Where something outside the code may have replaced settings (`globals().update(yaml_config)`, dynaconf): every
   * setting not written again after it, Django's defaults included, is not judged (Environment.get).
   */
  dynamic?: DynamicMark[];
  /** `if` branches skipped only because variables are unset, with the settings they would have set (Environment.get). */
  unsetBranches: UnsetBranch[];
}

/** Settings an `if` chain sets only in branches that run when one of `variables` is set (`if ENABLE_SSL:`). */
export interface UnsetBranch {
  names: string[];
  variables: string[];
  /** The `if` statement. */
  loc: Loc;
}

/** Raised inside a `try` body when an import fails, so the matching `except ImportError` runs instead. */
class ImportFailure extends Error {}

/**
 * How deep imports may chain before the rest is not followed: far beyond any real settings package (3–5), and shallow
 * enough that 600 chained star-imports cannot exhaust the stack (each hop also parses its module).
 */
const MAX_IMPORT_DEPTH = 64;

/** Appends what `arr` lacks of `more`, in order, using (and keeping) a set of arr's members. */
function addAll<T>(arr: T[], more: readonly T[], members: WeakMap<unknown[], Set<unknown>>): void {
  let set = members.get(arr);
  if (!set) members.set(arr, (set = new Set<unknown>(arr)));
  else if (set.size !== arr.length) for (const x of arr) set.add(x); // something was pushed directly since
  for (const x of more) {
    if (set.has(x)) continue;
    set.add(x);
    arr.push(x);
  }
}

/** A binding written in its own module came through no import; shared, as hop lists are only ever copied, never pushed to. */
const NO_HOPS: ImportHop[] = [];

const IMPORT_ERRORS = new Set(["ImportError", "ModuleNotFoundError", "Exception", "BaseException"]);

interface Frame {
  file: string;
  ns: Namespace;
  files: string[];
  notes: Note[];
  calls: CallRecord[];
  envReads: EnvRead[];
  fragments: string[];
  /** See ModuleResult.unsetBranches; recorded at module level only. */
  unsetBranches: UnsetBranch[];
  /** Files being evaluated, to detect import cycles. */
  stack: string[];
  tryDepth: number;
  /**
   * Who may extend arrays in place (see Interpreter.grown): replaced whenever the namespace forks or merges, since the
   * branches share binding objects and values with what came before.
   */
  owner: object;
  /** Made once per frame (see Interpreter.ctx): a 3,000-statement module made one per statement. */
  ctx?: EvalContext;
  /** Set while the frame runs a helper function's body: its locals are `ns`, the rest is looked up through `fn`. */
  fn?: FnState;
  /** See ModuleResult.dynamic. */
  dynamic?: DynamicMark[];
  /** The tests the undecided `if` branches being run assume true: they can bound a dynamic write's keys. */
  guards?: readonly Expr[];
  /** Undecided `if` bodies being run: an import that fails there may well never run. */
  undecided?: number;
  /** Set while a class body runs: names it does not bind are the module's (`outer`); `name` is the class's. */
  classBody?: { name: string; outer: (name: string) => Value | undefined };
}

/** What a helper call's paths have done so far. */
interface FnState {
  fn: UserFunction;
  returns: Value[];
  /** The current path has returned or raised: the statements after it do not run. */
  dead: boolean;
  raised: boolean;
  /** Tests decided only because an env var is unset, on the current path: what it returns depends on them. */
  pathEnv: Value[];
  /** Names outside the function it changes (globals, mutated names it does not own): the caller forgets them. */
  escapes: Set<string>;
  /** Parameters changed in place (`apps.append(...)`): the caller's argument by that name is forgotten. */
  mutatedParams: Set<string>;
}

/** A `raise` inside a helper's try body, for its except clauses. */
class RaiseSignal extends Error {}

export class Interpreter {
  private readonly cache = new Map<string, ModuleResult>();
  /**
   * Items and writes arrays that this interpreter made for `X += [...]`, with the frame owner that may still extend them
   * in place. Copying them on every `+=` made a module with hundreds of `MIDDLEWARE += [...]` quadratic: 12 of the
   * 17 MiB allocated by each keystroke's re-analysis of the 3,000-line benchmark module were copies (bench/reanalysis.mjs). An array stops being extendable
   * once anything else can see it: its value read by name (the lookup drops it), a fork of the namespace (a new
   * owner), another module (another frame, another owner).
   */
  private readonly extendable = new WeakMap<unknown[], object>();

  /**
   * The members of a frame's files, env-read and note arrays (which frames of one module share), kept beside them so that
   * merging what an import brings is linear: with `includes` a 200-module all-to-all import graph ran for minutes.
   */
  private readonly members = new WeakMap<unknown[], Set<unknown>>();
  private readonly callKeys = new WeakMap<CallRecord[], Set<string>>();
  private readonly cycleNotes = new WeakMap<Note[], { note: Note; first: string; count: number }>();
  private readonly depthNotes = new WeakMap<Note[], { note: Note; first: string; count: number }>();

  /** Helper calls in progress and the statements their outermost call has run (see functions.ts). */
  private callDepth = 0;
  private callSteps = 0;
  /** Statements run by helper calls and unrolled loops for one top-level module run (MAX_RUN_STEPS bounds it). */
  private runSteps = 0;

  constructor(private readonly loader: ModuleLoader) {}

  run(file: string, stack: string[] = []): ModuleResult {
    const abs = path.resolve(file);
    const cached = this.cache.get(abs);
    if (cached) return cached;
    if (stack.length === 0) this.runSteps = 0;
    const frame: Frame = { file: abs, ns: new Map(), files: [abs], notes: [], calls: [], envReads: [], fragments: [], unsetBranches: [], stack: [...stack, abs], tryDepth: 0, owner: {} };
    const loaded = this.loader.load(abs);
    if (!loaded.ok) {
      frame.notes.push({ file: abs, range: FILE_START, severity: "error", message: `${path.basename(abs)} ${loaded.reason}` });
    } else {
      if (loaded.note) frame.notes.push({ file: abs, range: FILE_START, severity: "warning", message: loaded.note });
      this.noteSyntaxErrors(loaded.model, frame);
      recordEnvReads(frame.envReads, () => this.block(loaded.model.statements, frame));
    }
    const result: ModuleResult = { file: abs, namespace: frame.ns, files: frame.files, notes: frame.notes, calls: frame.calls, envReads: frame.envReads, fragments: frame.fragments, unsetBranches: frame.unsetBranches, ...(frame.dynamic ? { dynamic: frame.dynamic } : {}) };
    const configurations = configurationsOf(abs, frame.ns);
    if (configurations.length) result.configurations = configurations;
    this.cache.set(abs, result);
    return result;
  }

  private noteSyntaxErrors(model: ModuleModel, frame: Frame): void {
    if (model.syntaxErrors.length === 0) return;
    const first = model.syntaxErrors[0];
    frame.notes.push({
      file: model.file,
      range: first.range,
      severity: "warning",
      message: `${path.basename(model.file)} has a syntax error at line ${first.range.start.line + 1} (${first.message}); the statements around it are skipped`,
    });
  }

  private block(stmts: Stmt[], f: Frame): void {
    if (!f.fn) {
      for (const s of stmts) this.stmt(s, f);
      return;
    }
    for (const s of stmts) {
      if (f.fn.dead) return;
      if (++this.callSteps > MAX_CALL_STEPS) throw new BudgetExceeded();
      this.stmt(s, f);
    }
  }

  private ctx(f: Frame): EvalContext {
    // The lookup reads f.ns when called, so one context serves the frame as its namespace is replaced.
    return (f.ctx ??= {
      file: f.file,
      lookup: (name) => {
        const v = f.ns.get(name)?.value ?? f.fn?.fn.outer(name) ?? f.classBody?.outer(name);
        // The value may now be kept elsewhere (`X = MIDDLEWARE`): a later `MIDDLEWARE +=` must not change it.
        if (v?.k === "list") this.extendable.delete(v.items);
        return v;
      },
      callUser: (fn, call) => this.callUser(fn, call, f),
      instanceAttr: (obj, name, loc) => obj.attrs?.get(name) ?? pydanticField(obj.cls, name, loc),
      assign: (name, value, range) => this.bind(f, name, value, range, range, "assign"),
      makeLambda: (e, loc) => {
        const defaults = new Map<string, Value>();
        for (const p of e.params) if (p.default) defaults.set(p.name, evaluate(p.default, this.ctx(f)));
        return makeFunction("<lambda>", e.params, { expr: e.body }, f.file, defaults, this.outerOf(f), [], loc);
      },
    });
  }

  /** How a function defined in frame `f` sees names that are not its own: f's locals (a closure), then f's outer names. */
  private outerOf(f: Frame): (name: string) => Value | undefined {
    return (name) => f.ns.get(name)?.value ?? f.fn?.fn.outer(name);
  }

  /**
   * Runs a helper function abstractly, with every environment variable unset as everywhere else: bounded in depth and
   * in statements, unknown past the bounds, and never executing anything. Names it may change outside itself are
   * forgotten in the caller's namespace (a global it rebinds, a list passed to it that it appends to).
   */
  private callUser(fnValue: Value, call: CallArgs, caller: Frame): Value | undefined {
    // `settings = Settings()`: an instance, whose attributes pydantic-settings fields answer (instanceAttr).
    if (fnValue.k === "class") {
      const attrs = initAttributes(fnValue.cls, call);
      return { k: "instance", cls: fnValue.cls, loc: call.loc, ...(attrs ? { attrs } : {}) };
    }
    if (fnValue.k !== "func") return undefined;
    const fn = fnValue.fn;
    const loc = call.loc;
    if (this.callDepth >= MAX_CALL_DEPTH) return unknown(`${fn.name}() calls nest deeper than the analysis follows`, { loc });
    const bound = bindArguments(fn, call.args, call.kwargs, loc);
    if (typeof bound === "string") return withEnv(unknown(bound, { loc }), ...call.args);
    const ns: Namespace = new Map();
    for (const [k, v] of bound) ns.set(k, { value: v, writes: [], via: NO_HOPS });
    // The module-level names the body may change (declared global, or changed in place and never bound locally) start
    // as the module's own values, so what the body leaves can be handed back to the caller (forgetEscapes).
    const seeded: Namespace = new Map();
    if (!caller.fn) {
      for (const name of globalsChanged(fn)) {
        const outer = ns.has(name) ? undefined : fn.outer(name);
        if (!outer) continue;
        const b: Binding = { value: outer, writes: [], via: NO_HOPS };
        ns.set(name, b);
        seeded.set(name, b);
      }
    }
    const state: FnState = { fn, returns: [], dead: false, raised: false, pathEnv: [], escapes: new Set([...fn.globals, ...seeded.keys()]), mutatedParams: new Set() };
    const frame: Frame = {
      file: fn.file,
      ns,
      // What the body would add to the module's own records is not kept: its notes would point into a call.
      files: [],
      notes: [],
      calls: [],
      envReads: caller.envReads,
      fragments: [],
      unsetBranches: [],
      stack: caller.stack,
      tryDepth: 0,
      owner: {},
      fn: state,
    };
    const outermost = this.callDepth === 0;
    if (outermost && this.runSteps > MAX_RUN_STEPS) return unknown(`${fn.name}() is not followed: the module's helper calls and loops have run as long as the analysis allows`, { loc });
    if (outermost) this.callSteps = 0;
    this.callDepth++;
    let result: Value;
    let completed = false;
    try {
      if ("expr" in fn.body) result = evaluate(fn.body.expr, this.ctx(frame));
      else {
        this.block(fn.body, frame);
        if (!state.dead) state.returns.push(withEnv({ k: "none", loc }, ...state.pathEnv));
        result = returnedValue(fn, state.returns, state.raised, loc);
        completed = true;
      }
    } catch (e) {
      if (!(e instanceof BudgetExceeded) && !(e instanceof RaiseSignal) && !(e instanceof ImportFailure)) throw e;
      if (e instanceof BudgetExceeded && !outermost) throw e;
      result = unknown(e instanceof BudgetExceeded ? `${fn.name}() runs longer than the analysis follows` : `${fn.name}() raises`, { loc });
    } finally {
      this.callDepth--;
      if (outermost) this.runSteps += this.callSteps;
    }
    this.forgetEscapes(state, call, caller, completed && endsOnce(fn.body) ? { ns: frame.ns, seeded } : undefined);
    return { ...result, loc: result.loc ?? loc };
  }

  /**
   * What a helper may have changed outside itself. `final` is the helper's namespace when the body ran whole and every
   * path that goes on ends at its last statement, with the module-level names it started from: such a name then takes
   * the value the body left (`MIDDLEWARE.append(...)` under a test decided false leaves MIDDLEWARE as it was).
   * Anything else it may have changed is forgotten.
   */
  private forgetEscapes(state: FnState, call: CallArgs, caller: Frame, final?: { ns: Namespace; seeded: Namespace }): void {
    if (state.escapes.has("\u0000all") && !caller.fn) {
      this.forgetAll(caller, { loc: call.loc, what: `${state.fn.name}()` });
      state.escapes.delete("\u0000all");
    }
    const names = new Set(state.escapes);
    state.fn.params.forEach((p, i) => {
      if (!state.mutatedParams.has(p.name)) return;
      const e = i < call.expr.args.length ? call.expr.args[i] : call.expr.kwargs.find((k) => k.name === p.name)?.value;
      if (e?.t === "name") names.add(e.id);
    });
    for (const name of names) {
      const b = caller.ns.get(name);
      if (!b) continue;
      const left = final?.seeded.has(name) ? final.ns.get(name) : undefined;
      if (left) {
        if (left === final!.seeded.get(name) || left.value === b.value) continue;
        const write: Write = { file: caller.file, range: call.loc.range, targetRange: call.loc.range, kind: "mutate" };
        caller.ns.set(name, { ...b, value: withEnv(left.value, b.value), writes: [...b.writes, write] });
        continue;
      }
      caller.ns.set(name, { ...b, value: withEnv(unknown(`may be changed by a call to ${state.fn.name}()`, { loc: call.loc }), b.value) });
    }
  }

  /** `arr` with `more` appended: `arr` itself when this frame made it and nobody else can see it, else a copy. */
  private grown<T>(arr: T[], more: readonly T[], f: Frame): T[] {
    if (this.extendable.get(arr) === f.owner) {
      for (const x of more) arr.push(x);
      return arr;
    }
    const out = [...arr, ...more];
    this.extendable.set(out, f.owner);
    return out;
  }

  private stmt(s: Stmt, f: Frame): void {
    switch (s.kind) {
      case "assign": {
        let value = this.configurationAssign(s, f) ?? evaluate(s.value, this.ctx(f));
        if (value.k === "ref" && value.config) value = this.configModule(value, s.range, f);
        if (f.tryDepth > 0) this.raiseOnRequired(value, s, f);
        for (const t of s.targets) this.assignTarget(t, value, s.range, f, "assign", t.path.length === 0 && f.ns.has(t.name) && namesRead(s.value).has(t.name));
        if (!f.fn && (value.k === "bool" || value.k === "int" || value.k === "float") && value.env?.length) this.rawEnvDefault(s.targets, value, f);
        if (s.value.t === "call" && !f.fn) {
          const dyn = dynamicAssign(evaluate(s.value.fn, this.ctx(f)));
          if (dyn) this.dynamicWrite(dyn, s.range, f);
        }
        return;
      }
      case "unpack": {
        const value = evaluate(s.value, this.ctx(f));
        const items = value.k === "list" || value.k === "tuple" ? value.items : undefined;
        s.targets.forEach((t, i) => {
          if (!t) return;
          const v = items && items.length === s.targets.length ? items[i] : withEnv(unknown("unpacked from a value the analysis cannot split", { loc: value.loc }), value);
          this.assignTarget(t, v, s.range, f, "unpack");
        });
        return;
      }
      case "augassign": {
        if (s.target.path.length || s.op === "+") this.noteMutation(s.target.name, f);
        const old = this.read(s.target, f);
        const rhs = evaluate(s.value, this.ctx(f));
        const loc: Loc = { file: f.file, range: s.range };
        const prev = f.ns.get(s.target.name);
        const whole = s.target.path.length === 0 && prev !== undefined;
        let v: Value;
        if (old.k === "list" && s.op === "+") {
          const more = iterate(rhs);
          // Only a whole binding's list may grow in place: a list inside a dict is shared with the dict's other copies.
          const items = more ? (whole ? this.grown(old.items, more, f) : [...old.items, ...more]) : undefined;
          v = items ? withEnv({ k: "list", items, loc: old.loc }, old, rhs) : withEnv(unknown("extended with an unknown sequence", { loc }), old, rhs);
        } else {
          v = binopValues(s.op, old, rhs, loc);
        }
        if (whole) {
          // `X += [...]` extends the value it found, so the earlier writes stay part of its history.
          const write: Write = { file: f.file, range: s.range, targetRange: s.target.range, kind: "augassign" };
          f.ns.set(s.target.name, { ...prev, value: v, writes: this.grown(prev.writes, [write], f) });
        } else this.assignTarget(s.target, v, s.range, f, "augassign");
        return;
      }
      case "mutate":
        this.mutate(s, f);
        return;
      case "setattr": {
        // django-environ reads `self.prefix + var`; the prefix is an instance attribute set after construction.
        const b = f.ns.get(s.target.name);
        if (!b || b.value.k !== "envobj" || s.target.path.length || s.attr !== "prefix") return;
        const v = evaluate(s.value, this.ctx(f));
        const prefix = v.k === "str" ? v.v : undefined;
        if (prefix === undefined) {
          f.notes.push({ file: f.file, range: s.range, severity: "information", message: "env.prefix is not known statically: the variables read through this env are named without it" });
          return;
        }
        const write: Write = { file: f.file, range: s.range, targetRange: s.target.range, kind: "mutate" };
        f.ns.set(s.target.name, { ...b, value: { ...b.value, prefix }, writes: [...b.writes, write] });
        return;
      }
      case "del":
        for (const t of s.targets) this.del(t, s.range, f);
        return;
      case "import":
        for (const n of s.names) {
          const bound = n.alias ?? n.module.split(".")[0];
          const refPath = n.alias ? n.module : n.module.split(".")[0];
          this.bind(f, bound, { k: "ref", path: refPath, loc: { file: f.file, range: n.range } }, s.range, n.range, "assign");
        }
        return;
      case "importFrom":
        this.importFrom(s, f);
        return;
      case "importStar":
        this.importStar(s, f);
        return;
      case "if":
        this.ifStmt(s, f);
        return;
      case "try":
        this.tryStmt(s, f);
        return;
      case "call":
        this.callStmt(s, f);
        return;
      case "def": {
        const loc: Loc = { file: f.file, range: s.range };
        if (s.isAsync || !transparentDecorators(s.decorators)) {
          this.bind(f, s.name, unknown(`${s.name} is a function the analysis does not call (async or decorated)`, { loc }), s.range, s.nameRange, "opaque");
          return;
        }
        const defaults = new Map<string, Value>();
        for (const p of s.params) if (p.default) defaults.set(p.name, evaluate(p.default, this.ctx(f)));
        this.bind(f, s.name, makeFunction(s.name, s.params, s.body, f.file, defaults, this.outerOf(f), s.globals, loc), s.range, s.nameRange, "opaque");
        return;
      }
      case "class":
        this.classDef(s, f);
        return;
      case "setitem": {
        const dyn = dynamicSetItem(s, (e) => evaluate(e, this.ctx(f)), f.guards);
        if (dyn) this.dynamicWrite(dyn, s.range, f);
        return;
      }
      case "return": {
        if (!f.fn) return;
        const v = s.value ? evaluate(s.value, this.ctx(f)) : { k: "none" as const, loc: { file: f.file, range: s.range } };
        if (f.tryDepth > 0) this.raiseOnRequired(v, s, f);
        f.fn.returns.push(withEnv(v, ...f.fn.pathEnv));
        f.fn.dead = true;
        return;
      }
      case "raise":
        if (!f.fn) return;
        if (f.tryDepth > 0) throw new RaiseSignal(s.type ?? "");
        f.fn.raised = true;
        f.fn.dead = true;
        return;
      case "opaque": {
        if (s.loop && this.unrolled(s, s.loop, f)) return;
        // A helper's loop that is not followed may return from inside: the call's result is then not known.
        if (f.fn && (s.what === "for" || s.what === "while") && containsReturn(s.body)) f.fn.returns.push(unknown(`${f.fn.fn.name}() returns from inside a loop the analysis does not follow`, { loc: { file: f.file, range: s.range } }));
        if ((s.what === "for" || s.what === "while") && !f.fn) {
          const dyn = holdsDynamicWrite(s.body, (e) => evaluate(e, this.ctx(f)));
          if (dyn) this.dynamicWrite({ what: dyn.what, scope: dyn.scope }, s.range, f);
        }
        if (s.what === "with" && s.withItems?.some((e) => this.suppressesImportError(e, f))) this.suppressed(s, f);
        else if (s.what === "with") this.block(s.body, f);
        const written = new Set(s.binds);
        const loop = s.what === "for" || s.what === "while";
        if (loop) for (const n of writtenNames(s.body)) written.add(n);
        const loc: Loc = { file: f.file, range: s.range };
        for (const name of written) {
          // Kiwi: `for plugin in entry_points(): INSTALLED_APPS.append(plugin)` only adds items. What was in the list
          // before stays certainly present (django_extensions is still there); what the loop adds is not known.
          const grown = loop && !f.fn && !s.binds.includes(name) ? grownInLoop(name, s.body) : undefined;
          const before = grown ? f.ns.get(name)?.value : undefined;
          const view = before ? seqView(before) : undefined;
          if (grown && before && view) {
            const after = concatViews(grown === "anywhere" ? { ...view, gaps: view.gaps?.map(() => true) } : view, UNKNOWN_SEQ);
            this.bind(f, name, viewValue(after, `${name} gains items inside a ${s.what} loop the analysis does not follow`, loc, before), s.range, s.range, "opaque");
            continue;
          }
          this.bind(f, name, unknown(s.what === "syntax-error" ? "assigned in a part of the file that does not parse" : `set inside a ${s.what.replace("_definition", "")} block`, { loc }), s.range, s.range, "opaque");
        }
        return;
      }
    }
  }

  /**
   * `for k in ["A", "B"]:` over a sequence the analysis knows, without break or continue: the body runs once per item,
   * as written. False (nothing run) when the loop cannot be followed so.
   */
  private unrolled(s: Stmt & { kind: "opaque" }, loop: NonNullable<(Stmt & { kind: "opaque" })["loop"]>, f: Frame): boolean {
    const iter = evaluate(loop.iter, this.ctx(f));
    const seen = iterate(iter);
    if (!seen || seen.length > MAX_LOOP_ITEMS) return false;
    // Over nothing (`for plugin in PLUGINS:` with PLUGINS's default []), a break or continue in the body never runs.
    if (loop.control && seen.length > 0) return false;
    const cost = seen.length * Math.max(1, s.body.length);
    if (this.runSteps + cost > MAX_RUN_STEPS) return false;
    this.runSteps += cost;
    // A copy: the body may extend the very list it walks (`for m in MIDDLEWARE: MIDDLEWARE += [...]` grows it in place).
    const items = [...seen];
    const loc: Loc = { file: f.file, range: s.range };
    for (const item of items) {
      if (loop.names.length === 1) this.bind(f, loop.names[0], withEnv(item, iter), s.range, s.range, "assign");
      else {
        const parts = item.k === "tuple" || item.k === "list" ? item.items : undefined;
        loop.names.forEach((n, i) =>
          this.bind(f, n, parts && parts.length === loop.names.length ? withEnv(parts[i], iter) : withEnv(unknown("unpacked from a value the analysis cannot split", { loc }), item), s.range, s.range, "assign"),
        );
      }
      this.block(s.body, f);
      if (f.fn?.dead) return true;
    }
    this.block(loop.orelse, f);
    return true;
  }

  /**
   * `DEBUG = os.getenv("DEBUG", False)`: judged as False while DEBUG is unset, but a value from the environment is
   * always a string, and "False" or "0" is truthy; a note says so on that line.
   */
  private rawEnvDefault(targets: Target[], value: Value, f: Frame): void {
    // The raw default itself: an env read tags its value with itself first and gives it its own place.
    const r = value.env![0];
    if (r.loc !== value.loc || (r.via !== "os.getenv" && r.via !== "os.environ.get") || r.default?.k !== value.k) return;
    const name = targets.find((t) => t.path.length === 0 && isSettingName(t.name))?.name;
    if (!name) return;
    // A number's problem is its type, not its truth: `EMAIL_PORT = os.getenv("EMAIL_PORT", 587)` is "2525" once set.
    const message =
      value.k === "bool"
        ? `${name} is ${pyRepr(value)} only while ${r.variable} is unset: ${r.via} returns the variable's text, and any non-empty string, "False" and "0" included, is truthy; convert it (e.g. == "true")`
        : `${name} is the number ${pyRepr(value)} only while ${r.variable} is unset: ${r.via} returns the variable's text, a str once it is set; convert it (${value.k === "float" ? "float" : "int"}(${r.via}("${r.variable}", ${pyRepr(value)})))`;
    f.notes.push({ file: f.file, range: r.loc.range, severity: "information", message, ...(value.k === "bool" ? {} : { quotes: { names: [name, r.variable], text: pyRepr(value) } }) });
  }

  /**
   * A write from outside the code. Known keys are bound as written; otherwise every setting bound so far becomes an
   * unknown that says where it may have been replaced, and so does every setting not written after this line.
   */
  private dynamicWrite(dyn: DynamicWrite, range: Range, f: Frame): void {
    const loc: Loc = { file: f.file, range };
    if (dyn.keys) {
      for (const [k, v] of dyn.keys) this.bind(f, k, v ?? unknown(`written by ${dyn.what}`, { loc, dynamic: loc }), range, range, "assign");
      return;
    }
    if (f.fn) {
      f.fn.escapes.add("\u0000all");
      return;
    }
    const mark: DynamicMark = { loc, what: dyn.what, ...(dyn.scope ? { scope: dyn.scope } : {}) };
    this.forgetAll(f, mark);
    const which = dyn.scope ? `the settings named ${describeScope(dyn.scope)}` : "settings before this line and Django's defaults";
    f.notes.push({
      file: f.file,
      range,
      severity: "information",
      message: `${which} can be replaced from outside the code (${dyn.what}): the analysis does not judge them`,
    });
  }

  /**
   * Every setting the write can reach may have been replaced at `mark.loc`: unknown, keeping what it was as the one
   * alternative the code shows.
   */
  private forgetAll(f: Frame, mark: DynamicMark): void {
    const { loc, what, scope } = mark;
    for (const [name, b] of f.ns) {
      if (!isSettingName(name) || !inScope(scope, name)) continue;
      f.ns.set(name, { ...b, value: unknown(`may be replaced from outside the code by ${what}`, { loc, dynamic: loc, alternatives: [b.value] }) });
    }
    f.dynamic = [...(f.dynamic ?? []), mark];
  }

  private bind(f: Frame, name: string, value: Value, range: Range, targetRange: Range, kind: Write["kind"], derived = false): void {
    const prev = f.ns.get(name);
    const write: Write = derived ? { file: f.file, range, targetRange, kind, derived } : { file: f.file, range, targetRange, kind };
    f.ns.set(name, { value, writes: [write], via: NO_HOPS, overrides: prev });
  }

  private read(t: Target, f: Frame): Value {
    const b = f.ns.get(t.name);
    if (!b) return unknown(`${t.name} is used before it is set`, { loc: { file: f.file, range: t.range } });
    let v = b.value;
    for (const p of t.path) v = subscript(v, evaluate(p, this.ctx(f)), { file: f.file, range: t.range });
    return v;
  }

  private assignTarget(t: Target, value: Value, range: Range, f: Frame, kind: Write["kind"], derived = false): void {
    if (t.path.length === 0) {
      this.bind(f, t.name, value, range, t.range, kind, derived);
      return;
    }
    this.noteMutation(t.name, f);
    const b = f.ns.get(t.name);
    const keys = t.path.map((p) => evaluate(p, this.ctx(f)));
    const write: Write = { file: f.file, range, targetRange: t.range, kind };
    if (!b && f.fn) return;
    if (!b) {
      f.notes.push({ file: f.file, range: t.range, severity: "warning", message: `${t.name} is assigned into before it is defined (NameError at run time)` });
      return;
    }
    f.ns.set(t.name, { ...b, value: setIn(b.value, keys, value), writes: [...b.writes, write] });
  }

  private del(t: Target, range: Range, f: Frame): void {
    if (t.path.length === 0) {
      f.ns.delete(t.name);
      return;
    }
    const b = f.ns.get(t.name);
    if (!b) return;
    const keys = t.path.map((p) => evaluate(p, this.ctx(f)));
    const write: Write = { file: f.file, range, targetRange: t.range, kind: "del" };
    // `del X["a"]["b"]`: remove the last key from the container the other keys lead to.
    const parentKeys = keys.slice(0, -1);
    const last = keys[keys.length - 1];
    f.ns.set(t.name, { ...b, value: updateIn(b.value, parentKeys, (c) => deleteKey(c, last)), writes: [...b.writes, write] });
  }

  /** In a helper: a name changed in place that is a parameter, or that is not its own (a global). */
  private noteMutation(name: string, f: Frame): void {
    if (!f.fn) return;
    if (!f.ns.has(name)) f.fn.escapes.add(name);
    else if (f.fn.fn.params.some((p) => p.name === name)) f.fn.mutatedParams.add(name);
  }

  private mutate(s: Stmt & { kind: "mutate" }, f: Frame): void {
    this.noteMutation(s.target.name, f);
    const b = f.ns.get(s.target.name);
    if (!b) return;
    if (b.value.k === "ref" || b.value.k === "envobj") return; // os.environ.update(...), env.read_env(...): not a setting
    const keys = s.target.path.map((p) => evaluate(p, this.ctx(f)));
    const args = s.args.map((a) => evaluate(a, this.ctx(f)));
    const kwargs: Record<string, Value> = {};
    for (const k of s.kwargs) kwargs[k.name] = evaluate(k.value, this.ctx(f));
    const loc: Loc = { file: f.file, range: s.range };
    const write: Write = { file: f.file, range: s.range, targetRange: s.target.range, kind: "mutate" };
    const value = updateIn(b.value, keys, (c) => applyMethod(c, s.method, args, kwargs, loc));
    f.ns.set(s.target.name, { ...b, value, writes: [...b.writes, write] });
  }

  private importFrom(s: Stmt & { kind: "importFrom" }, f: Frame): void {
    const res = this.loader.resolve(f.file, s.module);
    if ("external" in res) {
      for (const n of s.names) {
        this.bind(f, n.alias ?? n.name, { k: "ref", path: `${res.external}.${n.name}`, loc: { file: f.file, range: n.range } }, s.range, n.range, "assign");
      }
      return;
    }
    if ("missing" in res) {
      this.failedImport(res.name, s.range, f);
      return;
    }
    const mod = this.enter(res.file, s.range, f);
    if (!mod) return;
    const hop: ImportHop = { file: f.file, range: s.range, from: res.file };
    for (const n of s.names) {
      const b = mod.namespace.get(n.name);
      const local = n.alias ?? n.name;
      // With nothing local to replace, keep the imported binding's own history (base.py's value under common.py's).
      if (b) f.ns.set(local, { ...b, via: [hop, ...b.via], overrides: f.ns.get(local) ?? b.overrides });
      else if (fileFor(res.file, n.name)) this.bind(f, local, this.submodule(res.file, n.name, s.range, f), s.range, n.range, "assign");
      else if (markFor(mod.dynamic, n.name)) {
        const mark = markFor(mod.dynamic, n.name)!;
        this.bind(f, local, unknown(`may be set from outside the code by ${mark.what}`, { dynamic: mark.loc }), s.range, n.range, "assign");
      }
      else f.notes.push({ file: f.file, range: n.range, severity: "warning", message: `${n.name} is not defined in ${path.basename(res.file)}` });
    }
  }

  private importStar(s: Stmt & { kind: "importStar" }, f: Frame): void {
    const res = this.loader.resolve(f.file, s.module);
    if ("external" in res) {
      f.notes.push({ file: f.file, range: s.range, severity: "information", message: `names star-imported from ${res.external} are outside the project and not known` });
      return;
    }
    if ("missing" in res) {
      this.failedImport(res.name, s.range, f);
      return;
    }
    const mod = this.enter(res.file, s.range, f);
    if (!mod) return;
    const hop: ImportHop = { file: f.file, range: s.range, from: res.file };
    const all = mod.namespace.get("__all__")?.value;
    const allNames = all && (all.k === "list" || all.k === "tuple") ? all.items.flatMap((i) => (i.k === "str" ? [i.v] : [])) : undefined;
    // What the imported module's namespace may hold is not known: the names set here before the import are not either.
    for (const mark of mod.dynamic ?? []) this.forgetAll(f, mark);
    for (const [name, b] of mod.namespace) {
      if (allNames ? !allNames.includes(name) : name.startsWith("_")) continue;
      f.ns.set(name, { ...b, via: [hop, ...b.via], overrides: f.ns.get(name) ?? b.overrides });
    }
  }

  /** The first such note of a module, and after it a count of the others in the same note (importers share the object). */
  private noteOncePerModule(notes: WeakMap<Note[], { note: Note; first: string; count: number }>, f: Frame, range: Range, first: string, others: string): void {
    const known = notes.get(f.notes);
    if (known) {
      known.count++;
      known.note.message = `${known.first}; ${known.count} more imports in this module ${others}`;
      return;
    }
    const note: Note = { file: f.file, range, severity: "warning", message: first };
    notes.set(f.notes, { note, first, count: 0 });
    f.notes.push(note);
  }

  /** Runs an imported project module (cached), guarding against cycles; merges its files and notes into the frame. */
  private enter(file: string, range: Range, f: Frame): ModuleResult | undefined {
    if (f.stack.includes(file)) {
      const cycle = [...f.stack.slice(f.stack.indexOf(file)), file].map((p) => path.basename(p)).join(" → ");
      // One note per module however many of its imports close a cycle: 200 modules that all import each other made
      // 40,000 notes, each copied into every importer.
      this.noteOncePerModule(this.cycleNotes, f, range, `import cycle: ${cycle}; the repeated import is skipped`, "close a cycle and are skipped too");
      return undefined;
    }
    if (f.stack.length >= MAX_IMPORT_DEPTH) {
      // One note per module, as for cycles: in an all-to-all graph the module at the depth limit skips every import.
      const first = `star-imports and imports chain more than ${MAX_IMPORT_DEPTH} modules deep here: ${path.basename(file)} and what it imports are not followed`;
      this.noteOncePerModule(this.depthNotes, f, range, first, "are past that depth and not followed either");
      return undefined;
    }
    const mod = this.run(file, f.stack);
    addAll(f.files, mod.files, this.members);
    addAll(f.envReads, mod.envReads, this.members);
    addAll(f.notes, mod.notes, this.members);
    addAll(f.unsetBranches, mod.unsetBranches, this.members);
    // Importing a module runs it, top-level calls included (sentry_sdk.init in base.py configures production too).
    let calls = this.callKeys.get(f.calls);
    if (!calls) this.callKeys.set(f.calls, (calls = new Set(f.calls.map((x) => `${x.file}\u0000${x.range.startOffset}`))));
    for (const c of mod.calls) {
      const key = `${c.file}\u0000${c.range.startOffset}`;
      if (calls.has(key)) continue;
      calls.add(key);
      f.calls.push({ ...c, via: [{ file: f.file, range, from: file }, ...c.via] });
    }
    return mod;
  }

  /**
   * Inside a try body, a statement that reads a variable without a default raises while it is unset (KeyError for
   * os.environ[...]), so its except clause runs: `try: X = os.environ["X"] except KeyError: X = "dev"`.
   */
  private raiseOnRequired(v: Value, s: Stmt, f: Frame): void {
    const r = envReadsOf(v).find((x) => !x.hasDefault && x.loc.file === f.file && x.loc.range.startOffset >= s.range.startOffset && x.loc.range.endOffset <= s.range.endOffset);
    if (!r) return;
    throw new RaiseSignal(r.via === "os.environ[]" ? "KeyError" : r.via === "config" ? "UndefinedValueError" : "ImproperlyConfigured");
  }

  /**
   * A class statement: its bases evaluated, its body run in a namespace of its own that sees the module's names.
   * django-configurations reads `values.*Value(...)` attributes as env reads named after the attribute.
   */
  private classDef(s: Stmt & { kind: "class" }, f: Frame): void {
    const loc: Loc = { file: f.file, range: s.range };
    const bases: Array<UserClass | string> = [];
    for (const b of s.bases) {
      const v = evaluate(b, this.ctx(f));
      if (v.k === "class") bases.push(v.cls);
      else if (v.k === "ref") bases.push(v.path);
      else {
        this.bind(f, s.name, unknown(`${s.name} derives from a class the analysis does not know`, { loc }), s.range, s.nameRange, "opaque");
        return;
      }
    }
    if (s.decorators.length || s.keywords.some((k) => k.name === "metaclass")) {
      this.bind(f, s.name, unknown(`${s.name} is a decorated class or has its own metaclass`, { loc }), s.range, s.nameRange, "opaque");
      return;
    }
    const body: Frame = { ...f, ns: new Map(), ctx: undefined, owner: {}, fn: undefined, classBody: { name: s.name, outer: this.outerOf(f) } };
    this.block(s.body, body);
    if (body.dynamic) f.dynamic = body.dynamic;
    const cls: UserClass = { name: s.name, file: f.file, range: s.range, bases, ns: body.ns };
    this.bind(f, s.name, { k: "class", cls, loc }, s.range, s.nameRange, "opaque");
  }

  /** `X = values.BooleanValue(False)` in a class body: django-configurations' env read, named after X. */
  private configurationAssign(s: Stmt & { kind: "assign" }, f: Frame): Value | undefined {
    if (!f.classBody || s.value.t !== "call" || s.targets.length !== 1 || s.targets[0].path.length) return undefined;
    const fn = evaluate(s.value.fn, this.ctx(f));
    const m = fn.k === "ref" ? /^configurations\.values\.([A-Za-z]*Value)$/.exec(fn.path) : null;
    if (!m) return undefined;
    const ctx = this.ctx(f);
    const args = s.value.args.map((a) => evaluate(a, ctx));
    const kwargs: Record<string, Value> = {};
    for (const k of s.value.kwargs) kwargs[k.name] = evaluate(k.value, ctx);
    const d = s.value.args[0] ?? s.value.kwargs.find((k) => k.name === "default")?.value;
    return configurationValue(m[1], s.targets[0].name, args, kwargs, { file: f.file, range: s.value.range }, d && { file: f.file, range: d.range });
  }

  /**
   * `configuration = importlib.import_module(os.environ.get("APP_CONFIGURATION", "app.configuration"))`: a project
   * module by that name is run like any import; a missing one (the deployment supplies it) stays a configuration whose
   * getattr defaults are judged, and an example of it beside (`configuration_example.py`, `configuration.py.example`)
   * is read for committed secrets, its values recorded as that configuration's defaults.
   */
  private configModule(v: Value & { k: "ref" }, range: Range, f: Frame): Value {
    const res = this.loader.resolve(f.file, { level: 0, name: v.path });
    if ("file" in res) {
      const mod = this.enter(res.file, range, f);
      if (mod) {
        const ns = mod.namespace;
        return withEnv({ k: "module", file: res.file, attr: (a) => ns.get(a)?.value, loc: v.loc }, v);
      }
      return v;
    }
    const parts = v.path.split(".");
    const leaf = parts.pop()!;
    const pkg = parts.length ? this.loader.resolve(f.file, { level: 0, name: parts.join(".") }) : { file: f.file };
    if ("file" in pkg) this.exampleDefaults(path.dirname(pkg.file), leaf, v.path, range, f);
    return v;
  }

  /** Reads an example of a missing configuration module (`<leaf>_example.py`, `<leaf>.py.example`, ...) as its defaults. */
  private exampleDefaults(dir: string, leaf: string, configuration: string, range: Range, f: Frame): void {
    const root = path.resolve(this.loader.root);
    for (const name of [`${leaf}_example.py`, `${leaf}.example.py`, `${leaf}.py.example`, `${leaf}.py.sample`, `${leaf}_sample.py`, `${leaf}.py.dist`, `${leaf}.py.template`]) {
      const file = path.join(dir, name);
      if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || f.stack.includes(file)) continue;
      const mod = this.run(file, f.stack);
      if (!f.files.includes(file)) f.files.push(file);
      for (const [k, b] of mod.namespace) {
        if (!isSettingName(k) || !isKnown(b.value)) continue;
        const w = b.writes[b.writes.length - 1];
        const loc: Loc = w ? { file: w.file, range: w.targetRange } : { file, range };
        f.envReads.push({ variable: k, via: `example ${name}`, hasDefault: true, default: b.value, loc, defaultLoc: b.value.loc, configuration });
      }
      return;
    }
  }

  /** `from . import utils`: the module, run like any import, as a value whose attributes are its names. */
  private submodule(pkgInit: string, name: string, range: Range, f: Frame): Value {
    const res = this.loader.resolve(pkgInit, { level: 1, name });
    const loc: Loc = { file: f.file, range };
    if (!("file" in res)) return unknown(`the module ${name}`, { loc });
    const mod = this.enter(res.file, range, f);
    if (!mod) return unknown(`the module ${name}`, { loc });
    const ns = mod.namespace;
    return { k: "module", file: res.file, attr: (a) => ns.get(a)?.value, loc };
  }

  private failedImport(name: string, range: Range, f: Frame): void {
    if (f.tryDepth > 0) throw new ImportFailure(name);
    // Inside `if os.path.exists(...)` and other tests the analysis cannot decide, the import may never run.
    if (f.undecided) f.notes.push({ file: f.file, range, severity: "information", message: `the module ${name} is not in the project: this import runs only when the condition around it holds, and is skipped` });
    else f.notes.push({ file: f.file, range, severity: "warning", message: `the module ${name} is not in the project: this import would fail` });
  }

  /** `contextlib.suppress(ImportError)` (or ModuleNotFoundError, Exception): a with-block that makes its imports optional. */
  private suppressesImportError(e: Expr, f: Frame): boolean {
    if (e.t !== "call") return false;
    const fn = evaluate(e.fn, this.ctx(f));
    if (fn.k !== "ref" || (fn.path !== "contextlib.suppress" && fn.path !== "suppress")) return false;
    return e.args.some((a) => {
      const name = a.t === "name" ? a.id : a.t === "attr" ? a.attr : "";
      return IMPORT_ERRORS.has(name);
    });
  }

  /** The body of `with suppress(ImportError):`, which stops at a failed import as a try/except ImportError would. */
  private suppressed(s: Stmt & { kind: "opaque" }, f: Frame): void {
    f.tryDepth++;
    try {
      this.block(s.body, f);
    } catch (e) {
      if (e instanceof RaiseSignal) {
        f.owner = {};
        return;
      }
      if (!(e instanceof ImportFailure)) throw e;
      f.owner = {};
      f.notes.push({ file: f.file, range: s.range, severity: "information", message: `optional import of ${e.message} skipped: the module is not in the project` });
    } finally {
      f.tryDepth--;
    }
  }

  private ifStmt(s: Stmt & { kind: "if" }, f: Frame): void {
    const undecided: Array<{ body: Stmt[]; test?: Expr }> = [];
    // Tests decided only because an env var is unset make the chosen branch depend on that variable too.
    const tests: Value[] = [];
    for (const br of s.branches) {
      if (!br.test) {
        if (undecided.length === 0) {
          this.skippedWhileUnset(s, br, tests, f);
          this.decidedBranch(br.body, tests, f);
          return;
        }
        undecided.push(br);
        break;
      }
      const test = evaluate(br.test, this.ctx(f));
      tests.push(test);
      const t = truthy(test);
      if (t === true && undecided.length === 0 && this.raisesWhenUnset(br, test, f)) continue;
      if (t === true && undecided.length === 0) {
        this.skippedWhileUnset(s, br, tests, f);
        this.decidedBranch(br.body, tests, f);
        return;
      }
      if (t === false) continue;
      undecided.push(br);
      if (t === true) break; // an earlier branch is undecided; this one closes the chain
    }
    if (undecided.length === 0) {
      if (f.fn) for (const t of tests) if (t.env?.length) f.fn.pathEnv.push(t);
      this.skippedWhileUnset(s, undefined, tests, f);
      return;
    }
    const hasElse = undecided.length > 0 && !s.branches[s.branches.length - 1].test && undecided.includes(s.branches[s.branches.length - 1]);
    const before = f.ns;
    const outcomes: Namespace[] = [];
    f.undecided = (f.undecided ?? 0) + 1;
    const outerGuards = f.guards;
    for (const br of undecided) {
      f.ns = new Map(before);
      f.owner = {};
      f.guards = br.test ? [...(outerGuards ?? []), br.test] : outerGuards;
      try {
        this.block(br.body, f);
      } catch (e) {
        f.undecided--;
        throw e;
      } finally {
        f.guards = outerGuards;
      }
      // In a helper, a branch that returned or raised ends its path: only the others go on.
      if (f.fn?.dead) f.fn.dead = false;
      else outcomes.push(f.ns);
    }
    f.undecided--;
    if (!hasElse) outcomes.push(new Map(before));
    if (outcomes.length === 0) {
      f.fn!.dead = true;
      f.ns = before;
      return;
    }
    f.ns = outcomes.length === 1 ? outcomes[0] : mergeOutcomes(outcomes, { file: f.file, range: s.range });
    f.owner = {};
  }

  /**
   * `if not SECRET_KEY: raise ImproperlyConfigured(...)` at module level, taken only because a variable is unset: the
   * settings do not load without it, so it is required, as `os.environ["K"]` would make it. The names the test reads
   * become required reads (paperless-ngx), and the chain goes on as if the test were false, as in any deployment that
   * starts.
   */
  private raisesWhenUnset(br: { test?: Expr; body: Stmt[] }, test: Value, f: Frame): boolean {
    if (f.fn || f.tryDepth > 0 || f.guards?.length || !br.test || !test.env?.length || !br.body.some((x) => x.kind === "raise")) return false;
    // One variable decides it, or setting any one of several may be enough (`if not DEBUG and SECRET_KEY == "dev":`):
    // then nothing is required, and the branch runs as before.
    if (new Set(test.env.filter((r) => !r.configuration).map((r) => r.variable)).size !== 1) return false;
    const loc: Loc = { file: f.file, range: br.test.range };
    // Each read once, recorded as required: the test's own reads are the names' reads too.
    const made = new Map<EnvRead, EnvRead>();
    const requiredRead = (r: EnvRead): EnvRead => {
      let x = made.get(r);
      if (!x) {
        x = { ...r, hasDefault: false, default: undefined, defaultLoc: undefined };
        required(x);
        made.set(r, x);
      }
      return x;
    };
    for (const r of test.env) if (!r.configuration) requiredRead(r);
    for (const name of namesIn(br.test)) {
      const b = f.ns.get(name);
      if (!b) continue;
      const env = envReadsOf(b.value).filter((r) => !r.configuration).map(requiredRead);
      if (env.length === 0) continue;
      f.ns.set(name, { ...b, value: { k: "unknown", why: `required: the settings raise at line ${loc.range.start.line + 1} when ${env.map((r) => r.variable).join(" and ")} is unset`, env, loc: b.value.loc ?? loc } });
    }
    return true;
  }

  /**
   * A module-level `if` chain decided only because variables are unset (`ENABLE_SSL = env.bool("ENABLE_SSL", False)`,
   * then `if ENABLE_SSL: SECURE_SSL_REDIRECT = True`): the settings its other branches write are missing only while
   * they stay unset, and a "not set" message says so (saleor).
   */
  private skippedWhileUnset(s: Stmt & { kind: "if" }, chosen: { body: Stmt[] } | undefined, tests: Value[], f: Frame): void {
    if (f.fn || f.classBody) return;
    const variables = [...new Set(tests.flatMap((t) => (t.env ?? []).filter((r) => !r.configuration).map((r) => r.variable)))];
    if (variables.length === 0) return;
    const written = new Set(chosen ? writtenNames(chosen.body) : []);
    const names = [...new Set(s.branches.filter((b) => b !== chosen).flatMap((b) => writtenNames(b.body)))].filter((n) => isSettingName(n) && !written.has(n));
    if (names.length > 0) f.unsetBranches.push({ names, variables, loc: { file: f.file, range: s.range } });
  }

  private decidedBranch(body: Stmt[], tests: Value[], f: Frame): void {
    // In a helper, whatever the rest of the path returns depends on the variables that decided the test.
    if (f.fn) for (const t of tests) if (t.env?.length) f.fn.pathEnv.push(t);
    if (!tests.some((t) => t.env?.length)) {
      this.block(body, f);
      return;
    }
    const before = new Map(f.ns);
    this.block(body, f);
    f.owner = {};
    for (const [name, b] of f.ns) {
      if (before.get(name) !== b) f.ns.set(name, { ...b, value: withEnv(b.value, ...tests) });
    }
  }

  private tryStmt(s: Stmt & { kind: "try" }, f: Frame): void {
    f.tryDepth++;
    let failed: ImportFailure | undefined;
    let raised: RaiseSignal | undefined;
    try {
      this.block(s.body, f);
    } catch (e) {
      if (e instanceof RaiseSignal) raised = e;
      else if (!(e instanceof ImportFailure)) throw e;
      else {
        failed = e;
        // The body stopped part-way, perhaps inside a fork whose values are now held by calls or env reads: nothing
        // it made may be extended in place any more.
        f.owner = {};
      }
    } finally {
      f.tryDepth--;
    }
    if (raised) {
      this.raisedInTry(s, raised, f);
      return;
    }
    if (failed) {
      const handler = s.handlers.find((h) => h.types === "all" || h.types.some((t) => IMPORT_ERRORS.has(t.split(".").pop()!)));
      if (!handler) {
        this.failedImport(failed.message, s.range, f);
      } else {
        f.notes.push({ file: f.file, range: s.range, severity: "information", message: `optional import of ${failed.message} skipped: the module is not in the project` });
        // `try: from .local_settings import *` with local_settings.py.example committed beside it: read for secrets.
        const m = /^\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(failed.message);
        if (m) this.exampleDefaults(path.dirname(f.file), m[1], m[1], s.range, f);
        this.block(handler.body, f);
      }
    } else {
      this.block(s.orelse, f);
    }
    this.block(s.finalbody, f);
  }

  /** A helper's `raise` inside a try body: the except clause that catches it runs, else the path ends raising. */
  private raisedInTry(s: Stmt & { kind: "try" }, e: RaiseSignal, f: Frame): void {
    const type = e.message.split(".").pop() ?? "";
    const handler = s.handlers.find((h) => h.types === "all" || h.types.some((t) => { const n = t.split(".").pop(); return n === type || n === "Exception" || n === "BaseException"; }));
    f.owner = {};
    if (!f.fn && (!handler || handler.body.some((x) => x.kind === "raise"))) {
      // At module level an exception that is not handled, or handled by raising again, stops the settings from
      // loading while the variable is unset: what the body reads stays required, as without the try.
      const depth = f.tryDepth;
      f.tryDepth = 0;
      try {
        this.block(s.body, f);
      } finally {
        f.tryDepth = depth;
      }
      return;
    }
    if (f.fn) f.fn.dead = false;
    if (handler) this.block(handler.body, f);
    else if (f.fn) {
      f.fn.raised = true;
      f.fn.dead = true;
    }
    if (f.fn && !f.fn.dead) this.block(s.finalbody, f);
  }

  private callStmt(s: Stmt & { kind: "call" }, f: Frame): void {
    const fn = evaluate(s.call.fn, this.ctx(f));
    if (fn.k === "ref" && fn.path === "split_settings.tools.include") {
      this.include(s.call, f);
      return;
    }
    if (fn.k === "ref" && (fn.path === "builtins.locals" || fn.path === "builtins.globals" || fn.path === "globals" || fn.path === "locals")) return;
    if (fn.k === "bound" && fn.self.k === "unknown") return;
    const dyn = dynamicCall(s, (e) => evaluate(e, this.ctx(f)), fn);
    if (dyn) {
      this.dynamicWrite(dyn, s.range, f);
      return;
    }
    if (fn.k === "func") {
      // A helper called for its effects: run it, so that what it changes outside itself is forgotten.
      evaluate(s.call, this.ctx(f));
      return;
    }
    const args = s.call.args.map((a) => evaluate(a, this.ctx(f)));
    const kwargs: Record<string, Value> = {};
    for (const k of s.call.kwargs) kwargs[k.name] = evaluate(k.value, this.ctx(f));
    const callee = fn.k === "ref" ? fn.path : fn.k === "bound" ? `.${fn.name}` : "?";
    f.calls.push({ file: f.file, range: s.range, callee, args, kwargs, via: [] });
  }

  /** The expression written at `loc`, from its module's model. */
  private exprAt(loc: Loc): Expr | undefined {
    const loaded = this.loader.load(loc.file);
    return loaded.ok ? exprIndex(loaded.model).at(loc.range) : undefined;
  }

  /** django-split-settings: each file runs in this module's own namespace, in order; globs expand sorted. */
  private include(call: Expr & { t: "call" }, f: Frame): void {
    const dir = path.dirname(f.file);
    const outside: Array<{ pattern: string; range: Range }> = [];
    const flushOutside = (): void => {
      if (!outside.length) return;
      const names = outside.map((o) => JSON.stringify(o.pattern)).join(", ");
      const what = `include(${names}) of ${outside.length === 1 ? "a file" : "files"} outside the project, which ${outside.length === 1 ? "is" : "are"} not read`;
      const range = { ...outside[0].range, end: outside[outside.length - 1].range.end, endOffset: outside[outside.length - 1].range.endOffset };
      outside.length = 0;
      this.dynamicWrite({ what }, range, f);
    };
    // `include(*_base_settings)` (wemake-django-template): a known tuple's items, in place among the other arguments.
    const entries: Array<{ a: Expr; v?: Value }> = [];
    const spreadAt = (i: number) => {
      for (const sp of call.argSpreads ?? []) {
        if (sp.at !== i) continue;
        const seq = iterate(evaluate(sp.e, this.ctx(f)));
        // Each item keeps its own expression where it has one (the f-string in the tuple), for its file pattern.
        if (seq) for (const v of seq) entries.push({ a: (v.loc && this.exprAt(v.loc)) || sp.e, v: v.k === "str" || v.k === "cast" ? v : undefined });
        else entries.push({ a: sp.e, v: unknown("a spread the analysis cannot list", { loc: { file: f.file, range: sp.e.range } }) });
      }
    };
    call.args.forEach((a, i) => {
      spreadAt(i);
      entries.push({ a });
    });
    spreadAt(call.args.length);
    for (const { a, v: given } of entries) {
      const possible = given ? includePath(given)?.pattern : wildcardOf(a);
      if (possible && !this.loader.leavesRoot(path.resolve(dir, possible))) for (const file of expandGlob(dir, possible)) if (!f.fragments.includes(file)) f.fragments.push(file);
      const v = given ?? evaluate(a, this.ctx(f));
      const { pattern, optional } = includePath(v) ?? { pattern: undefined, optional: false };
      if (!pattern) {
        // `include(f"environments/{_ENV}.py")`: one of the files the pattern matches runs here, and whatever any of them
        // sets can no longer be judged from the code before it (wemake-django-template's ALLOWED_HOSTS).
        const candidates = possible ? expandGlob(dir, possible).filter((file) => file !== f.file && !f.stack.includes(file)) : [];
        const names = new Set<string>();
        for (const file of candidates) {
          const loaded = this.loader.load(file);
          if (loaded.ok) for (const n of writtenNames(loaded.model.statements)) if (isSettingName(n)) names.add(n);
        }
        if (names.size) {
          this.dynamicWrite({ what: `include(${JSON.stringify(possible)}), one of ${candidates.length} file${candidates.length === 1 ? "" : "s"}`, keys: [...names].sort().map((n) => [n, undefined]) }, a.range, f);
          f.notes.push({ file: f.file, range: a.range, severity: "information", message: `include(${JSON.stringify(possible)}) picks one of ${candidates.map((c) => path.basename(c)).join(", ")} at run time: the ${names.size} setting${names.size === 1 ? "" : "s"} they set are not judged` });
        } else f.notes.push({ file: f.file, range: a.range, severity: "information", message: "an include() path that is not known statically is skipped" });
        continue;
      }
      if (this.loader.leavesRoot(path.resolve(dir, pattern))) {
        // A file the deployment supplies (`/etc/tower/settings.py`, optional or not): it is not read, and whatever it
        // sets replaces what came before, as an exec() of a file would. Side by side such files make one note.
        outside.push({ pattern, range: a.range });
        continue;
      }
      flushOutside();
      const files = expandGlob(dir, pattern);
      if (files.length === 0 && !optional) {
        f.notes.push({ file: f.file, range: a.range, severity: "warning", message: `include(): ${pattern} matches no file` });
      }
      for (const file of files) {
        if (f.stack.includes(file)) {
          f.notes.push({ file: f.file, range: a.range, severity: "warning", message: `include cycle through ${path.basename(file)}; skipped` });
          continue;
        }
        const loaded = this.loader.load(file);
        if (!loaded.ok) {
          f.notes.push({ file: f.file, range: a.range, severity: "error", message: `${path.basename(file)} ${loaded.reason}` });
          continue;
        }
        if (!f.files.includes(file)) f.files.push(file);
        const inner: Frame = { ...f, file, stack: [...f.stack, file], ctx: undefined };
        this.noteSyntaxErrors(loaded.model, inner);
        try {
          this.block(loaded.model.statements, inner);
        } finally {
          // Also when an import fails part-way (inside the caller's try): Python keeps what the fragment had run.
          f.ns = inner.ns;
          f.owner = inner.owner;
          f.dynamic = inner.dynamic ?? f.dynamic;
        }
      }
    }
    flushOutside();
  }

  /** The module's namespace restricted to Django settings (uppercase names). */
  static settingsOf(ns: Namespace): Map<string, Binding> {
    const out = new Map<string, Binding>();
    for (const [k, v] of ns) if (isSettingName(k)) out.set(k, v);
    return out;
  }
}

/** The django-configurations classes a module defines, each resolved over the module's own settings. */
function configurationsOf(file: string, ns: Namespace): ConfigurationClass[] {
  const out: ConfigurationClass[] = [];
  for (const b of ns.values()) {
    const v = b.value;
    if (v.k !== "class" || v.cls.file !== file || !isConfiguration(v.cls)) continue;
    if (out.some((c) => c.name === v.cls.name)) continue;
    out.push({ name: v.cls.name, range: v.cls.range, namespace: configurationNamespace(Interpreter.settingsOf(ns), v.cls) });
  }
  return out;
}

/**
 * What a plain record class's `__init__` copies from its arguments (`self.name = name`), so `param.name` over a tuple
 * of `ConfigParam(name="BANNER_TOP", ...)` is known. Nothing else in the body is run: an attribute it computes stays
 * unknown. Undefined when the class has no such `__init__` or the call does not bind to it.
 */
function initAttributes(cls: UserClass, call: CallArgs): Map<string, Value> | undefined {
  const init = classAttr(cls, "__init__")?.value;
  if (!init || init.k !== "func" || "expr" in init.fn.body) return undefined;
  const self = init.fn.params[0];
  if (!self || self.kind !== "plain") return undefined;
  const bound = bindArguments(init.fn, [{ k: "none" }, ...call.args], call.kwargs, call.loc);
  if (typeof bound === "string") return undefined;
  const attrs = new Map<string, Value>();
  for (const st of init.fn.body) {
    if (st.kind !== "setattr" || st.target.name !== self.name || st.target.path.length || st.value.t !== "name") continue;
    const v = bound.get(st.value.id);
    if (v && st.value.id !== self.name) attrs.set(st.attr, v);
  }
  return attrs.size ? attrs : undefined;
}

/**
 * The module-level names a function body may change: those it declares global, and those it changes in place
 * (`X.append(...)`, `X["k"] = v`) without ever binding them itself (which would make them its locals).
 */
function globalsChanged(fn: UserFunction): string[] {
  if (!Array.isArray(fn.body)) return [];
  const changed = new Set<string>(fn.globals);
  const local = new Set<string>(fn.params.map((p) => p.name));
  const walk = (stmts: Stmt[]): void => {
    for (const s of stmts) {
      if (s.kind === "mutate") changed.add(s.target.name);
      else if (s.kind === "assign") for (const t of s.targets) (t.path.length ? changed : local).add(t.name);
      else if (s.kind === "augassign") (s.target.path.length ? changed : local).add(s.target.name);
      else if (s.kind === "unpack") {
        for (const t of s.targets) if (t) local.add(t.name);
      }
      else if (s.kind === "def" || s.kind === "class") local.add(s.name);
      else if (s.kind === "import") for (const n of s.names) local.add(n.alias ?? n.module.split(".")[0]);
      else if (s.kind === "importFrom") for (const n of s.names) local.add(n.alias ?? n.name);
      else if (s.kind === "if") for (const b of s.branches) walk(b.body);
      else if (s.kind === "try") walk([...s.body, ...s.orelse, ...s.finalbody, ...s.handlers.flatMap((h) => h.body)]);
      else if (s.kind === "opaque") {
        for (const n of s.binds) local.add(n);
        walk(s.body);
      }
    }
  };
  walk(fn.body);
  for (const g of fn.globals) local.delete(g);
  return [...changed].filter((n) => !local.has(n));
}

/** No `return` before the last statement: every path that goes on ends at the end of the body. */
function endsOnce(body: Stmt[] | { expr: Expr }): boolean {
  if (!Array.isArray(body)) return true;
  return !containsReturn(body.slice(0, -1)) && (body.length === 0 || body[body.length - 1].kind === "return" || !containsReturn(body.slice(-1)));
}

function fileFor(moduleFile: string, name: string): boolean {
  const dir = path.dirname(moduleFile);
  return fs.existsSync(path.join(dir, name + ".py")) || fs.existsSync(path.join(dir, name, "__init__.py"));
}

function expandGlob(dir: string, pattern: string): string[] {
  const abs = path.resolve(dir, pattern);
  if (!/[*?[]/.test(pattern)) return fs.existsSync(abs) ? [abs] : [];
  const parent = path.dirname(abs);
  // Matched by tokens, not a RegExp: `*a*a*a…` from a settings file backtracks polynomially on a hostile file name.
  const tokens = fileGlobTokens(path.basename(abs));
  try {
    return fs
      .readdirSync(parent)
      .filter((n) => wildcardMatches(tokens, n))
      .sort()
      .map((n) => path.join(parent, n));
  } catch {
    return [];
  }
}

/** What an include() argument's value names: a path or glob, optional() or not. */
function includePath(v: Value): { pattern: string | undefined; optional: boolean } | undefined {
  if (v.k === "str") return { pattern: v.v, optional: false };
  if (v.k === "cast" && v.name === "optional") return { pattern: v.of, optional: true };
  return undefined;
}

/** The glob an include() argument could name under any environment: `"envs/%s.py" % ENV` → `envs/*.py`. */
function wildcardOf(e: Expr): string | undefined {
  if (e.t === "str") return e.v;
  if (e.t === "binop" && e.op === "%" && e.l.t === "str") return e.l.v.replace(/%[sdr]/g, "*");
  if (e.t === "fstr") return e.parts.map((p) => (typeof p === "string" ? p : "*")).join("");
  if (e.t === "call" && e.fn.t === "name" && e.fn.id === "optional" && e.args[0]) return wildcardOf(e.args[0]);
  if (e.t === "call" && e.fn.t === "attr" && e.fn.attr === "optional" && e.args[0]) return wildcardOf(e.args[0]);
  return undefined;
}

/**
 * How a loop body changes `name` when all it does is add to it: "end" for append/extend/add/`+=`, "anywhere" when an
 * insert may put items before the known ones; undefined when it may also assign, remove or change it otherwise.
 */
function grownInLoop(name: string, stmts: Stmt[]): "end" | "anywhere" | undefined {
  let how: "end" | "anywhere" | undefined;
  let other = false;
  const visit = (list: Stmt[]) => {
    for (const s of list) {
      if (s.kind === "mutate" && s.target.name === name) {
        if (s.target.path.length > 0 || !GROWING.has(s.method)) other = true;
        else if (s.method === "insert") how = "anywhere";
        else how ??= "end";
      } else if (s.kind === "augassign" && s.target.name === name) {
        if (s.target.path.length > 0 || (s.op !== "+" && s.op !== "|")) other = true;
        else how ??= "end";
      } else if (s.kind === "if") for (const b of s.branches) visit(b.body);
      else if (s.kind === "try") visit([...s.body, ...s.orelse, ...s.finalbody, ...s.handlers.flatMap((h) => h.body)]);
      else if (s.kind === "opaque") {
        if (s.binds.includes(name)) other = true;
        visit(s.body);
      } else if ((s.kind === "del" && s.targets.some((t) => t.name === name)) || writtenNames([s]).includes(name)) other = true;
    }
  };
  visit(stmts);
  return other ? undefined : how;
}

const GROWING = new Set(["append", "extend", "insert", "add"]);

function writtenNames(stmts: Stmt[]): string[] {
  const out: string[] = [];
  for (const s of stmts) {
    if (s.kind === "assign") out.push(...s.targets.map((t) => t.name));
    else if (s.kind === "augassign" || s.kind === "mutate") out.push(s.target.name);
    else if (s.kind === "unpack") out.push(...s.targets.flatMap((t) => (t ? [t.name] : [])));
    else if (s.kind === "if") for (const b of s.branches) out.push(...writtenNames(b.body));
    else if (s.kind === "try") out.push(...writtenNames([...s.body, ...s.orelse, ...s.finalbody, ...s.handlers.flatMap((h) => h.body)]));
    else if (s.kind === "opaque") out.push(...s.binds, ...writtenNames(s.body));
  }
  return out;
}

/** After an undecided `if`, a name keeps its value only where every branch agrees; otherwise it is unknown with alternatives. */
function mergeOutcomes(outcomes: Namespace[], loc: Loc): Namespace {
  const merged: Namespace = new Map();
  const names = new Set<string>();
  for (const o of outcomes) for (const k of o.keys()) names.add(k);
  for (const name of names) {
    const bs = outcomes.map((o) => o.get(name));
    const first = bs[0];
    if (first && bs.every((b) => b === first)) {
      merged.set(name, first);
      continue;
    }
    const present = bs.filter((b): b is Binding => !!b);
    if (present.length === bs.length && present.every((b) => sameValue(b.value, present[0].value))) {
      merged.set(name, present[0]);
      continue;
    }
    const writes: Write[] = [];
    for (const b of present) for (const w of b.writes) if (!writes.includes(w)) writes.push(w);
    const alternatives = flatAlternatives(present.map((b) => b.value));
    // A list every branch keeps a member of (MIDDLEWARE rebuilt under an undecided if) still certainly holds it.
    const common = present.length === bs.length && alternatives ? commonView(alternatives) : undefined;
    const partial = common && { kind: common.kind, items: common.items, ...(common.gaps ? { gaps: common.gaps } : {}) };
    merged.set(name, {
      value: unknown("depends on a condition the analysis cannot decide", { loc, env: mergedEnv(present.map((b) => b.value)), ...(alternatives ? { alternatives } : {}), ...(partial ? { partial } : {}) }),
      writes,
      via: present[0].via,
    });
  }
  return merged;
}

/** Alternatives kept for one merged value: a branch inside a loop merged 40 times over must not nest 40 deep. */
const MAX_ALTERNATIVES = 16;

/**
 * The candidates of a merge, one level deep: an alternative that is itself an undecided value contributes its own
 * candidates (a value set from outside the code stays whole). Undefined past MAX_ALTERNATIVES: just unknown then.
 */
function flatAlternatives(values: Value[]): Value[] | undefined {
  const out: Value[] = [];
  const add = (x: Value) => {
    if (!out.includes(x)) out.push(x);
  };
  for (const v of values) {
    if (v.k === "unknown" && v.alternatives && !v.dynamic) v.alternatives.forEach(add);
    else add(v);
    if (out.length > MAX_ALTERNATIVES) return undefined;
  }
  return out;
}

/** Every env read the merged values depend on, once each. */
function mergedEnv(values: Value[]): EnvRead[] {
  const out: EnvRead[] = [];
  const seen = new Set<EnvRead>();
  for (const v of values) for (const r of v.env ?? []) {
    if (seen.has(r)) continue;
    seen.add(r);
    out.push(r);
  }
  return out;
}

function binopValues(op: string, l: Value, r: Value, loc: Loc): Value {
  return evaluate(
    { t: "binop", op, l: { t: "name", id: "\u0000l", range: loc.range }, r: { t: "name", id: "\u0000r", range: loc.range }, range: loc.range },
    { file: loc.file, lookup: (n) => (n === "\u0000l" ? l : n === "\u0000r" ? r : undefined) },
  );
}

/** Returns `root` with `root[k1]...[kn] = value`; unknown containers or keys make the whole value unknown. */
function setIn(root: Value, keys: Value[], value: Value): Value {
  return updateIn(root, keys.slice(0, -1), (c) => setKey(c, keys[keys.length - 1], value));
}

function updateIn(root: Value, keys: Value[], fn: (v: Value) => Value): Value {
  if (keys.length === 0) return fn(root);
  const [k, ...rest] = keys;
  if (root.k === "dict") {
    const inner = dictGet(root, k);
    if (!inner) return withEnv(unknown("written through a key that is not there", { loc: root.loc }), root);
    return setKey(root, k, updateIn(inner, rest, fn));
  }
  if ((root.k === "list" || root.k === "tuple") && k.k === "int") {
    const i = k.v < 0 ? root.items.length + k.v : k.v;
    if (i < 0 || i >= root.items.length) return unknown("an index out of range", { loc: root.loc });
    const items = [...root.items];
    items[i] = updateIn(items[i], rest, fn);
    return { ...root, items };
  }
  return withEnv(unknown("written through a container the analysis cannot follow", { loc: root.loc }), root, k);
}

function setKey(c: Value, k: Value, v: Value): Value {
  if (c.k === "dict") {
    const key = keyOf(k);
    if (key === undefined) return withEnv(unknown("a dict written with an unknown key", { loc: c.loc }), c, k);
    const entries = c.entries.filter(([ek]) => keyOf(ek) !== key);
    const at = c.entries.findIndex(([ek]) => keyOf(ek) === key);
    if (at >= 0) {
      const copy = [...c.entries];
      copy[at] = [c.entries[at][0], v];
      return { ...c, entries: copy };
    }
    return { ...c, entries: [...entries, [k, v]] };
  }
  if (c.k === "list" && k.k === "int") {
    const i = k.v < 0 ? c.items.length + k.v : k.v;
    if (i < 0 || i >= c.items.length) return unknown("an index out of range", { loc: c.loc });
    const items = [...c.items];
    items[i] = v;
    return { ...c, items };
  }
  return withEnv(unknown("an item set on a value the analysis cannot follow", { loc: c.loc }), c, k, v);
}

function deleteKey(c: Value, k: Value): Value {
  if (c.k === "dict") {
    const key = keyOf(k);
    if (key === undefined) return unknown("a dict key deleted by an unknown key", { loc: c.loc });
    return { ...c, entries: c.entries.filter(([ek]) => keyOf(ek) !== key) };
  }
  if (c.k === "list" && k.k === "int") {
    const i = k.v < 0 ? c.items.length + k.v : k.v;
    return { ...c, items: c.items.filter((_, j) => j !== i) };
  }
  return unknown("an item deleted from a value the analysis cannot follow", { loc: c.loc });
}

/** List and set methods on a sequence known only in part (or not at all): what they add stays known to be present. */
function partlyKnownMethod(c: Value & { k: "unknown" }, method: string, args: Value[], loc: Loc): Value | undefined {
  const view: SeqView = seqView(c) ?? (method === "add" || method === "discard" ? { ...UNKNOWN_SEQ, kind: "set", gaps: undefined } : UNKNOWN_SEQ);
  const why = `.${method}() on a sequence known only in part`;
  const done = (v: SeqView, ...deps: Value[]) => viewValue(v, why, loc, c, ...deps);
  switch (method) {
    case "append":
    case "add":
      return args[0] ? done(appendItem(view, args[0]), args[0]) : undefined;
    case "extend": {
      if (!args[0]) return undefined;
      const more = iterate(args[0]);
      const mv: SeqView = more ? { kind: view.kind, items: more, gaps: new Array(more.length + 1).fill(false), complete: true } : seqView(args[0]) ?? UNKNOWN_SEQ;
      return done(concatViews(view, mv, view.kind), args[0]);
    }
    case "insert": {
      if (args.length < 2) return undefined;
      const one: SeqView = { kind: view.kind, items: [args[1]], gaps: [false, false], complete: true };
      if (args[0].k === "int" && args[0].v === 0) return done(concatViews(one, view, view.kind), ...args);
      return done(unordered(concatViews(view, one, view.kind)), ...args);
    }
    case "remove":
    case "discard": {
      if (!args[0]) return undefined;
      const at = view.items.findIndex((i) => pyEquals(i, args[0]) === true);
      return done(at < 0 ? view : removeItem(view, at), args[0]);
    }
  }
  return undefined;
}

function applyMethod(c: Value, method: string, args: Value[], kwargs: Record<string, Value>, loc: Loc): Value {
  const fail = () => withEnv(unknown(`.${method}() on a value the analysis cannot follow`, { loc }), c, ...args);
  if (c.k === "unknown" && !c.dynamic) return partlyKnownMethod(c, method, args, loc) ?? fail();
  if (c.k === "list" || c.k === "set") {
    switch (method) {
      case "append":
      case "add":
        return args[0] ? { ...c, items: [...c.items, args[0]] } : fail();
      case "extend": {
        const more = args[0] && iterate(args[0]);
        if (!more && args[0]) {
          // INSTALLED_APPS.extend(get_plugins()): what was there stays, then items not known.
          const view = seqView(c)!;
          return viewValue(concatViews(view, seqView(args[0]) ?? UNKNOWN_SEQ, view.kind), "extended with a sequence not known", loc, c, args[0]);
        }
        return more ? withEnv({ ...c, items: [...c.items, ...more] }, args[0]) : fail();
      }
      case "insert": {
        if (c.k === "list" && args.length >= 2 && args[0].k !== "int") {
          // MIDDLEWARE.insert(position_found_at_run_time, "x"): every item stays, "x" somewhere among them.
          const view = seqView(c)!;
          return viewValue(unordered(appendItem(view, args[1])), "an item inserted at a place not known", loc, c, ...args);
        }
        if (c.k !== "list" || args.length < 2 || args[0].k !== "int") return fail();
        const n = c.items.length;
        let i = args[0].v;
        if (i < 0) i = Math.max(0, n + i);
        i = Math.min(i, n);
        const items = [...c.items];
        items.splice(i, 0, args[1]);
        return withEnv({ ...c, items }, args[0]);
      }
      case "remove":
      case "discard": {
        if (!args[0]) return fail();
        const at = c.items.findIndex((i) => pyEquals(i, args[0]) === true);
        if (at < 0) {
          // list.remove of a missing item raises ValueError; an undecidable comparison leaves the list unknown.
          return c.items.some((i) => pyEquals(i, args[0]) === undefined) ? fail() : method === "discard" ? c : fail();
        }
        return { ...c, items: c.items.filter((_, j) => j !== at) };
      }
      case "pop": {
        if (c.k !== "list") return fail();
        const idx = args[0] ? (args[0].k === "int" ? args[0].v : undefined) : -1;
        if (idx === undefined || c.items.length === 0) return fail();
        const i = idx < 0 ? c.items.length + idx : idx;
        return { ...c, items: c.items.filter((_, j) => j !== i) };
      }
      case "clear":
        return { ...c, items: [] };
    }
    return fail();
  }
  if (c.k === "dict") {
    switch (method) {
      case "update": {
        let out: Value = c;
        if (args[0]) {
          if (args[0].k !== "dict") return fail();
          for (const [k, v] of args[0].entries) out = setKey(out, k, v);
        }
        for (const [k, v] of Object.entries(kwargs)) out = setKey(out, { k: "str", v: k, loc }, v);
        return out;
      }
      case "setdefault":
        return args[0] && dictGet(c, args[0]) === undefined ? setKey(c, args[0], args[1] ?? { k: "none", loc }) : c;
      case "pop":
        return args[0] ? deleteKey(c, args[0]) : fail();
      case "clear":
        return { ...c, entries: [] };
    }
    return fail();
  }
  return fail();
}

/** The names an expression reads (`not (SECRET_KEY or "").strip()` reads SECRET_KEY), outside lambdas and comprehensions. */
function namesIn(top: Expr): string[] {
  return subExprs(top, (e) => e.t === "lambda" || e.t === "comp").flatMap((e) => (e.t === "name" ? [e.id] : []));
}

/** The names an assignment's value reads, remembered per expression (asked only when the assignment replaces a name). */
const namesReadMemo = new WeakMap<Expr, Set<string>>();

function namesRead(e: Expr): Set<string> {
  let names = namesReadMemo.get(e);
  if (!names) namesReadMemo.set(e, (names = new Set(namesIn(e))));
  return names;
}
