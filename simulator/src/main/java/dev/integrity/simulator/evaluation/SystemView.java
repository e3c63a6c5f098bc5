package dev.integrity.simulator.evaluation;

import dev.integrity.contract.enforcement.ReceiverImpact;
import dev.integrity.simulator.api.AccountView;
import dev.integrity.simulator.api.EnforcementView;
import dev.integrity.simulator.api.GuardView;
import dev.integrity.simulator.api.NotificationView;
import java.util.List;
import java.util.Map;

/**
 * What the suite says about a simulated population, as read through the moderator API.
 *
 * @param accounts     account views by id; accounts the suite does not know (404) are absent
 * @param enforcements every enforcement found, by id
 * @param impacts      per enforcement id (APPLIED and HELD ones): the receiving accounts' impact
 * @param inboxes      per account whose inbox was read (warned, blocked or enforced accounts)
 * @param inboxReader  "user" when read with user tokens, else "moderator"
 * @param notes        anything that limits what the view shows
 * @param openCases    review cases open: the decisions that clear the held queue
 */
public record SystemView(Map<String, AccountView> accounts, Map<String, EnforcementView> enforcements,
        Map<String, List<ReceiverImpact>> impacts, GuardView guard, Map<String, List<NotificationView>> inboxes, String inboxReader,
        List<String> notes, int openCases) {

    public SystemView {
        accounts = Map.copyOf(accounts);
        enforcements = Map.copyOf(enforcements);
        impacts = Map.copyOf(impacts);
        inboxes = Map.copyOf(inboxes);
        notes = List.copyOf(notes);
    }
}
