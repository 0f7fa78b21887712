package dev.envclone.report;

import java.awt.image.BufferedImage;
import java.io.File;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Renders a PDF's first page as the wizard's PDF view does (ui/checklist/PdfPages: PDFBox into an AWT image, RGB)
 * and prints its size and how many pixels are not white: run by AppImageIT on the app-image's runtime, whose AWT has
 * no X11 toolkit, with the launcher's JVM options.
 */
public final class PageImageProbe {
    private PageImageProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (PDDocument document = Loader.loadPDF(new File(args[0]))) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 72, ImageType.RGB);
            int ink = 0;
            for (int y = 0; y < page.getHeight(); y++) {
                for (int x = 0; x < page.getWidth(); x++) {
                    if ((page.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                        ink++;
                    }
                }
            }
            System.out.println(page.getWidth() + "x" + page.getHeight() + " ink " + ink);
        }
    }
}
