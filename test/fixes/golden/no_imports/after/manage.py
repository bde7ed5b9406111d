# Golden fixture: the site project root.
