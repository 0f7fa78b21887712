package dev.envclone.clone;

import dev.envclone.sql.Dbms;
import dev.envclone.sql.Dialect;
import java.util.List;

/**
 * The first batches of both SQL Server clone scripts. {@code :ON ERROR EXIT} makes sqlcmd (and SSMS in SQLCMD
 * mode) stop at the first error, so a guard's THROW ends the whole script, not only its batch ("sqlcmd utility",
 * {@code :On Error [exit | ignore]}). Outside SQLCMD mode SSMS runs every batch whatever the one before did, and
 * the directives are syntax errors: the second batch notices that {@code $(EnvcloneSqlcmd)} was not replaced and
 * sets NOEXEC ON, under which SQL Server compiles the remaining batches of the session without running them.
 */
final class SqlcmdFrame {
    private static final Dialect SQL = Dialect.of(Dbms.SQLSERVER);

    private SqlcmdFrame() {
    }

    /** {@code :ON ERROR EXIT} first, then the comment lines, then the SQLCMD mode check. */
    static List<String> open(List<String> comments) {
        List<String> out = new java.util.ArrayList<>(List.of(":ON ERROR EXIT", ":setvar EnvcloneSqlcmd \"on\""));
        out.addAll(comments);
        out.add("GO");
        out.add("-- Outside SQLCMD mode the two lines above fail and $(EnvcloneSqlcmd) stays as written: nothing "
                + "below runs.");
        out.add("IF N'$(EnvcloneSqlcmd)' <> N'on'");
        out.add("BEGIN");
        out.add("    RAISERROR (" + SQL.literal("Run this script in SQLCMD mode (sqlcmd -b -i FILE, or SSMS: Query > "
                + "SQLCMD Mode); nothing was run. Then SET NOEXEC OFF or open a new window.") + ", 16, 1);");
        out.add("    SET NOEXEC ON;");
        out.add("END;");
        out.add("GO");
        return out;
    }

    static String ruler() {
        return "-- " + "-".repeat(76);
    }
}
