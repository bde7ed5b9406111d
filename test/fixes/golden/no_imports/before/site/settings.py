#!/usr/bin/env python
# -*- coding: utf-8 -*-
# Golden fixture: a module with header comments and no imports at all.

SECRET_KEY = "Lq3Zk8Xm2Vp7Wt1Rn6Bc9Hj4Fd0Gs5Ay2Ue7Io3Pw8Qt1Ry6Nb4Vc9Xz2Lk7Jh1G"
DEBUG = False
