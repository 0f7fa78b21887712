package dev.envclone.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads where every glyph of a PDF was drawn and finds what a reader would see as a layout fault: a glyph past the
 * page's margins (cut off when printed), or two lines drawn over each other.
 */
final class PageGeometry extends PDFTextStripper {
    private static final float MARGIN = 48f;
    private final List<String> faults = new ArrayList<>();
    private final Map<Float, List<float[]>> lines = new TreeMap<>();
    private PDRectangle box;

    private PageGeometry() throws IOException {
        setSortByPosition(false);
    }

    /** Every fault found, one line each, with the page number; empty when the layout is clean. */
    static List<String> faults(PDDocument document) throws IOException {
        PageGeometry geometry = new PageGeometry();
        for (int page = 1; page <= document.getNumberOfPages(); page++) {
            geometry.box = document.getPage(page - 1).getMediaBox();
            geometry.lines.clear();
            geometry.setStartPage(page);
            geometry.setEndPage(page);
            geometry.getText(document);
            geometry.overlaps(page);
        }
        return geometry.faults;
    }

    @Override
    protected void processTextPosition(TextPosition text) {
        float x = text.getXDirAdj();
        float right = x + text.getWidthDirAdj();
        float top = text.getYDirAdj();
        if (!text.getUnicode().isBlank() && (x < MARGIN - 0.5f || right > box.getWidth() - MARGIN + 0.5f
                || top < 10f || top > box.getHeight() - 10f)) {
            faults.add("page " + getCurrentPageNo() + ": '" + text.getUnicode() + "' at x=" + x + ".." + right
                    + ", y=" + top + " is outside the margins");
        }
        if (!text.getUnicode().isBlank()) {
            lines.computeIfAbsent(Math.round(top * 10f) / 10f, k -> new ArrayList<>())
                    .add(new float[] {x, right, text.getFontSizeInPt()});
        }
    }

    /** Two baselines closer than the smaller text's size, with glyphs at the same place across: drawn over. */
    private void overlaps(int page) {
        List<Float> baselines = new ArrayList<>(lines.keySet());
        for (int i = 0; i < baselines.size(); i++) {
            for (int j = i + 1; j < baselines.size(); j++) {
                float gap = baselines.get(j) - baselines.get(i);
                if (gap > 20f) {
                    break;
                }
                for (float[] a : lines.get(baselines.get(i))) {
                    for (float[] b : lines.get(baselines.get(j))) {
                        boolean across = a[0] < b[1] - 0.5f && b[0] < a[1] - 0.5f;
                        if (across && gap < Math.min(a[2], b[2]) * 0.9f) {
                            faults.add("page " + page + ": lines at y=" + baselines.get(i) + " and y="
                                    + baselines.get(j) + " overlap");
                            return;
                        }
                    }
                }
            }
        }
    }
}
