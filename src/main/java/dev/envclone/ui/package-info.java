/**
 * The JavaFX wizard: the only package that imports JavaFX, FormsFX, AtlantaFX or Ikonli. Pages call the engine
 * through their view models only.
 */
package dev.envclone.ui;
