// Rule table and fix golden for ssl-redirect-without-proxy-header: behind a proxy, redirecting, but no proxy header.
import { fromRequiredEnv, ruleTable } from "../../helpers/project";
import { fixGolden, GOOD_BASE, split } from "./checklistTestHelpers";

const R = "ssl-redirect-without-proxy-header";

ruleTable(R, [
  { name: "USE_X_FORWARDED_HOST without the header fires", production: "USE_X_FORWARDED_HOST = True\n", expect: [R] },
  { name: "USE_X_FORWARDED_PORT counts too", production: "USE_X_FORWARDED_PORT = True\n", expect: [R] },
  { name: "with the header: silent", production: 'USE_X_FORWARDED_HOST = True\nSECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")\n', expect: [] },
  { name: "no sign of a proxy: silent", production: "", expect: [] },
  { name: "no redirect: silent", production: "USE_X_FORWARDED_HOST = True\nSECURE_SSL_REDIRECT = False\n", expect: [] },
  { name: "an unknown header is silent", production: "USE_X_FORWARDED_HOST = True\n" + fromRequiredEnv("SECURE_PROXY_SSL_HEADER"), expect: [] },
]);

fixGolden(R, {
  name: "the header setting is added to the environment's module",
  files: split(GOOD_BASE, "USE_X_FORWARDED_HOST = True\n"),
  file: "proj/settings/production.py",
  after: 'from .base import *\nUSE_X_FORWARDED_HOST = True\nSECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")  # only if the proxy sets and strips this header\n',
  safety: "unsafe",
});
