# Golden fixture: base imports os; production uses it through the star import.
import os

DEBUG = False
