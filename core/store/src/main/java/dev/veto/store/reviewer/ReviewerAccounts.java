package dev.veto.store.reviewer;

import com.typesafe.config.Config;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reviewers configured under {@code veto.console.reviewers.<name> { password-hash, tenants, roles }}.
 * A malformed entry stops start-up with its name, rather than locking someone out silently.
 */
public final class ReviewerAccounts {

    /**
     * A hash to check against for unknown names, so a login takes as long whether the name exists or not;
     * made on first use (a PBKDF2 hash costs most of a second, which no command that never logs in should pay).
     */
    private static final class Dummy {
        static final String HASH = PasswordHash.hash("no such reviewer");
    }

    private record Account(Reviewer reviewer, String passwordHash) {
    }

    private final Map<String, Account> accounts;

    private ReviewerAccounts(Map<String, Account> accounts) {
        this.accounts = Map.copyOf(accounts);
    }

    /**
     * Reads {@code veto.console.reviewers}.
     *
     * @param config the host configuration
     * @return the accounts
     * @throws IllegalArgumentException naming the entry that is malformed
     */
    public static ReviewerAccounts from(Config config) {
        Map<String, Account> accounts = new LinkedHashMap<>();
        if (!config.hasPath("veto.console.reviewers")) {
            return new ReviewerAccounts(accounts);
        }
        Config reviewers = config.getConfig("veto.console.reviewers");
        for (String name : reviewers.root().keySet()) {
            Config entry = reviewers.getConfig(name);
            String hash = entry.hasPath("password-hash") ? entry.getString("password-hash") : "";
            if (!PasswordHash.wellFormed(hash)) {
                throw new IllegalArgumentException("veto.console.reviewers." + name + ".password-hash must be a hash from "
                        + "`veto serve --hash-password PASSWORD` (pbkdf2-sha256:…)");
            }
            List<String> tenants = entry.hasPath("tenants") ? entry.getStringList("tenants") : List.of();
            Set<String> roles = Set.copyOf(entry.hasPath("roles") ? entry.getStringList("roles") : List.of("reviewer"));
            for (String role : roles) {
                if (!role.equals("reviewer") && !role.equals("viewer")) {
                    throw new IllegalArgumentException("veto.console.reviewers." + name + ".roles: unknown role '" + role
                            + "' (reviewer, viewer)");
                }
            }
            accounts.put(name, new Account(new Reviewer(name, tenants, roles), hash));
        }
        return new ReviewerAccounts(accounts);
    }

    /**
     * Checks credentials.
     *
     * @param name     the login name
     * @param password the password
     * @return the reviewer, if the password matches
     */
    public Optional<Reviewer> authenticate(String name, String password) {
        Account account = name == null ? null : accounts.get(name);
        boolean matches = PasswordHash.matches(password == null ? "" : password, account == null ? Dummy.HASH : account.passwordHash());
        return account != null && matches ? Optional.of(account.reviewer()) : Optional.empty();
    }

    /**
     * A reviewer by name, as currently configured.
     *
     * @param name the login name
     * @return the reviewer, if configured
     */
    public Optional<Reviewer> find(String name) {
        return Optional.ofNullable(accounts.get(name)).map(Account::reviewer);
    }

    /** @return whether any reviewer is configured (without one the console cannot be used) */
    public boolean any() {
        return !accounts.isEmpty();
    }
}
