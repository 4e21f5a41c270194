"""Fax and manual hand-over of registrations (small inns; outages): the bilingual registration form drawn
from a report's payload snapshot (PDF for printing, TIFF Class F for faxing), a sender for Class 2.0 fax
modems over pyserial, and the hand-over bookkeeping through the store's outbox API. Qt-free.

See docs/fax.md. Modules: `fonts` (a font with Chinese glyphs), `form` (rendering), `modem` (ITU-T T.32
Class 2.0 sender), `handover` (store integration: the report becomes handed over only after a confirmed
transmission or a named in-person hand-over).
"""
