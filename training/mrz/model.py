"""The line recognizer: a small convolutional network with CTC over the line (no recurrence: convolutions
export cleanly to ONNX and run fast on two CPU cores).

Input: N x 1 x 32 x W strips in 0..1 (hotel_desk.recognition.lines.normalize_strip). Output: N x T x 38
log-probabilities, T = W / 4, class 0 the CTC blank, 1..37 the MRZ alphabet A-Z 0-9 <.
"""

from __future__ import annotations

import torch
from torch import nn

from training.mrz.text import ALPHABET

CLASSES = len(ALPHABET) + 1


def _block(cin: int, cout: int) -> list[nn.Module]:
    return [nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True)]


class LineRecognizer(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.features = nn.Sequential(
            # A strided first convolution instead of convolving the full-size strip and pooling: the
            # full-size layer was most of the training time on two shared cores, for no accuracy.
            nn.Conv2d(1, 24, 3, stride=2, padding=1, bias=False),
            nn.BatchNorm2d(24),
            nn.ReLU(inplace=True),  # 16 x W/2
            *_block(24, 32),
            nn.MaxPool2d(2),  # 8 x W/4
            *_block(32, 64),
            nn.MaxPool2d((2, 1)),  # 4 x W/4
            *_block(64, 96),
            nn.MaxPool2d((2, 1)),  # 2 x W/4
            nn.Conv2d(96, 128, (2, 1), bias=False),  # 1 x W/4
            nn.BatchNorm2d(128),
            nn.ReLU(inplace=True),
        )
        # Context along the line: about two characters either side, enough to tell a glyph from the
        # half-glyphs beside it without learning which position of an MRZ holds what.
        self.context = nn.Sequential(
            nn.Conv1d(128, 128, 5, padding=2, bias=False),
            nn.BatchNorm1d(128),
            nn.ReLU(inplace=True),
            nn.Conv1d(128, 128, 5, padding=4, dilation=2, bias=False),
            nn.BatchNorm1d(128),
            nn.ReLU(inplace=True),
        )
        self.head = nn.Conv1d(128, CLASSES, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        f = self.features(x * 2.0 - 1.0).squeeze(2)  # N x 128 x T
        f = f + self.context(f)
        logits = self.head(f)  # N x C x T
        return torch.log_softmax(logits, dim=1).transpose(1, 2)  # N x T x C
