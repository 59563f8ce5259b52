package org.unrest.model;

import java.time.LocalDate;

/**
 * A time expression in the text and what it resolves to. {@code value} is the first day, {@code endValue} the
 * last day of a range (or null), {@code precision} follows ACLED (1 day, 2 week or stated range, 3 month),
 * {@code anchor} says what it was resolved against, so a person can see why
 * ("explicit", "publication date", "previous: 2 January"...). {@code background} marks dates that only date
 * background ("the capital was moved in 1997"). {@code storyDate} is the day the story stands at after this
 * expression (the last day of a stated range), or null when the expression does not move the story (background,
 * a flashback such as "the night before").
 */
public record TimeExpression(Span span, String text, LocalDate value, LocalDate endValue, String timeOfDay,
                             int precision, String anchor, boolean background, LocalDate storyDate) {

    /** An expression whose effect on the story is not known yet. */
    public TimeExpression(Span span, String text, LocalDate value, LocalDate endValue, String timeOfDay, int precision,
                          String anchor, boolean background) {
        this(span, text, value, endValue, timeOfDay, precision, anchor, background, null);
    }

    public TimeExpression withStoryDate(LocalDate date) {
        return new TimeExpression(span, text, value, endValue, timeOfDay, precision, anchor, background, date);
    }
}
