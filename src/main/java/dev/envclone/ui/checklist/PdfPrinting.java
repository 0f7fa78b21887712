package dev.envclone.ui.checklist;

import dev.envclone.db.CancelToken;
import dev.envclone.db.ProgressListener;
import javafx.print.PageLayout;
import javafx.print.PrinterJob;
import javafx.scene.image.ImageView;
import org.apache.pdfbox.Loader;

/**
 * Prints a PDF on a JavaFX printer job: each page rendered to an image and printed as an image view fitted to the
 * printable area. Runs on the worker thread: JavaFX prints from any thread, and the views are never in a scene.
 */
final class PdfPrinting implements FinalViewModel.PdfPrinter {
    /** Enough for crisp text on paper; a page at this resolution is about 8 MB while it is printed. */
    private static final float DPI = 150f;

    private final PrinterJob job;

    PdfPrinting(PrinterJob job) {
        this.job = job;
    }

    @Override
    public void print(byte[] pdf, ProgressListener progress, CancelToken cancel) throws Exception {
        PageLayout layout = job.getJobSettings().getPageLayout();
        try (PdfPages pages = new PdfPages(Loader.loadPDF(pdf))) {
            for (int i = 0; i < pages.count(); i++) {
                if (cancel.isCancelled()) {
                    job.cancelJob();
                    cancel.check();
                }
                progress.progress("Printing page " + (i + 1) + " of " + pages.count(), i, pages.count());
                ImageView page = new ImageView(pages.render(i, DPI));
                page.setPreserveRatio(true);
                page.setSmooth(true);
                page.setFitWidth(layout.getPrintableWidth());
                page.setFitHeight(layout.getPrintableHeight());
                if (!job.printPage(layout, page)) {
                    job.cancelJob();
                    throw new IllegalStateException("the printer refused page " + (i + 1) + " ("
                            + job.getJobStatus() + ")");
                }
            }
        }
        if (!job.endJob()) {
            throw new IllegalStateException("the job could not be sent to the printer (" + job.getJobStatus() + ")");
        }
    }
}
