// Table for hardcoded-url-password: database, cache, broker and e-mail URLs carrying a password, literal or as a default.
import { ALNUM, fake, rand } from "../../secrets/planted";
import { py, secretTable } from "./secretTable";

const PW = fake(rand("hup-pw", 20, ALNUM));
const secrets = [PW];

secretTable("hardcoded-url-password", [
  { name: "a broker URL", base: `CELERY_BROKER_URL = "amqp://app:${PW}@rabbit:5672//"\n`, expect: ["base.py:1"], secrets, messageIncludes: ["a password in a broker URL (amqp://)", `amqp://app:…(20 chars)@rabbit`], fixable: true },
  { name: "a redis cache LOCATION", base: `CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://:${PW}@cache:6379/0"}}\n`, expect: ["base.py:1"], secrets, messageIncludes: ["cache URL"] },
  { name: "env.db() default", base: `import environ\nenv = environ.Env()\nDATABASES = {"default": env.db("DATABASE_URL", default="postgres://shop:${PW}@db/shop")}\n`, expect: ["base.py:3"], secrets, messageIncludes: ["when DATABASE_URL is unset"], fixable: true },
  { name: "dj_database_url.config default", base: `import dj_database_url\nDATABASES = {"default": dj_database_url.config(default="postgres://shop:${PW}@db/shop", conn_max_age=600)}\n`, expect: ["base.py:2"], secrets },
  { name: "dj_database_url.parse of a literal", base: `import dj_database_url\nDATABASES = {"default": dj_database_url.parse("mysql://shop:${PW}@db/shop")}\n`, expect: ["base.py:2"], secrets, messageIncludes: ["DATABASES['default'] is a password in a database URL"] },
  { name: "an smtp EMAIL_URL", base: `EMAIL_URL = "smtp+tls://mailer:${PW}@smtp.example.com:587"\n`, expect: ["base.py:1"], secrets, messageIncludes: ["e-mail URL"] },
  { name: "a percent-encoded password", base: `BROKER_URL = "amqp://app:${PW}%40x@rabbit//"\n`, expect: ["base.py:1"], secrets },
  { name: "near miss: no password", base: `CELERY_BROKER_URL = "redis://cache:6379/0"\n`, expect: [] },
  { name: "near miss: guest:guest", base: `CELERY_BROKER_URL = "amqp://guest:guest@localhost:5672//"\n`, expect: [] },
  { name: "near miss: a ${VAR} password", base: `CELERY_BROKER_URL = "amqp://app:\${RABBIT_PASSWORD}@rabbit//"\n`, expect: [] },
  { name: "near miss: an empty password", base: `CACHES = {"default": {"LOCATION": "redis://:@cache:6379/0"}}\n`, expect: [] },
  { name: "near miss: a URL read without default", base: `import environ\nenv = environ.Env()\nDATABASES = {"default": env.db("DATABASE_URL")}\n`, expect: [] },
  { name: "python-decouple default in a lower-case name", base: `from decouple import config\nbroker = config("BROKER", default=${py(`amqp://u:${PW}@h//`)})\n`, expect: ["base.py:2"], secrets },
]);
