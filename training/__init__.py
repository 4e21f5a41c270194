"""Training code (not part of the installed app): the MRZ line recognizer's data generator and trainer."""
