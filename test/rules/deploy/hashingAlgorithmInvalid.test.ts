// Rule table for hashing-algorithm-invalid (security.E100, Django 3.1–3.2 only): not in {'sha1', 'sha256'}.
import { fromRequiredEnv, ruleTable, undecidable } from "../../helpers/project";

ruleTable("hashing-algorithm-invalid", [
  { name: "md5 fires on 3.2", production: 'DEFAULT_HASHING_ALGORITHM = "md5"\n', djangoVersion: "3.2", expect: ["security.E100"] },
  { name: "md5 fires on 3.1", production: 'DEFAULT_HASHING_ALGORITHM = "md5"\n', djangoVersion: "3.1", expect: ["security.E100"] },
  { name: "3.0 has no E100: silent", production: 'DEFAULT_HASHING_ALGORITHM = "md5"\n', djangoVersion: "3.0", expect: [] },
  { name: "4.0 has no E100: silent", production: 'DEFAULT_HASHING_ALGORITHM = "md5"\n', djangoVersion: "4.0", expect: [] },
  { name: "5.2 has no E100: silent", production: 'DEFAULT_HASHING_ALGORITHM = "md5"\n', expect: [] },
  { name: "case-sensitive: SHA256 fires", production: 'DEFAULT_HASHING_ALGORITHM = "SHA256"\n', djangoVersion: "3.2", expect: ["security.E100"] },
  { name: "None fires", production: "DEFAULT_HASHING_ALGORITHM = None\n", djangoVersion: "3.2", expect: ["security.E100"] },
  { name: "sha1 passes", production: 'DEFAULT_HASHING_ALGORITHM = "sha1"\n', djangoVersion: "3.2", expect: [] },
  { name: "sha256 passes", production: 'DEFAULT_HASHING_ALGORITHM = "sha256"\n', djangoVersion: "3.2", expect: [] },
  { name: "unset passes (default sha256)", production: "", djangoVersion: "3.2", expect: [] },
  { name: "a required env var is unknown: silent", production: fromRequiredEnv("DEFAULT_HASHING_ALGORITHM"), djangoVersion: "3.2", expect: [] },
  { name: "an undecidable if is silent", production: undecidable("DEFAULT_HASHING_ALGORITHM", '"md5"', '"sha1"'), djangoVersion: "3.2", expect: [] },
]);
