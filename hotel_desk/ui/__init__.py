"""The front-desk window (PySide6): the only package that uses Qt widgets.

app.py is the composition root (settings -> desk services -> context -> window); desk.py and desk_services.py
are the blocking service calls the pages run as background jobs (tasks.py); one module per page
(checkin_page, manual_page, inhouse_page, reports_page, settings_page) around the shared registration_form;
readers.py and scanner_watch.py connect the devices package's readers; i18n.py loads the shipped translations;
selftest.py and screenshots.py drive the real window offscreen. See docs/app.md.
"""
