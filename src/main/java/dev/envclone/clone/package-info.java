/**
 * Getting the source database onto the target: the SQL Server backup/restore script and the Oracle Data Pump
 * parameter files with the users, tablespaces and grants the import needs, and the clone routes that carry the clone
 * steps out themselves (SQL Server BACKUP/RESTORE over JDBC: {@link dev.envclone.clone.SqlServerCloneRoute}).
 */
package dev.envclone.clone;
