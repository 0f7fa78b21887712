/**
 * envclone: migrate an OutSystems 11 environment using a database clone. {@link dev.envclone.Main} sends arguments
 * to the command line ({@code cli}) and no arguments to the wizard ({@code ui}); both drive the same engine.
 */
package dev.envclone;
