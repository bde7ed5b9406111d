// Django deploy check security.W020: ALLOWED_HOSTS is empty.
import { pyRepr, truthy } from "../../resolve/values";
import { removeEnvDefault } from "../../fixes/envRead";
import type { Fix, Rule, RuleContext } from "../types";
import type { ResolvedSetting } from "../../resolve/environment";
import { describe } from "./conditions";

export const allowedHostsEmpty: Rule = {
  id: "allowed-hosts-empty",
  djangoChecks: ["security.W020"],
  severity: "warning",
  appliesTo: ["production", "staging"],
  docs: {
    summary: "ALLOWED_HOSTS is empty",
    why: "With DEBUG off and no allowed hosts, Django answers every request with 400 Bad Request; the usual panic fix is [\"*\"], which opens Host-header attacks.",
    example: 'ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[])',
    useInstead: 'ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["www.example.com"])',
    fixSafety: "unsafe, and only where the environment's own module reads ALLOWED_HOSTS from a variable with an empty default: the default is removed, so the deployment must set the variable (it becomes required at start-up) and the names come from there. A literal list has no fix: the host names are the project's",
    versions: "All versions.",
  },
  check(ctx) {
    const s = ctx.get("ALLOWED_HOSTS");
    if (truthy(s.value) !== false) return [];
    return [{ message: `ALLOWED_HOSTS ${describe(s, pyRepr(s.value))}: the site would refuse every request`, setting: s.name, subject: s, value: s.value, fix: requireVariable(ctx, s) }];
  },
};

/** `env.list("DJANGO_ALLOWED_HOSTS", default=[])` in the environment's own module → the read without its default. */
function requireVariable(ctx: RuleContext, s: ResolvedSetting): Fix | undefined {
  const reads = s.value.env ?? [];
  const last = s.binding?.writes[s.binding.writes.length - 1];
  if (reads.length !== 1 || !last || last.file !== ctx.env.file || reads[0].loc.file !== ctx.env.file || !reads[0].hasDefault) return undefined;
  // os.environ.get without a default returns None, which Django rejects differently: only reads that then raise.
  if (reads[0].via === "os.environ.get" || reads[0].via === "os.getenv") return undefined;
  return removeEnvDefault({ root: ctx.root, module: ctx.module }, reads[0], "ALLOWED_HOSTS");
}
