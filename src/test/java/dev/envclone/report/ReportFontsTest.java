package dev.envclone.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import org.apache.fontbox.ttf.model.GsubData;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.Loader;
import org.junit.jupiter.api.Test;

/**
 * The report's faces draw each character as its own glyph: the fonts carry no substitution table (GSUB), so PDFBox
 * makes no ligature ("fi" stays two glyphs, as wide as the layout measured them one by one) and spends no time
 * looking for one (decision 0028).
 */
class ReportFontsTest {
    @Test
    void noFaceHasSubstitutionsAndTextComesBackAsWritten() throws Exception {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        String text = "office fluff fi ffi ffl: Configuration Tool, ÆØÅ é ç ß Ω Ж";
        try (PDDocument document = new PDDocument()) {
            ReportFonts fonts = new ReportFonts(document);
            for (ReportFonts.Face face : new ReportFonts.Face[] {fonts.regular, fonts.bold, fonts.mono}) {
                assertSame(GsubData.NO_DATA_FOUND, face.font.getGsubData());
                assertEquals(text, face.printable(text));
            }
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(fonts.regular.font, 12);
                content.newLineAtOffset(50, 700);
                content.showText(text);
                content.endText();
            }
            document.save(pdf);
        }
        try (PDDocument read = Loader.loadPDF(pdf.toByteArray())) {
            assertEquals(text, new PDFTextStripper().getText(read).strip());
        }
    }
}
