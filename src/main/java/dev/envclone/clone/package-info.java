/**
 * Getting the source database onto the target: the SQL Server backup/restore script and the Oracle Data Pump
 * parameter files with the users, tablespaces and grants the import needs.
 */
package dev.envclone.clone;
