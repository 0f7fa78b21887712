package dev.envclone.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Lays text out on pages top to bottom: headings kept with what follows, paragraphs and SQL wrapped to the width,
 * tables whose rows break across pages with the header repeated, check boxes; then a header and "page N of M" on
 * every page once the number of pages is known. Everything the report and the checklist print goes through here, so
 * that nothing is ever drawn past a margin or over another line.
 */
final class PdfLayout {
    static final float BODY = 9.5f;
    static final float SMALL = 8f;
    static final float CODE = 7.5f;
    private static final float MARGIN = 48f;
    private static final float TOP = 62f;
    private static final float BOTTOM = 50f;
    private static final float PAD = 3f;
    private static final float CELL_PAD = 4f;
    private static final float ITEM_INDENT = 16f;

    /** One table column: its title (null for a table without a header row), share of the width, and face. */
    record Column(String title, float weight, boolean mono) {
        static Column text(String title, float weight) {
            return new Column(title, weight, false);
        }

        static Column code(String title, float weight) {
            return new Column(title, weight, true);
        }
    }

    private final PDDocument document;
    private final ReportFonts fonts;
    private final PDRectangle paper;
    private final String header;
    private PDPageContentStream page;
    private float y;

    PdfLayout(PaperSize size, String header) throws IOException {
        this.document = new PDDocument();
        this.fonts = new ReportFonts(document);
        this.paper = size.box();
        this.header = header;
        newPage();
    }

    PDDocument document() {
        return document;
    }

    float width() {
        return paper.getWidth() - 2 * MARGIN;
    }

    void title(String text) throws IOException {
        lines(fonts.bold, 17f, text, 0f, 6f);
    }

    /** A section heading; it moves to the next page rather than stand alone at the bottom of one. */
    void heading(String text) throws IOException {
        float size = 12.5f;
        List<String> lines = wrap(fonts.bold, size, text, width());
        keep(lines.size() * leading(size) + 4 * leading(BODY) + 10f);
        space(8f);
        lines(fonts.bold, size, text, 0f, 3f);
    }

    void subheading(String text) throws IOException {
        List<String> lines = wrap(fonts.bold, BODY + 0.5f, text, width());
        keep(lines.size() * leading(BODY) + 3 * leading(BODY));
        space(4f);
        lines(fonts.bold, BODY + 0.5f, text, 0f, 2f);
    }

    void paragraph(String text) throws IOException {
        lines(fonts.regular, BODY, text, 0f, 4f);
    }

    void note(String text) throws IOException {
        lines(fonts.regular, SMALL, text, 0f, 3f);
    }

    /** A small line set in under a check box, so that it reads as part of the item above it. */
    void indentedNote(String text) throws IOException {
        lines(fonts.regular, SMALL, text, ITEM_INDENT, 3f);
    }

    /** A point of a list under a check box, its wrapped lines aligned after the bullet. */
    void bullet(String text) throws IOException {
        float leading = leading(SMALL);
        List<String> lines = wrap(fonts.regular, SMALL, text, width() - ITEM_INDENT - 10f);
        for (int i = 0; i < lines.size(); i++) {
            keep(leading);
            float baseline = y - leading + descent(SMALL, leading);
            if (i == 0) {
                draw(fonts.regular, SMALL, "•", MARGIN + ITEM_INDENT, baseline);
            }
            draw(fonts.regular, SMALL, lines.get(i), MARGIN + ITEM_INDENT + 10f, baseline);
            y -= leading;
        }
        space(2f);
    }

    /** SQL or a file's text: monospace on a light background, wrapped at the width, breaking across pages. */
    void code(String text) throws IOException {
        float leading = leading(CODE);
        for (String line : wrap(fonts.mono, CODE, text, width() - 2 * PAD)) {
            keep(leading);
            page.setNonStrokingColor(0.95f);
            page.addRect(MARGIN, y - leading, width(), leading);
            page.fill();
            draw(fonts.mono, CODE, line, MARGIN + PAD, y - leading + descent(CODE, leading));
            y -= leading;
        }
        space(5f);
    }

    void space(float points) throws IOException {
        if (y - points < BOTTOM) {
            newPage();
        } else {
            y -= points;
        }
    }

    /**
     * A table: rows never overlap, a row taller than what is left of a page continues on the next one, and the header
     * row is repeated at the top of every page the table reaches.
     */
    void table(List<Column> columns, List<List<String>> rows) throws IOException {
        float total = (float) columns.stream().mapToDouble(Column::weight).sum();
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width() * columns.get(i).weight() / total;
        }
        boolean hasHeader = columns.stream().anyMatch(c -> c.title() != null);
        List<String> titles = columns.stream().map(c -> c.title() == null ? "" : c.title()).toList();
        float leading = leading(SMALL);
        if (hasHeader) {
            keep(2 * leading + 4 * CELL_PAD);
            row(columns, widths, titles, true);
        }
        for (List<String> cells : rows) {
            List<List<String>> wrapped = new ArrayList<>();
            int height = 0;
            for (int i = 0; i < columns.size(); i++) {
                List<String> lines = wrap(face(columns.get(i), false), SMALL, cells.get(i), widths[i] - 2 * CELL_PAD);
                wrapped.add(lines);
                height = Math.max(height, lines.size());
            }
            int done = 0;
            while (done < height) {
                int room = (int) ((y - BOTTOM - 2 * CELL_PAD) / leading);
                if (room < Math.min(height - done, 3)) {
                    newPage();
                    if (hasHeader) {
                        row(columns, widths, titles, true);
                    }
                    room = (int) ((y - BOTTOM - 2 * CELL_PAD) / leading);
                }
                int count = Math.min(room, height - done);
                chunk(columns, widths, wrapped, done, count, false);
                done += count;
            }
        }
        space(6f);
    }

    /** A box, ticked or empty, with the item's text beside it and a line of detail under it. */
    void checkbox(boolean ticked, String text, String detail) throws IOException {
        float box = 9f;
        float indent = ITEM_INDENT;
        List<String> lines = wrap(fonts.regular, BODY, text, width() - indent);
        List<String> details = detail == null ? List.of() : wrap(fonts.regular, SMALL, detail, width() - indent);
        keep(lines.size() * leading(BODY) + details.size() * leading(SMALL) + 4f);
        float top = y;
        page.setStrokingColor(0.1f);
        page.setLineWidth(0.8f);
        page.addRect(MARGIN, top - box - 2f, box, box);
        page.stroke();
        if (ticked) {
            page.setLineWidth(1.4f);
            page.moveTo(MARGIN + 1.8f, top - 2f - box * 0.5f);
            page.lineTo(MARGIN + box * 0.42f, top - 2f - box + 1.8f);
            page.lineTo(MARGIN + box - 1.2f, top - 2f - 1.2f);
            page.stroke();
        }
        for (String line : lines) {
            draw(fonts.regular, BODY, line, MARGIN + indent, y - leading(BODY) + descent(BODY, leading(BODY)));
            y -= leading(BODY);
        }
        for (String line : details) {
            page.setNonStrokingColor(0.3f);
            draw(fonts.regular, SMALL, line, MARGIN + indent, y - leading(SMALL) + descent(SMALL, leading(SMALL)));
            y -= leading(SMALL);
        }
        space(5f);
    }

    void pageBreak() throws IOException {
        newPage();
    }

    /** Ends the last page and writes the header and "page N of M" on every page. */
    PDDocument finish(String footer) throws IOException {
        page.close();
        int count = document.getNumberOfPages();
        for (int i = 0; i < count; i++) {
            PDPage each = document.getPage(i);
            try (PDPageContentStream stream = new PDPageContentStream(document, each,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                float top = paper.getHeight() - TOP + 22f;
                text(stream, fonts.regular, SMALL, fit(fonts.regular, SMALL, header, width() * 0.75f), MARGIN, top);
                stream.setStrokingColor(0.6f);
                stream.setLineWidth(0.5f);
                stream.moveTo(MARGIN, top - 5f);
                stream.lineTo(paper.getWidth() - MARGIN, top - 5f);
                stream.stroke();
                String number = "page " + (i + 1) + " of " + count;
                float numberWidth = fonts.regular.width(number, SMALL);
                text(stream, fonts.regular, SMALL, number, paper.getWidth() - MARGIN - numberWidth, BOTTOM - 24f);
                text(stream, fonts.regular, SMALL, fit(fonts.regular, SMALL, footer, width() - numberWidth - 20f),
                        MARGIN, BOTTOM - 24f);
            }
        }
        return document;
    }

    private void row(List<Column> columns, float[] widths, List<String> cells, boolean header) throws IOException {
        List<List<String>> wrapped = new ArrayList<>();
        int height = 0;
        for (int i = 0; i < columns.size(); i++) {
            List<String> lines = wrap(header ? fonts.bold : face(columns.get(i), false), SMALL, cells.get(i),
                    widths[i] - 2 * CELL_PAD);
            wrapped.add(lines);
            height = Math.max(height, lines.size());
        }
        chunk(columns, widths, wrapped, 0, height, header);
    }

    /** Lines [from, from + count) of every cell of one row, with the row's background and its rule below. */
    private void chunk(List<Column> columns, float[] widths, List<List<String>> cells, int from, int count,
                       boolean header) throws IOException {
        float leading = leading(SMALL);
        float height = count * leading + 2 * CELL_PAD;
        if (header) {
            page.setNonStrokingColor(0.88f);
            page.addRect(MARGIN, y - height, width(), height);
            page.fill();
        }
        float x = MARGIN;
        for (int i = 0; i < columns.size(); i++) {
            List<String> lines = cells.get(i);
            ReportFonts.Face face = face(columns.get(i), header);
            for (int line = from; line < Math.min(from + count, lines.size()); line++) {
                float baseline = y - CELL_PAD - (line - from + 1) * leading + descent(SMALL, leading);
                draw(face, SMALL, lines.get(line), x + CELL_PAD, baseline);
            }
            x += widths[i];
        }
        y -= height;
        page.setStrokingColor(0.7f);
        page.setLineWidth(0.4f);
        page.moveTo(MARGIN, y);
        page.lineTo(MARGIN + width(), y);
        page.stroke();
    }

    private ReportFonts.Face face(Column column, boolean header) {
        return header ? fonts.bold : column.mono() ? fonts.mono : fonts.regular;
    }

    private void lines(ReportFonts.Face face, float size, String text, float indent, float after) throws IOException {
        float leading = leading(size);
        for (String line : wrap(face, size, text, width() - indent)) {
            keep(leading);
            draw(face, size, line, MARGIN + indent, y - leading + descent(size, leading));
            y -= leading;
        }
        space(after);
    }

    private void keep(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage next = new PDPage(paper);
        document.addPage(next);
        page = new PDPageContentStream(document, next);
        y = paper.getHeight() - TOP;
    }

    private void draw(ReportFonts.Face face, float size, String printable, float x, float baseline)
            throws IOException {
        if (printable.isEmpty()) {
            return;
        }
        page.setNonStrokingColor(0.05f);
        text(page, face, size, printable, x, baseline);
    }

    private static void text(PDPageContentStream stream, ReportFonts.Face face, float size, String printable,
                             float x, float baseline) throws IOException {
        stream.beginText();
        stream.setFont(face.font, size);
        stream.newLineAtOffset(x, baseline);
        stream.showText(printable);
        stream.endText();
    }

    private static float leading(float size) {
        return size * 1.32f;
    }

    /** Where the baseline sits above the bottom of a line box, so that descenders stay inside it. */
    private static float descent(float size, float leading) {
        return (leading - size) / 2f + size * 0.22f;
    }

    /** One line for the header and footer: shortened with an ellipsis if it would run past its space. */
    private static String fit(ReportFonts.Face face, float size, String text, float width) {
        String line = face.printable(text.replace('\n', ' '));
        if (face.width(line, size) <= width) {
            return line;
        }
        while (!line.isEmpty() && face.width(line + "…", size) > width) {
            line = line.substring(0, line.length() - 1);
        }
        return line + "…";
    }

    /**
     * Breaks text into lines no wider than {@code width}: at the text's own line breaks, then between words, and
     * inside a word (a long hash or identifier) only when the word alone is too wide. Leading spaces stay, so that
     * indented SQL keeps its shape.
     */
    static List<String> wrap(ReportFonts.Face face, float size, String text, float width) {
        List<String> out = new ArrayList<>();
        for (String line : splitLines(face, text)) {
            wrapLine(face, size, line, width, out);
        }
        return out;
    }

    private static List<String> splitLines(ReportFonts.Face face, String text) {
        List<String> lines = new ArrayList<>();
        for (String line : (text == null ? "" : text).replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            lines.add(face.printable(line));
        }
        return lines;
    }

    private static void wrapLine(ReportFonts.Face face, float size, String line, float width, List<String> out) {
        if (face.width(line, size) <= width) {
            out.add(line);
            return;
        }
        StringBuilder current = new StringBuilder();
        float currentWidth = 0;
        for (String token : line.split("(?<= )")) {
            float tokenWidth = face.width(token.stripTrailing(), size);
            if (current.length() > 0 && currentWidth + tokenWidth > width) {
                out.add(current.toString().stripTrailing());
                current.setLength(0);
                currentWidth = 0;
            }
            String rest = token;
            while (face.width(rest.stripTrailing(), size) > width) {
                int cut = rest.length() - 1;
                while (cut > 1 && face.width(rest.substring(0, cut), size) > width) {
                    cut--;
                }
                out.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            current.append(rest);
            currentWidth = face.width(current.toString(), size);
        }
        if (current.length() > 0 || out.isEmpty()) {
            out.add(current.toString().stripTrailing());
        }
    }
}
