package dev.integrity.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The column names of the labelled profile CSV (contract section 5), which are also the profile's field names. */
public final class ProfileColumns {

    /**
     * A profile column. Its CSV name is its constant's name in camel case, which is the contract's
     * field name ({@code FULL_NAME} is {@code fullName}), so the two cannot drift apart.
     */
    public enum Column {
        USERNAME, FULL_NAME, BIOGRAPHY, EXTERNAL_URL, HAS_PROFILE_PICTURE, IS_PRIVATE, MEDIA_COUNT, FOLLOWER_COUNT, FOLLOWING_COUNT;

        private static final Map<String, Column> BY_CSV_NAME = Stream.of(values())
                .collect(Collectors.toUnmodifiableMap(Column::csvName, Function.identity()));

        private final String csvName = camelCase(name());

        public String csvName() {
            return csvName;
        }

        /** The profile column of this CSV name; null for any other column (a behaviour feature, the label). */
        public static Column named(String csvName) {
            return BY_CSV_NAME.get(csvName);
        }

        private static String camelCase(String constant) {
            String[] words = constant.toLowerCase(Locale.ROOT).split("_");
            StringBuilder name = new StringBuilder(words[0]);
            for (int i = 1; i < words.length; i++) {
                name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
            }
            return name.toString();
        }
    }

    public static final String LABEL = "label";

    /** The profile columns, in the contract's order; each may be absent from a CSV. */
    public static final List<String> PROFILE = Stream.of(Column.values()).map(Column::csvName).toList();

    private ProfileColumns() {
    }
}
