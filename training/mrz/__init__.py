"""Training the MRZ line recognizer: a data generator of its own (not the benchmark's) and a CRNN/CTC trainer.

`python -m training.mrz.train` (or `./dev train-mrz`) generates the training and hold-out strips, trains,
exports `hotel_desk/recognition/models/mrz_crnn.onnx` and prints the scores. See docs/recognition.md.
"""
