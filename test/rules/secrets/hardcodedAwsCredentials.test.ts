// Table for hardcoded-aws-credentials: key ids anywhere, secret keys by name or context, STORAGES options, defaults.
import { B64, UPPER_B32, fake, rand } from "../../secrets/planted";
import { py, secretTable } from "./secretTable";

const ID = fake("AKIA", rand("haws-id", 16, UPPER_B32));
const SECRET = fake(rand("haws-secret", 40, B64));
const secrets = [ID, SECRET];

secretTable("hardcoded-aws-credentials", [
  { name: "an access key id", base: `AWS_ACCESS_KEY_ID = ${py(ID)}\n`, expect: ["base.py:1"], secrets, messageIncludes: ["an AWS access key id", "AKIA…(20 chars)"], fixable: true },
  { name: "a secret key in an os.environ.get default", base: `import os\nAWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY", ${py(SECRET)})\n`, expect: ["base.py:2"], secrets, messageIncludes: ["the default is committed with the code"] },
  { name: "a default kept in a lower-case name", base: `import os\naws_secret = os.environ.get("AWS_SECRET_ACCESS_KEY", ${py(SECRET)})\n`, expect: ["base.py:2"], secrets, messageIncludes: ["the default of AWS_SECRET_ACCESS_KEY is"] },
  { name: "STORAGES options of the S3 backend", base: `STORAGES = {"default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {"access_key": ${py(ID)}, "secret_key": ${py(SECRET)}}}}\n`, expect: ["base.py:1", "base.py:1"], secrets },
  { name: "an access key id inside another setting", base: `BOTO_CONFIG = {"credentials": "${ID}:${SECRET}"}\n`, expect: ["base.py:1"], secrets },
  { name: "near miss: AWS's documentation example", base: `AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"\n`, expect: [] },
  { name: "near miss: a 40-character value without AWS context", base: `SOME_PATH_SETTING = ${py(SECRET)}\n`, expect: [] },
  { name: "near miss: a lower-case lookalike", base: `BUCKET_PREFIX = "akia${rand("haws-lower", 16, "abcdefghijklmnopqrstuvwxyz234567")}"\n`, expect: [] },
  { name: "near miss: read from the environment", base: `import os\nAWS_ACCESS_KEY_ID = os.environ["AWS_ACCESS_KEY_ID"]\n`, expect: [] },
  { name: "near miss: AKIA too short", base: `AWS_REGION_KEY = "AKIA${rand("haws-short", 10, UPPER_B32)}"\n`, expect: [] },
]);
