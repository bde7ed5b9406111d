// Django deploy check security.W020: ALLOWED_HOSTS is empty.
import { pyRepr, truthy } from "../../resolve/values";
import type { Rule } from "../types";
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
    fixSafety: "none: the host names are the project's",
    versions: "All versions.",
  },
  check(ctx) {
    const s = ctx.get("ALLOWED_HOSTS");
    if (truthy(s.value) !== false) return [];
    return [{ message: `ALLOWED_HOSTS ${describe(s, pyRepr(s.value))}: the site would refuse every request`, setting: s.name, subject: s, value: s.value }];
  },
};
