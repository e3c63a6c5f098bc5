package dev.integrity.simulator.model;

import java.util.List;

/**
 * A bot farm: accounts that act together on the farm's jobs.
 *
 * @param members    account indices of the farm's accounts
 * @param claimedApp the clientAppId its accounts send (often a first-party app: they pretend)
 * @param ips        the few datacenter addresses its accounts share
 * @param customers  account indices of those who bought followers from it (celebrities and buyers)
 */
public record FarmGroup(String id, List<Integer> members, String claimedApp, List<String> ips, List<Integer> customers) {

    public FarmGroup {
        members = List.copyOf(members);
        ips = List.copyOf(ips);
        customers = List.copyOf(customers);
    }
}
