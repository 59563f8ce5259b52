package org.unrest.io;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publication dates as sources write them. The date is the one written (the publisher's local date), never shifted
 * to UTC: "2022-01-05T23:30:00+06:00" is 5 January.
 */
final class Dates {
    private static final Pattern ISO_PREFIX = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})(?:$|[T ]\\d{2}:\\d{2}.*$)");

    private Dates() {
    }

    /** Parses an ISO date or date-time, or an RFC 1123 date ("Wed, 5 Jan 2022 10:00:00 +0600"). */
    static LocalDate parse(String s) throws DateTimeParseException {
        String t = s.trim();
        Matcher m = ISO_PREFIX.matcher(t);
        if (m.matches()) {
            return LocalDate.parse(m.group(1));
        }
        try {
            return ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(t).toLocalDate();
            } catch (DateTimeParseException e2) {
                throw new DateTimeParseException("not a date: '" + t + "'", t, 0);
            }
        }
    }
}
