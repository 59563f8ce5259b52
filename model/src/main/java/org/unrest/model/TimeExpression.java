package org.unrest.model;

import java.time.LocalDate;

/**
 * A time expression in the text and what it resolves to. {@code value} is the first day, {@code endValue} the
 * last day of a range (or null), {@code precision} follows ACLED (1 day, 2 week or stated range, 3 month),
 * {@code anchor} says what it was resolved against, so a person can see why
 * ("explicit", "publication date", "previous: 2 January"...). {@code background} marks dates that only date
 * background ("the capital was moved in 1997").
 */
public record TimeExpression(Span span, String text, LocalDate value, LocalDate endValue, String timeOfDay,
                             int precision, String anchor, boolean background) {
}
