// Rule table for logging-not-to-stdout: no LOGGING, or only file/email handlers, in deployed environments.
import { ruleTable } from "../../helpers/project";

const R = "logging-not-to-stdout";
const logging = (handlers: string) => `LOGGING = {"version": 1, "handlers": {${handlers}}, "root": {"handlers": ["h"]}}\n`;

ruleTable(R, [
  { name: "no LOGGING fires", production: "", expect: [R] },
  { name: "only a file handler fires", production: logging('"h": {"class": "logging.FileHandler", "filename": "/var/log/app.log"}'), expect: [R] },
  { name: "file and email handlers fire", production: logging('"h": {"class": "logging.handlers.RotatingFileHandler"}, "m": {"class": "django.utils.log.AdminEmailHandler"}'), expect: [R] },
  { name: "a StreamHandler is silent", production: logging('"h": {"class": "logging.StreamHandler"}'), expect: [] },
  { name: "a file handler beside a StreamHandler is silent", production: logging('"h": {"class": "logging.StreamHandler"}, "f": {"class": "logging.FileHandler"}'), expect: [] },
  { name: "a collector handler (syslog) is silent", production: logging('"h": {"class": "logging.handlers.SysLogHandler"}'), expect: [] },
  { name: "an unknown handler class is silent", production: 'import os\n' + logging('"h": {"class": os.environ["LOG_HANDLER"]}'), expect: [] },
  { name: "LOGGING_CONFIG = None means configured elsewhere: silent", production: "LOGGING_CONFIG = None\n", expect: [] },
  { name: "a dictConfig call in the settings is silent", production: 'import logging.config\nlogging.config.dictConfig({"version": 1})\n', expect: [] },
  { name: "LOGGING without handlers fires", production: 'LOGGING = {"version": 1, "disable_existing_loggers": False}\n', expect: [R] },
  { name: "an unknown LOGGING is silent", production: 'from company.logging import LOGGING\n', expect: [] },
]);
