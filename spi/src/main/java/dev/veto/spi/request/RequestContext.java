package dev.veto.spi.request;

import java.util.Map;
import java.util.Objects;

/**
 * Who is asking, where and why: the facts a policy may condition on besides the text itself.
 *
 * <p>Every text component is an identifier; {@link #UNKNOWN} marks a fact the caller did not supply.
 * Identifiers are compared exactly (case-sensitive) by policies. The host refuses a request whose tenant is
 * not 1–64 letters, digits, '.', '_' or '-' (starting with a letter or digit), or whose other facts are
 * longer than 64 characters (user ids 256) or hold control, format or line-separator characters.
 *
 * @param tenant       the deploying customer or workspace, e.g. {@code acme}
 * @param userId       the end user's id as the tenant knows it; the host hashes it before it is stored
 * @param userRole     the end user's role, e.g. {@code member}, {@code clinician}, {@code minor}
 * @param jurisdiction where the request is served, ISO 3166 code or region, e.g. {@code DE}, {@code EU}
 * @param channel      the surface the request came through, e.g. {@code chat}, {@code ide}, {@code api}
 * @param purpose      the declared purpose of the deployment or request, e.g. {@code education}
 * @param attributes   any further facts, immutable
 */
public record RequestContext(
        String tenant,
        String userId,
        String userRole,
        String jurisdiction,
        String channel,
        String purpose,
        Map<String, String> attributes) {

    /** The value of a fact the caller did not supply. */
    public static final String UNKNOWN = "unknown";

    /** A context with every fact unknown. */
    public static final RequestContext ANONYMOUS =
            new RequestContext(UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, Map.of());

    /**
     * Replaces {@code null} or blank facts by {@link #UNKNOWN} and copies the attributes.
     *
     * @param tenant       the deploying customer or workspace, e.g. {@code acme}
     * @param userId       the end user's id as the tenant knows it; the host hashes it before it is stored
     * @param userRole     the end user's role, e.g. {@code member}, {@code clinician}, {@code minor}
     * @param jurisdiction where the request is served, ISO 3166 code or region, e.g. {@code DE}, {@code EU}
     * @param channel      the surface the request came through, e.g. {@code chat}, {@code ide}, {@code api}
     * @param purpose      the declared purpose of the deployment or request, e.g. {@code education}
     * @param attributes   any further facts, immutable
     */
    public RequestContext {
        tenant = orUnknown(tenant);
        userId = orUnknown(userId);
        userRole = orUnknown(userRole);
        jurisdiction = orUnknown(jurisdiction);
        channel = orUnknown(channel);
        purpose = orUnknown(purpose);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value.strip();
    }

    /**
     * Starts a builder with every fact unknown.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder for contexts, convenient where only a few facts are known.
     */
    public static final class Builder {
        private String tenant;
        private String userId;
        private String userRole;
        private String jurisdiction;
        private String channel;
        private String purpose;
        private Map<String, String> attributes = Map.of();

        private Builder() {
        }

        /**
         * Sets the tenant.
         *
         * @param value the tenant
         * @return this builder
         */
        public Builder tenant(String value) {
            this.tenant = value;
            return this;
        }

        /**
         * Sets the user id.
         *
         * @param value the user id
         * @return this builder
         */
        public Builder userId(String value) {
            this.userId = value;
            return this;
        }

        /**
         * Sets the user's role.
         *
         * @param value the user's role
         * @return this builder
         */
        public Builder userRole(String value) {
            this.userRole = value;
            return this;
        }

        /**
         * Sets the jurisdiction.
         *
         * @param value the jurisdiction
         * @return this builder
         */
        public Builder jurisdiction(String value) {
            this.jurisdiction = value;
            return this;
        }

        /**
         * Sets the channel.
         *
         * @param value the channel
         * @return this builder
         */
        public Builder channel(String value) {
            this.channel = value;
            return this;
        }

        /**
         * Sets the declared purpose.
         *
         * @param value the declared purpose
         * @return this builder
         */
        public Builder purpose(String value) {
            this.purpose = value;
            return this;
        }

        /**
         * Sets further facts.
         *
         * @param value further facts
         * @return this builder
         */
        public Builder attributes(Map<String, String> value) {
            this.attributes = Objects.requireNonNull(value, "attributes");
            return this;
        }

        /**
         * Builds the context.
         *
         * @return the context
         */
        public RequestContext build() {
            return new RequestContext(tenant, userId, userRole, jurisdiction, channel, purpose, attributes);
        }
    }
}
