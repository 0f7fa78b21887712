/**
 * The envclone command line (picocli): the only place that prints to standard output. Commands parse and check
 * their arguments, then call the engine.
 */
package dev.envclone.cli;
