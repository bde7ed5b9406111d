// Django deploy check security.W002: XFrameOptionsMiddleware is not in MIDDLEWARE, so pages can be framed (clickjacking).
import type { Rule } from "../types";
import { settingContains, XFRAME_MW } from "./conditions";

export const xframeMiddlewareMissing: Rule = {
  id: "xframe-middleware-missing",
  djangoChecks: ["security.W002"],
  severity: "warning",
  appliesTo: ["production", "staging"],
  docs: {
    summary: "XFrameOptionsMiddleware is missing from MIDDLEWARE",
    why: "Without the X-Frame-Options header any site can load your pages in an invisible frame and trick users into clicking (clickjacking).",
    example: 'MIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]',
    useInstead: 'MIDDLEWARE = [\n    "django.middleware.security.SecurityMiddleware",\n    "django.middleware.clickjacking.XFrameOptionsMiddleware",\n]',
    fixSafety: "none",
    versions: "All versions.",
  },
  check(ctx) {
    if (settingContains(ctx, "MIDDLEWARE", XFRAME_MW) !== false) return [];
    return [{ message: `${XFRAME_MW} is not in MIDDLEWARE, so pages are served without an X-Frame-Options header`, setting: "MIDDLEWARE", subject: ctx.get("MIDDLEWARE") }];
  },
};
