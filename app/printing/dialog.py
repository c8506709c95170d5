"""The small dialog before printing: paper, orientation, fit to one page or tiled at a scale, violations page."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from app.printing.options import Mode, Orientation, Paper, PrintOptions


class PrintOptionsDialog(QDialog):
    def __init__(self, options: PrintOptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("print-options")
        self.setWindowTitle("Print view")
        form = QFormLayout(self)
        self.paper = QComboBox()
        self.paper.addItems([p.value for p in Paper])
        self.paper.setCurrentText(options.paper.value)
        form.addRow("&Paper:", self.paper)
        self.orientation = QComboBox()
        self.orientation.addItems([o.value.capitalize() for o in Orientation])
        self.orientation.setCurrentIndex(list(Orientation).index(options.orientation))
        form.addRow("&Orientation:", self.orientation)
        self.fit = QRadioButton("&Fit to one page")
        self.tiled = QRadioButton("&Tiled at")
        modes = QButtonGroup(self)
        modes.addButton(self.fit)
        modes.addButton(self.tiled)
        (self.fit if options.mode is Mode.FIT else self.tiled).setChecked(True)
        self.scale = QSpinBox()
        self.scale.setRange(10, 400)
        self.scale.setSingleStep(25)
        self.scale.setSuffix(" %")
        self.scale.setValue(round(options.scale * 100))
        self.scale.setToolTip("100 % prints the view at its on-screen size; pages overlap by 10 mm, with marks")
        row = QHBoxLayout()
        for widget in (self.fit, self.tiled, self.scale):
            row.addWidget(widget)
        row.addStretch()
        layout_label = QLabel("&Layout:")  # a label with a mnemonic needs a buddy, or the "&" shows
        layout_label.setBuddy(self.fit)
        form.addRow(layout_label, row)
        self.violations = QCheckBox("Add a page listing the view's &violations")
        self.violations.setChecked(options.violations_page)
        form.addRow("", self.violations)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.fit.toggled.connect(lambda fit: self.scale.setEnabled(not fit))
        self.scale.setEnabled(not self.fit.isChecked())

    def options(self) -> PrintOptions:
        return PrintOptions(paper=Paper(self.paper.currentText()),
                            orientation=list(Orientation)[self.orientation.currentIndex()],
                            mode=Mode.FIT if self.fit.isChecked() else Mode.TILED,
                            scale=self.scale.value() / 100, violations_page=self.violations.isChecked())
