package dev.envclone.report;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** The paper the report and the checklist are laid out for: A4 in most of the world, Letter in North America. */
public enum PaperSize {
    A4(PDRectangle.A4),
    LETTER(PDRectangle.LETTER);

    private final PDRectangle box;

    PaperSize(PDRectangle box) {
        this.box = box;
    }

    PDRectangle box() {
        return new PDRectangle(box.getWidth(), box.getHeight());
    }
}
