# Golden fixture: the shop project root.
