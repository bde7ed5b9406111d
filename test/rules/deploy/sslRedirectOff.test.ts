// Rule table for ssl-redirect-off (security.W008): SecurityMiddleware on and SECURE_SSL_REDIRECT `is not True`.
import { fromRequiredEnv, middleware, ruleTable, undecidable, XFRAME_MW } from "../../helpers/project";
import { fixTable } from "../../helpers/fixTable";

ruleTable("ssl-redirect-off", [
  { name: "False fires", production: "SECURE_SSL_REDIRECT = False\n", expect: ["security.W008"] },
  { name: "unset fires (default False)", production: "del SECURE_SSL_REDIRECT\n", expect: ["security.W008"] },
  { name: "1 is not True: fires", production: "SECURE_SSL_REDIRECT = 1\n", expect: ["security.W008"] },
  { name: "1 is not True on 3.2 either", production: "SECURE_SSL_REDIRECT = 1\n", djangoVersion: "3.2", expect: ["security.W008"] },
  { name: "True passes", production: "SECURE_SSL_REDIRECT = True\n", expect: [] },
  {
    name: "decouple's bool cast of the default \"True\" is True: passes",
    production: 'from decouple import config\nSECURE_SSL_REDIRECT = config("SSL_REDIRECT", default="True", cast=bool)\n',
    expect: [],
  },
  { name: "a required env var is unknown: silent", production: fromRequiredEnv("SECURE_SSL_REDIRECT"), expect: [] },
  { name: "an undecidable if is silent", production: undecidable("SECURE_SSL_REDIRECT", "True", "False"), expect: [] },
  { name: "a name imported from outside the project is unknown: silent", production: "from company_conf import FLAG\nSECURE_SSL_REDIRECT = FLAG\n", expect: [] },
  { name: "without SecurityMiddleware: silent", production: middleware(XFRAME_MW) + "SECURE_SSL_REDIRECT = False\n", expect: [] },
]);

fixTable("ssl-redirect-off", [
  { name: "without SECURE_PROXY_SSL_HEADER: unsafe", production: "SECURE_SSL_REDIRECT = False\n", expect: "from .base import *\nSECURE_SSL_REDIRECT = True\n", safety: "unsafe", title: /requests loop unless SECURE_PROXY_SSL_HEADER is set/ },
  { name: "with SECURE_PROXY_SSL_HEADER: safe", production: 'SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")\nSECURE_SSL_REDIRECT = False\n', expect: 'from .base import *\nSECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")\nSECURE_SSL_REDIRECT = True\n', safety: "safe" },
  { name: "an env read's default False becomes True", production: 'import environ\nenv = environ.Env()\nSECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=False)\n', expect: 'from .base import *\nimport environ\nenv = environ.Env()\nSECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)\n', safety: "unsafe" },
]);
