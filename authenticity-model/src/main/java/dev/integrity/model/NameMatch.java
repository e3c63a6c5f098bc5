package dev.integrity.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How much a username resembles the full name. */
final class NameMatch {

    private NameMatch() {
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.strip().split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    static double overlap(String username, String fullName) {
        String userLetters = lettersOnly(username);
        int considered = 0;
        int found = 0;
        for (String word : words(fullName)) {
            String letters = lettersOnly(word);
            if (letters.length() >= 2) {
                considered++;
                if (userLetters.contains(letters)) {
                    found++;
                }
            }
        }
        return considered == 0 ? 0.0 : found / (double) considered;
    }

    private static String lettersOnly(String text) {
        StringBuilder letters = new StringBuilder(text.length());
        text.codePoints().filter(Character::isLetter).forEach(letters::appendCodePoint);
        return letters.toString().toLowerCase(Locale.ROOT);
    }
}
