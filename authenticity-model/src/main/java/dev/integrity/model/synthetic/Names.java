package dev.integrity.model.synthetic;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * Names, handles, biographies and links for made-up profiles: the model's synthetic training data and the
 * simulator's population make theirs the same way, each from its own {@link Vocabulary}. The same random
 * sequence gives the same names.
 */
public final class Names {

    /**
     * What names are made of, and the few odds that give one population's profiles their own look.
     *
     * @param birthYearFrom       a handle's four digits are a year from this one ...
     * @param birthYears          ... up to this many years later
     * @param machineDigitsFrom   a machine handle's letters are followed by at least this many digits ...
     * @param machineDigitsSpread ... and up to this many more
     * @param secondBioChance     how often a biography has a second part
     * @param bioBreakChance      how often that part is on a line of its own, else after {@code bioSeparator}
     */
    public record Vocabulary(List<String> first, List<String> last, List<String> bios, List<String> spamBios, int birthYearFrom,
            int birthYears, int machineDigitsFrom, int machineDigitsSpread, double secondBioChance, double bioBreakChance,
            String bioSeparator) {
    }

    /** The model's synthetic profiles. */
    static final Vocabulary SYNTHETIC = new Vocabulary(
            List.of("Anna", "Ben", "Chiara", "David", "Elif", "Femi", "Greta", "Hiro", "Ines", "Jonas", "Kofi", "Lea", "Mateo", "Nadia",
                    "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Victor", "Wen", "Ximena", "Yusuf", "Zoe", "Amara",
                    "Bruno", "Camille", "Diego", "Emma", "Farid", "Hannah", "Ivan", "Julia", "Kai", "Lucia", "Marek", "Noor", "Oskar"),
            List.of("Schmidt", "Rossi", "Okafor", "Tanaka", "Silva", "Novak", "Haddad", "Larsen", "Moreau", "Kowalski", "Nguyen",
                    "Garcia", "Müller", "Ahmed", "Petrov", "Jensen", "Costa", "Yilmaz", "Dubois", "Murphy", "Santos", "Fischer", "Kim",
                    "Ivanova", "Bianchi", "Mensah", "Lindqvist", "Horvat", "Oliveira", "Weber"),
            List.of("coffee lover", "photographer", "Berlin | Lisbon", "mum of two", "runner", "design student", "plants & books 🌿",
                    "views are my own", "she/her", "he/him", "cat person", "amateur chef", "climbing, hiking, skiing", "music teacher",
                    "football every Sunday", "nurse", "software developer", "travel ✈", "always learning", "\"Carpe diem\"",
                    "bakes bread on weekends", "dog dad", "film photography", "yoga & tea"),
            List.of("follow for follow", "DM for promo 💰", "earn $500/day, link below", "free followers ⬇⬇", "f4f l4l",
                    "check my page!!", "crypto signals, DM", "promo, shoutouts, collabs", "follow back 100%"),
            1970, 40, 3, 6, 0.5, 0.2, ", ");

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    private final Vocabulary vocabulary;
    private final RandomGenerator random;

    /** The synthetic training data's names. */
    Names(Random random) {
        this(SYNTHETIC, random);
    }

    public Names(Vocabulary vocabulary, RandomGenerator random) {
        this.vocabulary = vocabulary;
        this.random = random;
    }

    public String first() {
        return pick(vocabulary.first());
    }

    public String last() {
        return pick(vocabulary.last());
    }

    /** A name-based handle such as {@code anna.schmidt}, {@code annas_92}; digits are added with that chance. */
    public String handleFor(String first, String last, double digitChance) {
        String f = ascii(first);
        String l = ascii(last);
        String base = switch (random.nextInt(5)) {
            case 0 -> f + "." + l;
            case 1 -> f + l;
            case 2 -> f + "_" + l;
            case 3 -> f.charAt(0) + "." + l;
            default -> f + l.charAt(0);
        };
        if (random.nextDouble() < digitChance) {
            base += random.nextBoolean() ? String.valueOf(vocabulary.birthYearFrom() + random.nextInt(vocabulary.birthYears()))
                    : digits(1 + random.nextInt(3));
        }
        return base;
    }

    /** A digit-heavy handle as bot farms make them. */
    public String randomHandle() {
        return switch (random.nextInt(3)) {
            case 0 -> letters(4 + random.nextInt(5)) + digits(vocabulary.machineDigitsFrom() + random.nextInt(vocabulary.machineDigitsSpread()));
            case 1 -> "user" + digits(6 + random.nextInt(4));
            default -> ascii(first()) + "_" + digits(5 + random.nextInt(3));
        };
    }

    public String bio() {
        String bio = pick(vocabulary.bios());
        if (random.nextDouble() < vocabulary.secondBioChance()) {
            bio += (random.nextDouble() < vocabulary.bioBreakChance() ? "\n" : vocabulary.bioSeparator()) + pick(vocabulary.bios());
        }
        return bio;
    }

    public String spamBio() {
        return pick(vocabulary.spamBios());
    }

    /** The synthetic data's links: a shortener for spam, else the user's own site. */
    String url(boolean spam, String username) {
        return spam ? "https://bit.example/" + letters(6) : "https://" + username.replace(".", "") + ".example.com";
    }

    public String digits(int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    public String letters(int count) {
        StringBuilder letters = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            letters.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return letters.toString();
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A name as handle letters: lower case, accents and anything but a-z dropped ({@code Grünwald} → {@code grunwald}). */
    public static String ascii(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace("ø", "o").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z]", "");
    }
}
