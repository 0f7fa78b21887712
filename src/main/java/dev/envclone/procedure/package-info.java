/**
 * The procedure as data: the migration plan and its checks, the ordered steps for a DBMS and install path, every
 * cleanup script as one declaration, the Configuration Tool fields, and the plan's file formats. Immutable records.
 */
package dev.envclone.procedure;
