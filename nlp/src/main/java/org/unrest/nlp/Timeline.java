package org.unrest.nlp;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.unrest.model.TimeExpression;

/**
 * The story's current time as a reader moves through a report. Explicit dates and forward relative expressions
 * ("next day", "two days later") move it; flashbacks ("the day before"), background years and unresolved
 * expressions do not. The publication date is the anchor of last resort and the ceiling: nothing a report tells
 * happened after it was published. A date without a year takes the year that puts it nearest the story's time;
 * when a paragraph starts while the story is more than a year before publication (a historical aside), the
 * report's present, its publication date, supplies the year again.
 */
final class Timeline {
    static final String STORY = "story time";
    static final String PUBLICATION = "publication date";

    private final LocalDate published;
    private LocalDate current;
    private int precision;
    private String text;
    private String timeOfDay;
    private boolean yearFromPublication;

    Timeline(LocalDate published) {
        this.published = published;
    }

    LocalDate published() {
        return published;
    }

    /** The story's current time (first day), or null before any date. */
    LocalDate current() {
        return current;
    }

    /** The story's current day, or null when the story is not known to the day. */
    LocalDate day() {
        return current != null && precision == 1 ? current : null;
    }

    String storyAnchor() {
        return STORY + " " + current + " (\"" + text + "\")";
    }

    String publicationAnchor() {
        return PUBLICATION + " " + published;
    }

    /**
     * What "on Wednesday", "last week" or "over the weekend" count from: the story's current day, else (before
     * any date) the publication date; null when the story is known only to the week or month.
     */
    Base dayOrPublished() {
        if (current != null) {
            return precision <= 2 ? new Base(current, storyAnchor(), true) : null;
        }
        return published != null ? new Base(published, publicationAnchor(), false) : null;
    }

    /** A reference day and how to name it in an anchor. */
    record Base(LocalDate day, String anchor, boolean story) {
    }

    /** A new paragraph: a historical aside ends, and the publication date supplies years again. */
    void newParagraph() {
        if (current != null && published != null && current.isBefore(published.minusYears(1))) {
            yearFromPublication = true;
        }
    }

    private LocalDate yearReference() {
        return current != null && !yearFromPublication ? current : published;
    }

    String yearAnchor() {
        return "year from " + (current != null && !yearFromPublication ? storyAnchor() : publicationAnchor());
    }

    /**
     * The day a part of the day or a clock time with no date belongs to: the story's day, or the next one when the
     * story is at night or late in the evening and the time is in the morning ("в ночь на 5 января ... утром").
     */
    LocalDate dayOf(String tod) {
        LocalDate day = day();
        if (day == null || tod == null || timeOfDay == null) {
            return day;
        }
        boolean late = timeOfDay.equals("night") || (timeOfDay.contains(":") && hour(timeOfDay) >= 18);
        boolean early = tod.equals("morning") || (tod.contains(":") && hour(tod) < 12);
        return late && early ? day.plusDays(1) : day;
    }

    private static int hour(String clock) {
        return Integer.parseInt(clock.substring(0, 2));
    }

    /**
     * A day given without a year: the year nearest the story's time (or publication), never after publication.
     * Where the nearest is after publication and the best earlier one is more than half a year from the story,
     * the date is one still to come ("from 1 March", "до 19 января") and dates no event: null.
     */
    LocalDate yearless(int month, int day) {
        LocalDate ref = yearReference();
        if (ref == null) {
            return null;
        }
        LocalDate best = null;
        LocalDate nearest = null;
        for (int y = ref.getYear() - 1; y <= ref.getYear() + 1; y++) {
            LocalDate d = date(y, month, day);
            if (d == null) {
                continue;
            }
            if (nearest == null || distance(d, ref) < distance(nearest, ref)) {
                nearest = d;
            }
            if (!afterPublication(d) && (best == null || distance(d, ref) < distance(best, ref))) {
                best = d;
            }
        }
        if (best != null && nearest != null && afterPublication(nearest) && distance(best, ref) > 183) {
            return null;
        }
        return best;
    }

    private static long distance(LocalDate a, LocalDate b) {
        return Math.abs(a.toEpochDay() - b.toEpochDay());
    }

    boolean afterPublication(LocalDate d) {
        return published != null && d.isAfter(published);
    }

    /** A relative expression that points back before the story's time ("the night before") is a flashback. */
    boolean isFlashback(TimeExpression te) {
        return current != null && te.anchor().startsWith(STORY) && te.value().isBefore(current);
    }

    /**
     * Moves the story to an expression. A stated range of days ("from 2 to 11 January") leaves the story at its
     * last day, as the assembler reads it.
     */
    /** Returns the day the story now stands at, or null when the expression did not move it. */
    LocalDate moveTo(TimeExpression te, boolean toEnd) {
        if (te.background() || te.value() == null || isFlashback(te)) {
            return null;
        }
        current = toEnd && te.endValue() != null ? te.endValue() : te.value();
        precision = toEnd && te.endValue() != null ? 1 : te.precision();
        text = te.text();
        timeOfDay = te.timeOfDay();
        yearFromPublication = false;
        return current;
    }

    static LocalDate date(int y, int m, int d) {
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
