// One environment's effective settings: its module's namespace on top of Django's defaults, with provenance.
import type { EnvKind } from "./classify";
import { djangoDefaults } from "./djangoDefaults";
import { markFor } from "./dynamicWrites";
import type { DjangoVersion } from "./djangoVersion";
import type { ModuleResult } from "./interpreter";
import { isSettingName, type Binding, type CallRecord, type Note } from "./namespace";
import type { Loc, Value } from "./values";

export interface ResolvedSetting {
  name: string;
  value: Value;
  /** Absent when the value is Django's default. */
  binding?: Binding;
  isDefault: boolean;
  /** For a default: the `if` that sets the setting only when these variables are set (`if ENABLE_SSL:`). */
  setOnlyWhen?: { variables: string[]; loc: Loc };
}

export class Environment {
  readonly settings: Map<string, Binding>;
  private readonly defaults: ReadonlyMap<string, Value>;

  constructor(
    /** The dotted module name, as DJANGO_SETTINGS_MODULE would name it. */
    readonly name: string,
    readonly kind: EnvKind,
    /** Absolute path of the environment's own module. */
    readonly file: string,
    readonly result: ModuleResult,
    readonly djangoVersion: DjangoVersion,
    /** Why it got its kind: "named by mysite/wsgi.py:6", "path settings/testing/", "configuration"… */
    readonly kindSource: string,
    /** True when the kind is a guess: nothing said which environment the module serves, or the evidence disagreed. */
    readonly kindGuessed = false,
    /**
     * The run's notes that concern settings modules (the project model leaves out those about modules the settings
     * only take a name from); all of the run's notes when not given.
     */
    private readonly ownNotes?: Note[],
  ) {
    this.settings = new Map();
    for (const [k, b] of result.namespace) if (isSettingName(k)) this.settings.set(k, b);
    this.defaults = djangoDefaults(djangoVersion);
  }

  get files(): string[] {
    return this.result.files;
  }

  get notes(): Note[] {
    return this.ownNotes ?? this.result.notes;
  }

  get calls(): CallRecord[] {
    return this.result.calls;
  }

  /** The effective value of a setting; Django's default when the settings do not define it. */
  get(name: string): ResolvedSetting {
    const b = this.settings.get(name);
    if (b) return { name, value: b.value, binding: b, isDefault: false };
    // After a write from outside the code (globals().update(yaml_config), dynaconf), a setting the code does not write
    // again may hold anything: not Django's default.
    const dyn = markFor(this.result.dynamic, name);
    if (dyn) return { name, value: { k: "unknown", why: `may be set from outside the code by ${dyn.what}`, dynamic: dyn.loc, loc: dyn.loc }, isDefault: true };
    const d = this.defaults.get(name);
    const branch = this.result.unsetBranches.find((u) => u.names.includes(name));
    return { name, value: d ?? { k: "unknown", why: `${name} has no default the analysis knows` }, isDefault: true, ...(branch ? { setOnlyWhen: { variables: branch.variables, loc: branch.loc } } : {}) };
  }

  has(name: string): boolean {
    return this.settings.has(name);
  }
}
