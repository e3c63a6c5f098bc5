package dev.integrity.simulator.traffic;

import java.util.List;
import java.util.random.RandomGenerator;

/** Comment texts. */
final class Texts {

    private static final List<String> GENUINE = List.of("Love this!", "Where was this taken?", "So good to see you yesterday 😊",
            "Congrats!! 🎉", "This made my day", "Beautiful light", "Haha, classic", "Recipe please 🙏", "Miss you guys",
            "Looks amazing", "Great shot 📸", "Happy birthday!", "We need to go back there", "Wow", "❤️", "Proud of you!");
    private static final List<String> SPAM = List.of("Nice pic! 🔥", "Great content, check my page!", "Love your feed 😍 follow back?",
            "🔥🔥🔥", "Amazing! DM us for a collab", "Awesome post 💯", "Cool! 👍", "Wow nice 😍");
    private static final List<String> FAN = List.of("Legend!! 🙌", "Just saw you on TV, incredible", "Here from the news 👋",
            "You deserve all of this", "Unreal moment 😭", "Can't stop watching this", "So proud!!", "🔥🔥");
    private static final List<String> GIVEAWAY = List.of("%s we have to win this 🤞", "%s look!! 😍", "Entered! %s join too",
            "%s 🤞🤞", "Fingers crossed, %s come on");
    private static final List<String> RING = List.of("f4f? 🙌", "followed, follow back!", "l4l 💯", "done ✅ your turn", "🙌🙌");

    private Texts() {
    }

    static String genuine(RandomGenerator r) {
        return GENUINE.get(r.nextInt(GENUINE.size()));
    }

    static String spam(RandomGenerator r) {
        return SPAM.get(r.nextInt(SPAM.size()));
    }

    /** A fan's comment on a newly famous account's post. */
    static String fan(RandomGenerator r) {
        return FAN.get(r.nextInt(FAN.size()));
    }

    /** A giveaway entry: tagging a friend is the usual rule. */
    static String giveaway(RandomGenerator r, String friendUsername) {
        return String.format(GIVEAWAY.get(r.nextInt(GIVEAWAY.size())), "@" + friendUsername);
    }

    static String ring(RandomGenerator r) {
        return RING.get(r.nextInt(RING.size()));
    }
}
