/**
 * The JavaFX wizard: the only package that imports JavaFX, ControlsFX or FormsFX. Pages call the engine through
 * their view models only.
 */
package dev.envclone.ui;
