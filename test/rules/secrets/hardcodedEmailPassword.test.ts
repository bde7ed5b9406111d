// Table for hardcoded-email-password: EMAIL_HOST_PASSWORD literals and defaults, with the empty default as a near miss.
import { ALNUM, B64URL, fake, rand } from "../../secrets/planted";
import { py, secretTable } from "./secretTable";

const PW = fake("mg-smtp-", rand("hep-pw", 20, ALNUM));
const SENDGRID = fake("SG.", rand("hep-sg1", 22, B64URL), ".", rand("hep-sg2", 43, B64URL));
const secrets = [PW, SENDGRID];

secretTable("hardcoded-email-password", [
  { name: "a literal password", base: `EMAIL_HOST_PASSWORD = ${py(PW)}\n`, expect: ["base.py:1"], secrets, messageIncludes: ["EMAIL_HOST_PASSWORD is an SMTP password in the code"], fixable: true },
  { name: "a SendGrid key as the password", base: `EMAIL_HOST_PASSWORD = ${py(SENDGRID)}\n`, expect: ["base.py:1"], secrets, messageIncludes: ["a SendGrid API key", "SG.…(69 chars)"] },
  { name: "the default of another variable", production: `import environ\nenv = environ.Env()\nEMAIL_HOST_PASSWORD = env("MAILGUN_SMTP_PASSWORD", default=${py(PW)})\n`, expect: ["production.py:4"], secrets, messageIncludes: ["when MAILGUN_SMTP_PASSWORD is unset"] },
  { name: "near miss: an empty default", base: `from decouple import config\nEMAIL_HOST_PASSWORD = config("EMAIL_HOST_PASSWORD", default="")\n`, expect: [] },
  { name: "near miss: a stand-in", base: `EMAIL_HOST_PASSWORD = "your-smtp-password"\n`, expect: [] },
  { name: "near miss: EMAIL_HOST_USER is not a password", base: `EMAIL_HOST_USER = ${py(PW)}\n`, expect: [] },
]);
