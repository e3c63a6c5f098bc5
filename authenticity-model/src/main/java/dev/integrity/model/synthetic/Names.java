package dev.integrity.model.synthetic;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Names, handles, biographies and links for synthetic profiles. */
final class Names {

    private static final List<String> FIRST = List.of("Anna", "Ben", "Chiara", "David", "Elif", "Femi", "Greta",
            "Hiro", "Ines", "Jonas", "Kofi", "Lea", "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven",
            "Tariq", "Uma", "Victor", "Wen", "Ximena", "Yusuf", "Zoe", "Amara", "Bruno", "Camille", "Diego", "Emma",
            "Farid", "Hannah", "Ivan", "Julia", "Kai", "Lucia", "Marek", "Noor", "Oskar");
    private static final List<String> LAST = List.of("Schmidt", "Rossi", "Okafor", "Tanaka", "Silva", "Novak",
            "Haddad", "Larsen", "Moreau", "Kowalski", "Nguyen", "Garcia", "Müller", "Ahmed", "Petrov", "Jensen",
            "Costa", "Yilmaz", "Dubois", "Murphy", "Santos", "Fischer", "Kim", "Ivanova", "Bianchi", "Mensah",
            "Lindqvist", "Horvat", "Oliveira", "Weber");
    private static final List<String> BIO_PARTS = List.of("coffee lover", "photographer", "Berlin | Lisbon",
            "mum of two", "runner", "design student", "plants & books 🌿", "views are my own", "she/her", "he/him",
            "cat person", "amateur chef", "climbing, hiking, skiing", "music teacher", "football every Sunday",
            "nurse", "software developer", "travel ✈", "always learning", "\"Carpe diem\"", "bakes bread on weekends",
            "dog dad", "film photography", "yoga & tea");
    private static final List<String> SPAM_BIOS = List.of("follow for follow", "DM for promo 💰",
            "earn $500/day, link below", "free followers ⬇⬇", "f4f l4l", "check my page!!",
            "crypto signals, DM", "promo, shoutouts, collabs", "follow back 100%");
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    private final Random random;

    Names(Random random) {
        this.random = random;
    }

    String first() {
        return pick(FIRST);
    }

    String last() {
        return pick(LAST);
    }

    /** A name-based handle such as {@code anna.schmidt}, {@code annas_92}; digits are added with that chance. */
    String handleFor(String first, String last, double digitChance) {
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
            base += random.nextBoolean() ? String.valueOf(1970 + random.nextInt(40)) : digits(1 + random.nextInt(3));
        }
        return base;
    }

    /** A digit-heavy handle as bot farms make them. */
    String randomHandle() {
        return switch (random.nextInt(3)) {
            case 0 -> letters(4 + random.nextInt(5)) + digits(3 + random.nextInt(6));
            case 1 -> "user" + digits(6 + random.nextInt(4));
            default -> ascii(first()) + "_" + digits(5 + random.nextInt(3));
        };
    }

    String bio() {
        String bio = pick(BIO_PARTS);
        if (random.nextDouble() < 0.5) {
            bio += (random.nextDouble() < 0.2 ? "\n" : ", ") + pick(BIO_PARTS);
        }
        return bio;
    }

    String spamBio() {
        return pick(SPAM_BIOS);
    }

    String url(boolean spam, String username) {
        return spam ? "https://bit.example/" + letters(6) : "https://" + username.replace(".", "") + ".example.com";
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    private String letters(int count) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < count; i++) {
            letters.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return letters.toString();
    }

    private static String ascii(String name) {
        return name.toLowerCase(Locale.ROOT).replace("ü", "u");
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
