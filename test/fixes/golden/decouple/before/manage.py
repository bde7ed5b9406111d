# Golden fixture: the polls project root.
