package dev.envclone.ui.checklist;

import java.awt.image.BufferedImage;
import java.io.IOException;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A PDF's pages as JavaFX images, one at a time. PDFBox renders to an AWT image; its pixels are copied into a
 * JavaFX image directly, since the javafx-swing bridge (SwingFXUtils) is not among envclone's dependencies.
 */
final class PdfPages implements AutoCloseable {
    private final PDDocument document;
    private final PDFRenderer renderer;

    PdfPages(PDDocument document) {
        this.document = document;
        this.renderer = new PDFRenderer(document);
    }

    int count() {
        return document.getNumberOfPages();
    }

    /** Page {@code index} (0-based) at {@code dpi} dots per inch. */
    Image render(int index, float dpi) throws IOException {
        return image(renderer.renderImageWithDPI(index, dpi, ImageType.RGB));
    }

    static Image image(BufferedImage source) {
        int width = source.getWidth();
        int height = source.getHeight();
        int[] pixels = source.getRGB(0, 0, width, height, null, 0, width);
        WritableImage image = new WritableImage(width, height);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        return image;
    }

    @Override
    public void close() throws IOException {
        document.close();
    }
}
