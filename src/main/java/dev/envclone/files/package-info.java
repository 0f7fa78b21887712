/**
 * Writing envclone's folders and files so that only their owner can read them, from the moment they exist, and
 * saying which file and what envclone was doing when a write fails. The run folder's pre-images hold the source's
 * secrets (application token, catalog passwords, connection strings); every engine writer goes through here.
 */
package dev.envclone.files;
