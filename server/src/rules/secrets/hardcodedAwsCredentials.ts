// Committed AWS credentials: AKIA/ASIA key ids and secret access keys in settings, STORAGES options or env-read defaults.
import type { Rule } from "../types";
import { ALL_KINDS, secretResults } from "./secretHelpers";

export const hardcodedAwsCredentials: Rule = {
  id: "hardcoded-aws-credentials",
  djangoChecks: [],
  severity: "error",
  appliesTo: ALL_KINDS,
  docs: {
    summary: "AWS credentials are written in the code: an access key id, a secret access key or a session token",
    why: "Keys for django-storages' S3 backend usually reach far beyond one bucket, and bots scan public repositories for AKIA… ids within minutes of a push. A key in an env-read default (os.environ.get(\"AWS_SECRET_ACCESS_KEY\", \"…\")) is committed just the same, and generic secret scanners skip that line because it looks like code.",
    example: 'AWS_ACCESS_KEY_ID = "AKIA…"\nAWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI…")',
    useInstead: "# Leave the keys out: boto3 reads AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY from the environment, or an instance role.\nAWS_STORAGE_BUCKET_NAME = env(\"AWS_STORAGE_BUCKET_NAME\")",
    fixSafety:
      "unsafe: the literal becomes a read of the conventional variable (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) in the module's style, or a committed default is removed; the variable becomes required. Rotate the key as well: it is in the history.",
    versions: "All versions. AWS's documentation examples (AKIAIOSFODNN7EXAMPLE) and other placeholders are not reported.",
  },
  check(ctx) {
    return secretResults(ctx, "hardcoded-aws-credentials", "anyone with the repository can use the AWS account; rotate the key and read it from the environment");
  },
};
