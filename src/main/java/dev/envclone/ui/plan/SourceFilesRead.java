package dev.envclone.ui.plan;

import dev.envclone.clone.CloneFailedException;
import dev.envclone.clone.CloneRoutes;
import dev.envclone.clone.SourceDatabaseFiles;
import dev.envclone.db.TargetUrl;
import dev.envclone.db.UrlSecrets;
import dev.envclone.sql.Dbms;
import dev.envclone.ui.WizardViewModel;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;

/**
 * The plan page's "Read files from the source": the source catalog's (and the log catalog's) logical files read
 * from the SQL Server source into the file fields, instead of typed. Before the backup exists there is no
 * RESTORE FILELISTONLY to read, so they come from the catalog itself ({@link SourceDatabaseFiles}); the restore
 * compares FILELISTONLY with the plan all the same. An H2 source is the rehearsal's sandbox, whose copy takes the
 * database file whole and needs no logical names: the button says so instead of reading.
 */
final class SourceFilesRead {
    private final WizardViewModel wizard;
    private final ObjectProperty<Dbms> dbms;
    private final Function<PlanField, StringProperty> text;
    private final Function<PlanField, String> problem;
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper ok = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding usable;
    private final javafx.beans.value.ChangeListener<String> sourceChanged = (o, a, b) -> clear();

    /**
     * @param problem a field's current message, or "" (the catalogs must pass their rules before they are read)
     */
    SourceFilesRead(WizardViewModel wizard, ObjectProperty<Dbms> dbms, ReadOnlyBooleanProperty readOnly,
                    Function<PlanField, StringProperty> text, Function<PlanField, String> problem) {
        this.wizard = wizard;
        this.dbms = dbms;
        this.text = text;
        this.problem = problem;
        // Where the file fields are shown (SQL Server) and a source is given; never once the plan is fixed.
        usable = Bindings.createBooleanBinding(() -> dbms.get() != null && PlanField.FILES.appliesTo(dbms.get())
                        && wizard.hasSource() && !readOnly.get() && !reading.get(),
                dbms, wizard.sourceUrlProperty(), readOnly, reading);
        // The wizard outlives this plan page: it holds the listener weakly, this object strongly.
        wizard.sourceUrlProperty().addListener(new javafx.beans.value.WeakChangeListener<>(sourceChanged));
        dbms.addListener((o, a, b) -> clear());
    }

    BooleanBinding usable() {
        return usable;
    }

    ReadOnlyStringProperty result() {
        return result.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty ok() {
        return ok.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty reading() {
        return reading.getReadOnlyProperty();
    }

    /** What the button does: refuses with a reason, or reads on the route's server session. */
    void read() {
        if (reading.get()) {
            return;
        }
        ok.set(false);
        String refusal = refusal();
        if (refusal != null) {
            result.set(refusal);
            return;
        }
        readOn(SourceDatabaseFiles.ROUTE);
    }

    /**
     * The read itself on {@code server}, without {@link #refusal()}'s look at the URL's driver: the tests' server is
     * an H2 stand-in for a SQL Server source, since an H2 source is the sandbox and refused there.
     */
    void readOn(SourceDatabaseFiles.Server server) {
        ok.set(false);
        String catalogProblem = catalogProblem();
        if (catalogProblem != null) {
            result.set(catalogProblem);
            return;
        }
        String catalog = text.apply(PlanField.SOURCE_CATALOG).get();
        String logText = text.apply(PlanField.SOURCE_LOG_CATALOG).get();
        String logCatalog = logText == null || logText.isEmpty() ? null : logText;
        CloneRoutes.Source source = wizard.source();
        reading.set(true);
        result.set("Reading the logical files of " + catalog + (logCatalog == null ? "" : " and " + logCatalog)
                + " from the source…");
        wizard.background().run("Reading the source's logical files", (progress, cancel) -> {
            try {
                return SourceDatabaseFiles.read(server, source, catalog, logCatalog, cancel);
            } finally {
                Arrays.fill(source.password(), '\0');
            }
        }, files -> {
            reading.set(false);
            text.apply(PlanField.FILES).set(FieldValues.join(files.platform()));
            if (files.log() != null) {
                text.apply(PlanField.LOG_FILES).set(FieldValues.join(files.log()));
            }
            ok.set(true);
            result.set("Read from the source: " + catalog + " " + FieldValues.join(files.platform())
                    + (files.log() == null ? "" : "; " + logCatalog + " " + FieldValues.join(files.log())) + ".");
        }, failed -> {
            reading.set(false);
            result.set(failure(failed));
        });
    }

    /** Why nothing can be read now, or null. */
    private String refusal() {
        if (dbms.get() == null || !PlanField.FILES.appliesTo(dbms.get())) {
            return "Logical files belong to a SQL Server plan; an Oracle clone is a Data Pump export and import.";
        }
        if (!wizard.hasSource()) {
            return "Give the source's JDBC URL first (Source connection, below), or type the files.";
        }
        String url = wizard.sourceUrlProperty().get().strip();
        String urlProblem = TargetUrl.problem("source JDBC URL", url, "type it in the source's Password field "
                + "instead");
        if (urlProblem != null) {
            return urlProblem;
        }
        return switch (TargetUrl.parse("source JDBC URL", url, "").driver()) {
            case SQLSERVER -> null;
            case H2 -> "The source is an H2 sandbox: the rehearsal's copy takes its database file whole and needs no "
                    + "logical file names. The names in the fields are for a SQL Server restore; type them, or "
                    + "read them from a SQL Server source.";
            case ORACLE -> "The source URL is an Oracle database: a SQL Server plan's files are read from a SQL "
                    + "Server source.";
        };
    }

    private String catalogProblem() {
        for (PlanField catalog : List.of(PlanField.SOURCE_CATALOG, PlanField.SOURCE_LOG_CATALOG)) {
            String message = problem.apply(catalog);
            if (message != null && !message.isEmpty()) {
                return "Correct the " + catalog.fieldName() + " first: " + message;
            }
        }
        return null;
    }

    static String failure(Throwable failed) {
        if (failed instanceof CloneFailedException e) {
            return e.getMessage();
        }
        if (failed instanceof dev.envclone.db.CancelToken.CancelledException) {
            return "Cancelled: no file names were read; the fields are as they were.";
        }
        // The driver's own sentence often ends with a full stop already.
        String said = UrlSecrets.mask(String.valueOf(failed.getMessage())).strip().replaceFirst("\\.+$", "");
        return "The source could not be read: " + said + ". Check the source's URL, user and password, or type the files.";
    }

    private void clear() {
        if (!reading.get()) {
            result.set("");
            ok.set(false);
        }
    }
}
