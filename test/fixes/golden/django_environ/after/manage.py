# Golden fixture: the bazaar project root.
