# Golden fixture: the app project root.
