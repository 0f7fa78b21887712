package dev.envclone.json;

import java.io.IOException;

/** Text that is not JSON, or JSON not of the shape asked for; the message names where and what. */
public final class JsonException extends IOException {
    private static final long serialVersionUID = 1L;

    public JsonException(String message) {
        super(message);
    }
}
