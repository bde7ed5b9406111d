// Checklist: WhiteNoiseMiddleware is not directly after SecurityMiddleware (or first, without it), with a fix that moves it.
import { moveListItem } from "../../fixes/moveListItem";
import type { Rule } from "../types";
import { seqView } from "../../resolve/sequences";
import { DEPLOYED, stringsOf } from "./checklistHelpers";

export const WHITENOISE_MW = "whitenoise.middleware.WhiteNoiseMiddleware";
const SECURITY_MW = "django.middleware.security.SecurityMiddleware";

export const whitenoiseMiddlewareOrder: Rule = {
  id: "whitenoise-middleware-order",
  djangoChecks: [],
  severity: "warning",
  appliesTo: DEPLOYED,
  docs: {
    summary: "WhiteNoiseMiddleware is not directly after SecurityMiddleware",
    why: "WhiteNoise documents one place for its middleware: directly after Django's SecurityMiddleware and above everything else. Lower down, every static file request first runs through sessions, authentication and the rest (slow, and it can set cookies or vary headers on cacheable assets); above SecurityMiddleware, static responses skip its HTTPS redirect and security headers.",
    example: 'MIDDLEWARE = [\n    "django.middleware.security.SecurityMiddleware",\n    "django.contrib.sessions.middleware.SessionMiddleware",\n    "whitenoise.middleware.WhiteNoiseMiddleware",\n]',
    useInstead: 'MIDDLEWARE = [\n    "django.middleware.security.SecurityMiddleware",\n    "whitenoise.middleware.WhiteNoiseMiddleware",\n    "django.contrib.sessions.middleware.SessionMiddleware",\n]',
    fixSafety: "safe: moves the entry within the same list literal; only static-file responses change, and only by skipping the middleware WhiteNoise says they should skip. Offered when MIDDLEWARE is one list literal that was not extended afterwards.",
    versions: "All versions.",
  },
  check(ctx) {
    const s = ctx.get("MIDDLEWARE");
    const whole = stringsOf(s.value);
    const view = s.value.k === "unknown" ? seqView(s.value) : undefined;
    // A list known only in part answers when its order is known: the two entries in the wrong order, a known entry
    // between them, or nothing unknown between them. Without SecurityMiddleware among the known entries it is silent.
    if (!whole && !view?.gaps) return [];
    const mw = whole ?? view!.items.map((i) => (i.k === "str" ? i.v : "\u0000"));
    const wn = mw.indexOf(WHITENOISE_MW);
    if (wn < 0) return [];
    const sec = mw.indexOf(SECURITY_MW);
    const want = sec < 0 ? 0 : sec < wn ? sec + 1 : sec;
    if (sec < 0 ? wn === 0 : wn === sec + 1) {
      if (whole) return [];
      // Known neighbours, unless items not known may sit between them (or before WhiteNoise, when it leads).
      if (!view!.gaps![wn]) return [];
    }
    if (!whole && (sec < 0 || (wn === sec + 1 && view!.gaps![wn]))) return [];
    const where = sec < 0 ? "first in MIDDLEWARE" : "directly after SecurityMiddleware";
    const now = wn === 0 ? "first" : `${whole || !view!.gaps![wn] ? "after" : "below"} ${mw[wn - 1].split(".").pop()}`;
    const item = s.value.k === "list" || s.value.k === "tuple" ? s.value.items[wn] : view?.items[wn];
    let fix;
    // Only when the list literal at the value's loc still holds exactly these items, in this order.
    const model = s.value.loc && ctx.module(s.value.loc.file);
    const edits = whole && model && s.binding && s.binding.writes.length === 1 && s.binding.writes[0].kind === "assign" ? moveListItem(model, s.value.loc, wn, want, mw.length) : undefined;
    if (edits) fix = { title: `Move WhiteNoiseMiddleware ${where}`, safety: "safe" as const, edits };
    return [
      {
        message:
          sec >= 0 && wn < sec
            ? `WhiteNoiseMiddleware is ${now}, above SecurityMiddleware: static responses skip its HTTPS redirect and security headers`
            : `WhiteNoiseMiddleware is ${now}, not ${where}: every static file request runs through the middleware above it`,
        setting: s.name,
        subject: s,
        at: item?.loc,
        value: item,
        fix,
      },
    ];
  },
};
