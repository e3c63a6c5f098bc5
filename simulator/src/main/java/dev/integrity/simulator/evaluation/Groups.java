package dev.integrity.simulator.evaluation;

import dev.integrity.simulator.api.AccountView;
import dev.integrity.simulator.api.EnforcementView;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lockstep group an account is in, as far as the API tells: the account's {@code groupId}
 * (which the gateway adds), else an enforcement's, else "(group X)" in a reason.
 */
final class Groups {

    private static final Pattern IN_REASON = Pattern.compile("\\(group ([^)\\s]+)\\)");

    private Groups() {
    }

    static Optional<String> of(AccountView account, List<EnforcementView> enforcements) {
        if (account != null && present(account.groupId())) {
            return Optional.of(account.groupId());
        }
        for (EnforcementView e : enforcements) {
            if (present(e.groupId())) {
                return Optional.of(e.groupId());
            }
        }
        if (account != null) {
            Optional<String> fromReasons = inReasons(account.reasons());
            if (fromReasons.isPresent()) {
                return fromReasons;
            }
        }
        for (EnforcementView e : enforcements) {
            Optional<String> fromReasons = inReasons(e.reasons());
            if (fromReasons.isPresent()) {
                return fromReasons;
            }
        }
        return Optional.empty();
    }

    static Optional<String> inReasons(List<String> reasons) {
        for (String reason : reasons) {
            Matcher m = IN_REASON.matcher(reason);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
