/**
 * JSON read into plain values (maps, lists, texts, numbers) with Jackson's streaming parser, and read out of them
 * field by field with the path of each field in any refusal. envclone reads four small files (plan.json, a journal
 * line, journal.head, a report's evidence) and writes them with the generator; databind's set-up and introspection
 * were a large part of a cold command and 1.8 MB of the installed image (decision 0029).
 */
package dev.envclone.json;
