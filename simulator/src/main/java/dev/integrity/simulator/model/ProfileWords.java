package dev.integrity.simulator.model;

import dev.integrity.model.synthetic.Names;
import java.util.List;

/** The words of the simulated profiles: names, biographies, businesses; made into profiles by {@link Names}. */
final class ProfileWords {

    static final Names.Vocabulary VOCABULARY = new Names.Vocabulary(
            List.of("Ada", "Bilal", "Carla", "Dmitri", "Esra", "Felix", "Gia", "Hugo",
                    "Ilse", "Jamal", "Kira", "Luca", "Maya", "Nils", "Olu", "Paula", "Rafael", "Sana", "Theo", "Ugo", "Vera",
                    "Wiktor", "Yara", "Zeynep", "Aiko", "Bram", "Cleo", "Dara", "Eero", "Fatima", "Goran", "Helena", "Isak",
                    "Jade", "Kwame", "Leila", "Mads", "Nora", "Otto", "Pia", "Rui", "Sofia", "Tomás", "Ulla", "Vik", "Willa"),
            List.of("Andersen", "Baptiste", "Castro", "Demir", "Eriksson", "Fontaine",
                    "Gallo", "Hoffmann", "Ito", "Jovanović", "Keller", "Lopes", "Mbeki", "Nakamura", "Oyelaran", "Park",
                    "Quintero", "Richter", "Sato", "Teixeira", "Ulrich", "Varga", "Walsh", "Young", "Zielinski", "Brandt",
                    "Coelho", "Duarte", "Esposito", "Farouk", "Grünwald", "Hansen", "Ivanov", "Jung", "Kaur", "Lindgren"),
            List.of("coffee first", "landscape photographer", "Lisbon → Berlin",
                    "dad of three", "marathon in progress 🏃", "architecture student", "books, tea and rain 🌧", "opinions my own",
                    "they/them", "she/her", "he/him", "dog person 🐕", "home cook", "piano teacher", "weekend climber",
                    "nurse on nights", "backend developer", "always somewhere ✈", "learning Japanese", "vinyl collector",
                    "gardening 🌱", "ceramics", "cycling everywhere", "museum nerd"),
            List.of("follow for follow", "f4f l4l 💯", "free followers ⬇⬇", "DM for promo 💰",
                    "earn $$$ from home", "follow back guaranteed", "crypto signals, DM", "check my page!!"),
            1965, 45, 4, 5, 0.45, 0.25, " · ");
    static final List<String> CELEBRITY_BIO = List.of("Official account", "Singer · Songwriter · New album out now",
            "Actor. Producer.", "World champion 🥇", "Chef & author", "Comedian — tour dates below", "Creator · 🎬",
            "Football player", "Author of five novels", "Designer & TV host");
    static final List<String> BUSINESS = List.of("Bakery", "Studio", "Coffee", "Florist", "Yoga", "Design", "Books",
            "Bikes", "Ceramics", "Tattoo", "Barber", "Kitchen");
    static final List<String> ASPIRING_BIO = List.of("aspiring influencer ✨", "DM for collabs", "lifestyle · travel · fashion",
            "content creator", "brand ambassador 💼", "model | actor", "fitness coach — DM me", "entrepreneur 🚀");

    private ProfileWords() {
    }
}
