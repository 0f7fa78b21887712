/**
 * Getting the source database onto the target: the SQL Server backup/restore script and the Oracle Data Pump
 * parameter files with the users, tablespaces and grants the import needs, and the routes that carry the clone
 * steps out themselves ({@link dev.envclone.clone.CloneRoute}): SQL Server BACKUP/RESTORE over JDBC
 * ({@link dev.envclone.clone.SqlServerCloneRoute}), Oracle through DBMS_DATAPUMP over JDBC
 * ({@link dev.envclone.clone.DataPumpOverJdbc}) and, where a site mandates the client tools, over SSH
 * ({@link dev.envclone.clone.DataPumpOverSsh}).
 */
package dev.envclone.clone;
