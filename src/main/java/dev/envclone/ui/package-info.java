/**
 * The JavaFX wizard: the only package that imports JavaFX, FormsFX or AtlantaFX. Pages call the engine
 * through their view models only.
 */
package dev.envclone.ui;
