"""The front-desk window (PySide6): the only package that uses Qt widgets.

app.py is the composition root (settings -> hotel_desk.desk.Desk -> context -> window, and the readers into the
Check-in page); context.py shares the desk, the background jobs (tasks.py) and the one way a page runs a desk
action and refreshes after it; one module per page (checkin_page, manual_page, inhouse_page, reports_page,
settings_page) around the shared registration_form; readers.py and scanner_watch.py carry the devices
package's reads to the UI thread; i18n.py loads the shipped translations; selftest.py and screenshots.py drive
the real window offscreen. Business rules live below (hotel_desk.desk, hotel_desk.rules). See docs/app.md.
"""
