package org.unrest.store;

/**
 * The store could not do what was asked: the database could not be opened or migrated, or a write failed and
 * was rolled back. The message names the store's location and, for writes, the report.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
