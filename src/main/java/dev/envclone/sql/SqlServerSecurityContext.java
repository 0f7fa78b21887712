package dev.envclone.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL Server form of the security-context step ({@link SecurityContext}): the catalog queries that find what
 * the restored users own, the statements that give it away and drop them, and the same as one T-SQL batch for a
 * script run by hand. Only a real SQL Server runs this text (H2 has no sys.* views): golden files pin it, and each
 * statement rests on Microsoft's documentation:
 * <ul>
 *   <li>ALTER AUTHORIZATION ON OBJECT::… TO SCHEMA OWNER, ON SCHEMA::… and ON ROLE::… TO principal
 *   (learn.microsoft.com ms187359: SCHEMA OWNER is valid for schema-contained entities only; tables, views,
 *   functions, procedures, queues and synonyms can change owner);</li>
 *   <li>DROP USER: "Users that own securables cannot be dropped from the database" (learn.microsoft.com
 *   drop-user-transact-sql; Msg 15138 while it owns a schema, on every version since 2005);</li>
 *   <li>every statement here is allowed inside an explicit transaction (learn.microsoft.com ms191544 lists the
 *   exceptions: ALTER/CREATE/DROP DATABASE, BACKUP, RESTORE, RECONFIGURE, full-text DDL, UPDATE STATISTICS), so the
 *   whole step commits or rolls back as one;</li>
 *   <li>a statement for another catalog runs as {@code EXEC sp_executesql N'USE [catalog]; …'}: the string is its
 *   own batch and its USE lasts only until sp_executesql ends (learn.microsoft.com ms175170), so the session stays
 *   in the platform catalog and in the step's transaction;</li>
 *   <li>sys.database_principals types S, U, G, C, K (and E, X for Entra ID) are users; R is a role, whose
 *   owning_principal_id is its owner (learn.microsoft.com ms187328).</li>
 * </ul>
 */
public final class SqlServerSecurityContext {
    /** Database users, not roles: SQL, Windows, group, certificate, asymmetric key, Entra user and group. */
    static final String USER_TYPES = "('S', 'U', 'G', 'C', 'K', 'E', 'X')";

    private static final Dialect SQL = Dialect.of(Dbms.SQLSERVER);

    private SqlServerSecurityContext() {
    }

    /** Rows: user name, type, the login its SID maps to on this server (NULL: none, an orphaned user). */
    public static String usersQuery(String catalog, List<String> users) {
        String c = SQL.quote(catalog);
        return "SELECT u.name, u.type_desc, sp.name FROM " + c + ".sys.database_principals AS u "
                + "LEFT JOIN sys.server_principals AS sp ON sp.sid = u.sid WHERE " + named("u", users)
                + " ORDER BY u.name";
    }

    /** Rows: user, schema, object, type: the objects the user owns explicitly (not through its schema). */
    public static String ownedObjectsQuery(String catalog, List<String> users) {
        String c = SQL.quote(catalog);
        return "SELECT u.name, s.name, o.name, o.type_desc FROM " + c + ".sys.objects AS o JOIN " + c
                + ".sys.schemas AS s ON s.schema_id = o.schema_id JOIN " + c + ".sys.database_principals AS u ON "
                + "u.principal_id = o.principal_id WHERE " + named("u", users) + " ORDER BY u.name, s.name, o.name";
    }

    /** Rows: user, schema, the number of objects in it: every schema the user owns. */
    public static String ownedSchemasQuery(String catalog, List<String> users) {
        String c = SQL.quote(catalog);
        return "SELECT u.name, s.name, (SELECT COUNT(*) FROM " + c + ".sys.objects AS o WHERE o.schema_id = "
                + "s.schema_id) FROM " + c + ".sys.schemas AS s JOIN " + c + ".sys.database_principals AS u ON "
                + "u.principal_id = s.principal_id WHERE " + named("u", users) + " ORDER BY u.name, s.name";
    }

    /** Rows: user, role: the database roles the user owns. */
    public static String ownedRolesQuery(String catalog, List<String> users) {
        String c = SQL.quote(catalog);
        return "SELECT u.name, r.name FROM " + c + ".sys.database_principals AS r JOIN " + c
                + ".sys.database_principals AS u ON u.principal_id = r.owning_principal_id WHERE r.type = 'R' AND "
                + named("u", users) + " ORDER BY u.name, r.name";
    }

    /** Rows: user, schema, object, type: the objects in a user's own schema (same name, owned by it). */
    public static String ownSchemaObjectsQuery(String catalog, List<String> users) {
        String c = SQL.quote(catalog);
        return "SELECT u.name, s.name, o.name, o.type_desc FROM " + c + ".sys.objects AS o JOIN " + c
                + ".sys.schemas AS s ON s.schema_id = o.schema_id JOIN " + c + ".sys.database_principals AS u ON "
                + "u.principal_id = s.principal_id WHERE " + named("u", users) + " AND s.name = u.name "
                + "ORDER BY u.name, s.name, o.name";
    }

    public static RowChange objectToSchemaOwner(String catalog, String user, String schema, String object,
                                                String note) {
        String c = SQL.quote(catalog);
        String name = SQL.quote(schema) + "." + SQL.quote(object);
        return RowChange.catalogChange(c + ".sys.objects",
                in(catalog, "ALTER AUTHORIZATION ON OBJECT::" + name + " TO SCHEMA OWNER"),
                "object_id = OBJECT_ID(" + SQL.literal(c + "." + name) + ") AND principal_id = "
                        + principal(catalog, user), note);
    }

    public static RowChange schemaToDbo(String catalog, String user, String schema, String note) {
        return RowChange.catalogChange(SQL.quote(catalog) + ".sys.schemas",
                in(catalog, "ALTER AUTHORIZATION ON SCHEMA::" + SQL.quote(schema) + " TO [dbo]"),
                "name = " + SQL.literal(schema) + " AND principal_id = " + principal(catalog, user), note);
    }

    public static RowChange roleToDbo(String catalog, String user, String role, String note) {
        return RowChange.catalogChange(SQL.quote(catalog) + ".sys.database_principals",
                in(catalog, "ALTER AUTHORIZATION ON ROLE::" + SQL.quote(role) + " TO [dbo]"),
                "type = 'R' AND name = " + SQL.literal(role) + " AND owning_principal_id = "
                        + principal(catalog, user), note);
    }

    public static RowChange dropOwnSchema(String catalog, String user, String note) {
        return RowChange.catalogChange(SQL.quote(catalog) + ".sys.schemas",
                in(catalog, "DROP SCHEMA " + SQL.quote(user)),
                "name = " + SQL.literal(user) + " AND principal_id = " + principal(catalog, user), note);
    }

    public static RowChange dropUser(String catalog, String user, String note) {
        return RowChange.catalogChange(SQL.quote(catalog) + ".sys.database_principals",
                in(catalog, "DROP USER " + SQL.quote(user)),
                "name = " + SQL.literal(user) + " AND type IN " + USER_TYPES, note);
    }

    /**
     * The step as one T-SQL batch for a script run by hand, inside the step's transaction: it lists the users and
     * their logins, stops (THROW, nothing done) when a user's own schema holds an object, then runs the same plan
     * of actions the engine runs, printing each statement.
     */
    public static String script(SecurityContext context) {
        List<String> lines = new ArrayList<>(List.of(
                "DECLARE @envclone_sql nvarchar(max), @envclone_refused nvarchar(2048);",
                "DECLARE @envclone_actions TABLE (id int IDENTITY(1, 1) PRIMARY KEY, statement nvarchar(max) NOT NULL);"));
        for (String catalog : context.catalogs()) {
            lines.addAll(catalogScript(catalog, context.users()));
        }
        lines.addAll(List.of(
                "DECLARE envclone_actions CURSOR LOCAL FAST_FORWARD FOR",
                "    SELECT statement FROM @envclone_actions ORDER BY id;",
                "OPEN envclone_actions;",
                "FETCH NEXT FROM envclone_actions INTO @envclone_sql;",
                "WHILE @@FETCH_STATUS = 0",
                "BEGIN",
                "    PRINT @envclone_sql;",
                "    EXEC sp_executesql @envclone_sql;",
                "    FETCH NEXT FROM envclone_actions INTO @envclone_sql;",
                "END;",
                "CLOSE envclone_actions;",
                "DEALLOCATE envclone_actions;"));
        return String.join("\n", lines);
    }

    private static List<String> catalogScript(String catalog, List<String> users) {
        String c = SQL.quote(catalog);
        String use = "USE " + c + "; ";
        String join = "JOIN " + c + ".sys.database_principals AS u ON u.principal_id = ";
        String where = " WHERE " + named("u", users);
        return List.of(
                "-- Catalog " + catalog + ": the restored users and the logins their SIDs map to (NULL: none).",
                usersQuery(catalog, users) + ";",
                // CONCAT, unlike +, never turns the message into NULL (which would let the check pass).
                "SELECT TOP (1) @envclone_refused = CONCAT(" + SQL.literal("envclone: in catalog " + catalog
                        + ", the own schema of user ") + ", u.name, N' holds ', s.name, N'.', o.name, N' (', "
                        + "o.type_desc, " + SQL.literal("): move or drop its objects (an application-level "
                        + "decision), then run this step again. Nothing of this step ran.") + ")",
                "FROM " + c + ".sys.objects AS o JOIN " + c + ".sys.schemas AS s ON s.schema_id = o.schema_id",
                join + "s.principal_id" + where + " AND s.name = u.name",
                "ORDER BY u.name, o.name;",
                "IF @envclone_refused IS NOT NULL",
                "BEGIN",
                // THROW reads % in its message as a format character.
                "    SET @envclone_refused = REPLACE(@envclone_refused, N'%', N'%%');",
                "    THROW 50000, @envclone_refused, 1;",
                "END;",
                "INSERT INTO @envclone_actions (statement) SELECT " + SQL.literal(use + "ALTER AUTHORIZATION ON "
                        + "OBJECT::") + " + QUOTENAME(s.name) + N'.' + QUOTENAME(o.name) + N' TO SCHEMA OWNER;'",
                "FROM " + c + ".sys.objects AS o JOIN " + c + ".sys.schemas AS s ON s.schema_id = o.schema_id",
                join + "o.principal_id" + where + " ORDER BY u.name, s.name, o.name;",
                "INSERT INTO @envclone_actions (statement) SELECT " + SQL.literal(use + "ALTER AUTHORIZATION ON "
                        + "SCHEMA::") + " + QUOTENAME(s.name) + N' TO [dbo];'",
                "FROM " + c + ".sys.schemas AS s " + join + "s.principal_id" + where
                        + " AND s.name <> u.name ORDER BY u.name, s.name;",
                "INSERT INTO @envclone_actions (statement) SELECT " + SQL.literal(use + "ALTER AUTHORIZATION ON "
                        + "ROLE::") + " + QUOTENAME(r.name) + N' TO [dbo];'",
                "FROM " + c + ".sys.database_principals AS r " + join + "r.owning_principal_id" + where
                        + " AND r.type = 'R' ORDER BY u.name, r.name;",
                "INSERT INTO @envclone_actions (statement) SELECT " + SQL.literal(use + "DROP SCHEMA ")
                        + " + QUOTENAME(s.name) + N';'",
                "FROM " + c + ".sys.schemas AS s " + join + "s.principal_id" + where
                        + " AND s.name = u.name ORDER BY u.name;",
                "INSERT INTO @envclone_actions (statement) SELECT " + SQL.literal(use + "DROP USER ")
                        + " + QUOTENAME(u.name) + N';'",
                "FROM " + c + ".sys.database_principals AS u" + where + " ORDER BY u.name;");
    }

    /** The users' condition on alias {@code u} of sys.database_principals: named, and users (not roles). */
    private static String named(String alias, List<String> users) {
        return alias + ".name IN (" + users.stream().map(SQL::literal).collect(Collectors.joining(", ")) + ") AND "
                + alias + ".type IN " + USER_TYPES;
    }

    /** A user's principal_id in {@code catalog}; NULL once it is dropped, so the condition selects nothing. */
    private static String principal(String catalog, String user) {
        return "(SELECT principal_id FROM " + SQL.quote(catalog) + ".sys.database_principals WHERE name = "
                + SQL.literal(user) + " AND type IN " + USER_TYPES + ")";
    }

    /** A statement run in {@code catalog}, in the step's transaction, from a session in the platform catalog. */
    private static String in(String catalog, String statement) {
        return "EXEC sp_executesql " + SQL.literal("USE " + SQL.quote(catalog) + "; " + statement + ";");
    }
}
