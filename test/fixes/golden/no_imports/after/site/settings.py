#!/usr/bin/env python
# -*- coding: utf-8 -*-
# Golden fixture: a module with header comments and no imports at all.

import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
