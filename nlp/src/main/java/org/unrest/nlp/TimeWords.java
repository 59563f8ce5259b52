package org.unrest.nlp;

import java.time.DayOfWeek;
import java.util.Locale;
import java.util.Map;

/** The words of time in English and Russian: months in every case, weekdays, number words, parts of the day. */
final class TimeWords {
    private TimeWords() {
    }

    /** English month names and their abbreviations; a match must be capitalised (checked by the finder). */
    static final String EN_MONTH = "January|February|March|April|May|June|July|August|September|October|November|December"
            + "|Jan\\.?|Feb\\.?|Mar\\.|Apr\\.?|Jun\\.|Jul\\.|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?";
    /** Russian month names in every case: январь, января, январе, январю, январём, январем. */
    static final String RU_MONTH = "(?:январ|феврал|сентябр|октябр|ноябр|декабр)(?:ь|я|е|ю|ём|ем)"
            + "|(?:апрел|июн|июл)(?:ь|я|е|ю|ем)|(?:март|август)(?:а|е|у|ом)?|ма(?:й|я|е|ю|ем)";
    static final String EN_WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
    /** Russian weekdays in the nominative and accusative (в среду, во вторник). */
    static final String RU_WEEKDAY = "понедельник|вторник|сред[ау]|четверг|пятниц[ау]|суббот[ау]|воскресенье";
    static final String ORDINAL = "(?:st|nd|rd|th)?";
    static final String YEAR = "(?:1[89]|20)\\d\\d";
    static final String EN_NUMBER = "\\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
            + "|fifteen|twenty|thirty|a few|a couple of|several|some";
    static final String RU_NUMBER = "\\d{1,2}|один|одну|одни|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять"
            + "|пару|несколько|двое|трое|двумя|тремя|четырьмя|пятью|десятью";

    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("fifteen", 15), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("a few", 3),
            Map.entry("a couple of", 2), Map.entry("several", 3), Map.entry("some", 3),
            Map.entry("один", 1), Map.entry("одну", 1), Map.entry("одни", 1), Map.entry("два", 2),
            Map.entry("две", 2), Map.entry("двое", 2), Map.entry("двумя", 2), Map.entry("пару", 2),
            Map.entry("три", 3), Map.entry("трое", 3), Map.entry("тремя", 3), Map.entry("несколько", 3),
            Map.entry("четыре", 4), Map.entry("четырьмя", 4), Map.entry("пять", 5), Map.entry("пятью", 5),
            Map.entry("шесть", 6), Map.entry("семь", 7), Map.entry("восемь", 8), Map.entry("девять", 9),
            Map.entry("десять", 10), Map.entry("десятью", 10));

    /** A number written in digits or words; null for no number ("через неделю" is one week). */
    static int number(String n) {
        if (n == null) {
            return 1;
        }
        Integer w = NUMBERS.get(n.toLowerCase(Locale.ROOT));
        return w != null ? w : Integer.parseInt(n);
    }

    /** True for the vague counts ("a few", "several", "несколько") that make a range rather than a day. */
    static boolean vague(String n) {
        return n != null && n.toLowerCase(Locale.ROOT).matches("a few|several|some|несколько");
    }

    static int month(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        String[] en = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        String[] ru = {"январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"};
        for (int i = 0; i < 12; i++) {
            if (n.startsWith(en[i])) {
                return i + 1;
            }
        }
        for (int i = 0; i < 12; i++) {
            if (i != 4 && n.startsWith(ru[i])) {
                return i + 1;
            }
        }
        if (n.startsWith("ма")) {
            return 5;
        }
        throw new IllegalArgumentException("not a month: " + name);
    }

    static DayOfWeek weekday(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return switch (n.substring(0, 2)) {
            case "mo", "по" -> DayOfWeek.MONDAY;
            case "tu", "вт" -> DayOfWeek.TUESDAY;
            case "we", "ср" -> DayOfWeek.WEDNESDAY;
            case "th", "че" -> DayOfWeek.THURSDAY;
            case "fr", "пя" -> DayOfWeek.FRIDAY;
            case "sa", "су" -> DayOfWeek.SATURDAY;
            case "su", "во" -> DayOfWeek.SUNDAY;
            default -> throw new IllegalArgumentException("not a weekday: " + name);
        };
    }

    /** The part of the day a phrase names: night, morning, afternoon, evening, or null. */
    static String partOfDay(String part) {
        if (part == null) {
            return null;
        }
        String p = part.toLowerCase(Locale.ROOT);
        if (!p.contains("afternoon") && (p.contains("noon") || p.contains("midday") || p.contains("полдень"))) {
            return "12:00";
        }
        if (p.startsWith("late on")) {
            return "evening";
        }
        if (p.startsWith("early on")) {
            return "morning";
        }
        if (p.contains("nightfall") || p.contains("dusk") || p.contains("sunset") || p.contains("к вечеру")) {
            return "evening";
        }
        if (p.contains("night") || p.contains("ноч") || p.contains("полноч")) {
            return "night";
        }
        if (p.contains("evening") || p.contains("вечер")) {
            return "evening";
        }
        if (p.contains("morning") || p.contains("dawn") || p.contains("daybreak") || p.contains("sunrise")
                || p.contains("early hours") || p.contains("small hours") || p.contains("утр") || p.contains("рассвет")) {
            return "morning";
        }
        if (p.contains("afternoon") || p.contains("днём")
                || p.contains("днем") || p.contains("обед")) {
            return "afternoon";
        }
        return null;
    }
}
