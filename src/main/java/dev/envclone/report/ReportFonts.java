package dev.envclone.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The three faces a report is set in, embedded as subsets: DejaVu Sans, its bold, and DejaVu Sans Mono for SQL.
 * PDF's standard fonts only know Windows-1252, and an operator's name or a note can hold any letter; an embedded
 * font prints the same on every reader and printer.
 */
final class ReportFonts {
    private static final String FOLDER = "/dev/envclone/report/fonts/";
    // The files are read once per process; each document parses its own copy (a parsed font is not thread-safe).
    private static final byte[] SANS = read("DejaVuSans.ttf");
    private static final byte[] BOLD = read("DejaVuSans-Bold.ttf");
    private static final byte[] MONO = read("DejaVuSansMono.ttf");

    final Face regular;
    final Face bold;
    final Face mono;

    ReportFonts(PDDocument document) throws IOException {
        regular = new Face(document, SANS);
        bold = new Face(document, BOLD);
        mono = new Face(document, MONO);
    }

    /** A font in one document, and the question the layout asks of it: can it draw this character? */
    static final class Face {
        final PDType0Font font;
        private final CmapLookup cmap;
        private final Map<Integer, Float> widths = new HashMap<>();

        private Face(PDDocument document, byte[] file) throws IOException {
            TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(file));
            this.font = PDType0Font.load(document, parsed, true);
            this.cmap = parsed.getUnicodeCmapLookup();
        }

        /**
         * The text as this face can print it: tabs become spaces, other control characters and characters the font
         * lacks become '?', so that no value can make the report fail to write.
         */
        String printable(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(c -> {
                if (c == '\t') {
                    out.append("    ");
                } else if (Character.isISOControl(c) || cmap.getGlyphId(c) == 0) {
                    out.append('?');
                } else {
                    out.appendCodePoint(c);
                }
            });
            return out.toString();
        }

        /**
         * The text's width, as {@code font.getStringWidth} gives it (the sum, left to right, of each character's
         * width), from a width per character kept for the document: the layout measures a line again for every
         * word it fits and every character it cuts, and PDFBox encodes the whole string through the font each
         * time, which was about a tenth of a cold report (decision 0026).
         */
        float width(String printable, float size) {
            float width = 0;
            for (int i = 0; i < printable.length(); ) {
                int c = printable.codePointAt(i);
                width += widths.computeIfAbsent(c, this::measure);
                i += Character.charCount(c);
            }
            return width / 1000f * size;
        }

        private float measure(int codePoint) {
            try {
                return font.getStringWidth(new String(Character.toChars(codePoint)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static byte[] read(String name) {
        try (InputStream in = ReportFonts.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("font " + name + " is missing from envclone's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
