package dev.envclone.report;

import dev.envclone.procedure.MigrationPlan;
import java.time.LocalDate;

/**
 * The name a run report is offered under: the environments and the day, so that a folder of reports reads as a
 * history ({@code envclone-report-Production-to-Pre-Production-2026-12-02.pdf}), and a rehearsal's says so
 * ({@code envclone-rehearsal-report-…}). Environment names are the operator's words: any character other than a
 * letter, digit, dot, underscore or hyphen becomes a hyphen, so that the name is one safe file name on Windows and
 * Linux (no separator, no reserved character, no space).
 */
public final class ReportFileName {
    private ReportFileName() {
    }

    public static String of(MigrationPlan plan, boolean rehearsal, LocalDate day) {
        return "envclone-" + (rehearsal ? "rehearsal-" : "") + "report-" + safe(plan.sourceEnvironment()) + "-to-"
                + safe(plan.targetEnvironment()) + "-" + day + ".pdf";
    }

    static String safe(String name) {
        String replaced = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]+", "-")
                .replaceAll("-{2,}", "-").replaceAll("^[-.]+|[-.]+$", "");
        return replaced.isEmpty() ? "environment" : replaced;
    }
}
