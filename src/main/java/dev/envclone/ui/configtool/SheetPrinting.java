package dev.envclone.ui.configtool;

import java.util.ArrayList;
import java.util.List;
import javafx.print.PageLayout;
import javafx.print.PrinterJob;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Lays the sheet's text out on the pages of a printer job: monospace, wrapped to the printable width, a new page
 * whenever the next line would not fit. Runs on the worker thread (JavaFX prints from any thread; the nodes are
 * never in a scene).
 */
final class SheetPrinting implements ConfigToolViewModel.SheetPrinter {
    private final PrinterJob job;

    SheetPrinting(PrinterJob job) {
        this.job = job;
    }

    @Override
    public void print(String sheet) {
        PageLayout layout = job.getJobSettings().getPageLayout();
        double width = layout.getPrintableWidth();
        double height = layout.getPrintableHeight();
        for (String page : pages(sheet, width, height)) {
            if (!job.printPage(text(page, width))) {
                job.cancelJob();
                throw new IllegalStateException("the printer refused a page (" + job.getJobStatus() + ")");
            }
        }
        if (!job.endJob()) {
            throw new IllegalStateException("the job could not be sent to the printer (" + job.getJobStatus() + ")");
        }
    }

    private static List<String> pages(String sheet, double width, double height) {
        List<String> pages = new ArrayList<>();
        StringBuilder page = new StringBuilder();
        for (String line : sheet.split("\n", -1)) {
            String candidate = page.length() == 0 ? line : page + "\n" + line;
            if (page.length() > 0 && text(candidate, width).getLayoutBounds().getHeight() > height) {
                pages.add(page.toString());
                page.setLength(0);
                page.append(line);
            } else {
                page.setLength(0);
                page.append(candidate);
            }
        }
        if (page.length() > 0) {
            pages.add(page.toString());
        }
        return pages;
    }

    private static Text text(String content, double width) {
        Text text = new Text(content);
        text.setFont(Font.font("Monospaced", 10));
        text.setWrappingWidth(width);
        return text;
    }
}
