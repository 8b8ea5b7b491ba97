package dev.veto.store.reviewer;

import java.util.List;
import java.util.Set;

/**
 * A person who works the review queue.
 *
 * @param name    the login name
 * @param tenants the tenants whose cases they see ({@code *}: all)
 * @param roles   {@code reviewer} (claim and decide), {@code viewer} (read only)
 */
public record Reviewer(String name, List<String> tenants, Set<String> roles) {

    /** Copies the components. */
    public Reviewer {
        tenants = List.copyOf(tenants);
        roles = Set.copyOf(roles);
    }

    /** @return whether they may claim and decide cases, not only read them */
    public boolean mayDecide() {
        return roles.contains("reviewer");
    }
}
