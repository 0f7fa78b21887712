package dev.envclone.cli;

import dev.envclone.report.PaperSize;
import dev.envclone.report.ReportFileName;
import dev.envclone.report.RunReport;
import dev.envclone.report.SignerCertificate;
import dev.envclone.report.SigningIdentity;
import dev.envclone.report.SigningKeys;
import dev.envclone.run.RunFolder;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the signed PDF report of a run: plan, source and target, every step with its SQL, "
                + "counts and pre-image files, the Configuration Tool sheet, the completed checklist and the "
                + "journal's final hash.",
            "Signed with a PKCS#12 key (--keystore), a key in the Windows certificate store (--windows-store), or, "
                + "with neither, a self-signed key envclone makes once for this user (the report says so)."})
final class ReportCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--run-dir", required = true, paramLabel = "DIR", description = "The run folder.")
    Path runDir;

    @Option(names = "--out", paramLabel = "FILE.pdf|DIR", description = "The report to write, or the folder to write "
            + "it in as envclone-report-SOURCE-to-TARGET-DATE.pdf (envclone-rehearsal-report-... for a sandbox run); "
            + "default: that name in the current folder.")
    Path out;

    @Option(names = "--paper", paramLabel = "A4|LETTER", description = "Paper size (default: ${DEFAULT-VALUE}).")
    PaperSize paper = PaperSize.A4;

    @Option(names = "--keystore", paramLabel = "FILE.p12",
            description = "Sign with the key in this PKCS#12 (.p12/.pfx) file.")
    Path keystore;

    @Option(names = "--storepass-env", paramLabel = "VAR", description = "The environment variable holding the "
            + "keystore's password (never a file, never the command line).")
    String storepassVariable;

    @Option(names = "--windows-store", paramLabel = "ALIAS",
            description = "Sign with the key under ALIAS in the Windows certificate store (Windows-MY).")
    String windowsAlias;

    @Option(names = "--key-folder", paramLabel = "DIR", description = "Where the self-signed key is kept "
            + "(default: .envclone/signing in your home folder).")
    Path keyFolder;

    @Override
    public Integer call() throws Exception {
        RunFolder run = RunFolder.open(runDir, Clock.systemUTC());
        Path out = this.out != null && !Files.isDirectory(this.out) ? this.out
                : (this.out == null ? Path.of("") : this.out).resolve(ReportFileName.of(run.plan(), run.rehearsal(),
                        LocalDate.now(ZoneOffset.UTC)));
        ReportFiles.refuseExisting(spec, out);
        SigningIdentity signer = signer();
        byte[] pdf = RunReport.write(run, paper, signer, Instant.now());
        ReportFiles.write(out, pdf, "report");
        PrintWriter console = spec.commandLine().getOut();
        console.println("Wrote " + out + " (" + pdf.length / 1024 + " KiB), signed by " + signer.signerName()
                + (signer.selfSigned() ? " (self-signed)" : "") + ".");
        console.println("Signer's SHA-256 fingerprint: " + SignerCertificate.of(signer.certificate()).sha256()
                + " (give it to the report's readers: they check it with envclone verify --signer).");
        console.println("Check it with: envclone verify " + out + " --run-dir " + runDir);
        return Cli.OK;
    }

    private SigningIdentity signer() throws Exception {
        if (keystore != null && windowsAlias != null) {
            throw new ParameterException(spec.commandLine(), "give either --keystore or --windows-store, not both");
        }
        if ((keystore == null) != (storepassVariable == null)) {
            throw new ParameterException(spec.commandLine(), "--keystore FILE.p12 and --storepass-env VAR go "
                    + "together: the file, and the environment variable that holds its password");
        }
        if (windowsAlias != null) {
            return SigningKeys.fromWindowsStore(windowsAlias);
        }
        if (keystore != null) {
            String password = System.getenv(storepassVariable);
            if (password == null) {
                throw new ParameterException(spec.commandLine(), "--storepass-env " + storepassVariable
                        + ": that environment variable is not set");
            }
            return SigningKeys.fromPkcs12(keystore, password.toCharArray());
        }
        // The default is looked up here, not in the field: the field's initialiser ran whenever the command was built.
        return SigningKeys.selfSigned(keyFolder != null ? keyFolder : SigningKeys.defaultFolder(),
                System.getProperty("user.name"));
    }
}
