/**
 * Getting the source database onto the target: the SQL Server backup/restore script and the Oracle Data Pump
 * parameter files with the users, tablespaces and grants the import needs, and the routes that carry the clone out
 * ({@link dev.envclone.clone.CloneRoute}), among them Oracle Data Pump over SSH
 * ({@link dev.envclone.clone.DataPumpOverSsh}: expdp, create-users.sql in SQL*Plus and impdp on the database host).
 */
package dev.envclone.clone;
