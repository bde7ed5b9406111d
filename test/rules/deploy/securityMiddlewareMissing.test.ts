// Rule table for security-middleware-missing (security.W001): SecurityMiddleware not `in` MIDDLEWARE.
import assert from "node:assert/strict";
import { test } from "node:test";
import { auditSplit, CSRF_MW, fromRequiredEnv, middleware, ruleTable, SECURITY_MW, undecidable, XFRAME_MW } from "../../helpers/project";

ruleTable("security-middleware-missing", [
  { name: "missing fires", production: middleware(CSRF_MW, XFRAME_MW), expect: ["security.W001"] },
  { name: "unset fires (default [])", production: "del MIDDLEWARE\n", expect: ["security.W001"] },
  { name: "a custom subclass path fires", production: middleware("myapp.SecurityMiddleware", CSRF_MW, XFRAME_MW), expect: ["security.W001"] },
  { name: "present passes", production: "", expect: [] },
  { name: "inserted with .insert(0, …) passes", production: middleware(CSRF_MW) + `MIDDLEWARE.insert(0, "${SECURITY_MW}")\n`, expect: [] },
  { name: "added with += passes", production: middleware(CSRF_MW) + `MIDDLEWARE += ["${SECURITY_MW}"]\n`, expect: [] },
  { name: "a str MIDDLEWARE containing it passes (substring)", production: `MIDDLEWARE = "${SECURITY_MW}, ${CSRF_MW}"\n`, expect: [] },
  { name: "a str MIDDLEWARE with a prefix of it fires", production: 'MIDDLEWARE = "django.middleware.security"\n', expect: ["security.W001"] },
  { name: "a required env var is unknown: silent", production: fromRequiredEnv("MIDDLEWARE"), expect: [] },
  { name: "an undecidable if is silent", production: undecidable("MIDDLEWARE", "[]", `["${SECURITY_MW}"]`), expect: [] },
  { name: "fires on 3.2 too", production: "MIDDLEWARE = []\n", djangoVersion: "3.2", expect: ["security.W001"] },
]);

test("security-middleware-missing: the message lists COOP only from 4.0", async () => {
  const old = await auditSplit("", "", { djangoVersion: "3.2" });
  const neu = await auditSplit("", "", { djangoVersion: "4.0" });
  const m32 = old.findings.find((f) => f.rule === "security-middleware-missing");
  const m40 = neu.findings.find((f) => f.rule === "security-middleware-missing");
  assert.ok(m32 && m40);
  assert.doesNotMatch(m32.message, /SECURE_CROSS_ORIGIN_OPENER_POLICY/);
  assert.match(m40.message, /SECURE_CROSS_ORIGIN_OPENER_POLICY/);
});
