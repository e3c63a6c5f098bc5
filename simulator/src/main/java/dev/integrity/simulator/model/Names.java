package dev.integrity.simulator.model;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/** Names, handles, biographies and links for simulated profiles. */
final class Names {

    private static final List<String> FIRST = List.of("Ada", "Bilal", "Carla", "Dmitri", "Esra", "Felix", "Gia", "Hugo",
            "Ilse", "Jamal", "Kira", "Luca", "Maya", "Nils", "Olu", "Paula", "Rafael", "Sana", "Theo", "Ugo", "Vera",
            "Wiktor", "Yara", "Zeynep", "Aiko", "Bram", "Cleo", "Dara", "Eero", "Fatima", "Goran", "Helena", "Isak",
            "Jade", "Kwame", "Leila", "Mads", "Nora", "Otto", "Pia", "Rui", "Sofia", "Tomás", "Ulla", "Vik", "Willa");
    private static final List<String> LAST = List.of("Andersen", "Baptiste", "Castro", "Demir", "Eriksson", "Fontaine",
            "Gallo", "Hoffmann", "Ito", "Jovanović", "Keller", "Lopes", "Mbeki", "Nakamura", "Oyelaran", "Park",
            "Quintero", "Richter", "Sato", "Teixeira", "Ulrich", "Varga", "Walsh", "Young", "Zielinski", "Brandt",
            "Coelho", "Duarte", "Esposito", "Farouk", "Grünwald", "Hansen", "Ivanov", "Jung", "Kaur", "Lindgren");
    private static final List<String> BIO = List.of("coffee first", "landscape photographer", "Lisbon → Berlin",
            "dad of three", "marathon in progress 🏃", "architecture student", "books, tea and rain 🌧", "opinions my own",
            "they/them", "she/her", "he/him", "dog person 🐕", "home cook", "piano teacher", "weekend climber",
            "nurse on nights", "backend developer", "always somewhere ✈", "learning Japanese", "vinyl collector",
            "gardening 🌱", "ceramics", "cycling everywhere", "museum nerd");
    private static final List<String> CELEBRITY_BIO = List.of("Official account", "Singer · Songwriter · New album out now",
            "Actor. Producer.", "World champion 🥇", "Chef & author", "Comedian — tour dates below", "Creator · 🎬",
            "Football player", "Author of five novels", "Designer & TV host");
    private static final List<String> BUSINESS = List.of("Bakery", "Studio", "Coffee", "Florist", "Yoga", "Design", "Books",
            "Bikes", "Ceramics", "Tattoo", "Barber", "Kitchen");
    private static final List<String> ASPIRING_BIO = List.of("aspiring influencer ✨", "DM for collabs", "lifestyle · travel · fashion",
            "content creator", "brand ambassador 💼", "model | actor", "fitness coach — DM me", "entrepreneur 🚀");
    private static final List<String> SPAM_BIO = List.of("follow for follow", "f4f l4l 💯", "free followers ⬇⬇", "DM for promo 💰",
            "earn $$$ from home", "follow back guaranteed", "crypto signals, DM", "check my page!!");
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    private final RandomGenerator random;

    Names(RandomGenerator random) {
        this.random = random;
    }

    String first() {
        return pick(FIRST);
    }

    String last() {
        return pick(LAST);
    }

    /** A name-based handle such as {@code ada.castro}; digits with that chance. */
    String handle(String first, String last, double digitChance) {
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
            base += random.nextBoolean() ? String.valueOf(1965 + random.nextInt(45)) : digits(1 + random.nextInt(3));
        }
        return base;
    }

    /** A digit-heavy handle as farms make them. */
    String machineHandle() {
        return switch (random.nextInt(3)) {
            case 0 -> letters(4 + random.nextInt(5)) + digits(4 + random.nextInt(5));
            case 1 -> "user" + digits(6 + random.nextInt(4));
            default -> ascii(first()) + "_" + digits(5 + random.nextInt(3));
        };
    }

    String bio() {
        String bio = pick(BIO);
        if (random.nextDouble() < 0.45) {
            bio += (random.nextDouble() < 0.25 ? "\n" : " · ") + pick(BIO);
        }
        return bio;
    }

    String celebrityBio() {
        return pick(CELEBRITY_BIO);
    }

    String aspiringBio() {
        return pick(ASPIRING_BIO);
    }

    String spamBio() {
        return pick(SPAM_BIO);
    }

    String business() {
        return pick(BUSINESS);
    }

    String url(String username) {
        return switch (random.nextInt(4)) {
            case 0 -> "https://" + username.replace('.', '-').replace('_', '-') + ".example.com";
            case 1 -> "https://linktr.ee/" + username;
            case 2 -> "https://www.example.org/" + username;
            default -> "https://blog.example.net/@" + username;
        };
    }

    String spamUrl() {
        return "https://bit.ly/" + letters(7);
    }

    String letters(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return b.toString();
    }

    String digits(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    static String ascii(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace("ø", "o")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
