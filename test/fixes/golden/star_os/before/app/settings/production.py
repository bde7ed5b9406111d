# Golden fixture: os comes from base through the star import, so no import is added here.
from .base import *  # noqa: F401,F403

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "Jk4Lm8Xq2Zp7Wr3Tn9Vb5Hc1Fd6Gs0Ay8Ue4Io2Pw7Qt3Ry9Nb5Vc1Xz6Lk0Jh4G")
STRIPE_WEBHOOK_SECRET = "whsec_@@stripe_webhook@@"
