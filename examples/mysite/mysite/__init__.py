# Fixture: demo project package marker.
