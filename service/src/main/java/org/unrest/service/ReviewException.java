package org.unrest.service;

/** A review action that cannot be done as asked (bad field value, merging an event with itself, ...). */
public final class ReviewException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReviewException(String message) {
        super(message);
    }
}
