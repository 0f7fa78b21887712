/**
 * The run folder: the plan's generated files now; the journal, pre-images and resume later.
 */
package dev.envclone.run;
