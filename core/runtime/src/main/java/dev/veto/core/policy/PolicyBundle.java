package dev.veto.core.policy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import dev.veto.core.trace.ComponentCall;
import dev.veto.spi.classifier.Stage;
import dev.veto.spi.policy.Verdict;
import dev.veto.spi.request.Request;
import dev.veto.spi.signal.Signal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One version of a policy: the base file, its overlays and its messages, validated as a whole.
 *
 * <p>Layout below the policy root:
 * <pre>
 * policy.conf                 the base policy
 * tenants/&lt;tenant&gt;.conf       an overlay for requests of that tenant
 * jurisdictions/&lt;code&gt;.conf   an overlay for requests served in that jurisdiction
 * messages/&lt;language&gt;.conf    user-facing texts (en is required and the fallback)
 * tests/…                     policy test cases (not part of the policy)
 * </pre>
 * Settings merge jurisdiction overlay over tenant overlay over base (the law of the place outranks the
 * tenant's preferences); rules are evaluated jurisdiction first, then tenant, then base. The version is the
 * policy's name and the first 12 hex digits of the SHA-256 of every file's path and content.
 */
public final class PolicyBundle {

    private static final String BASE = "policy.conf";
    private static final String NONE = "";

    private final String name;
    private final String version;
    private final Config base;
    private final Map<String, Config> tenants;
    private final Map<String, Config> jurisdictions;
    private final Set<String> taxonomy;
    private final Messages messages;
    private final Map<String, CompiledPolicy> effective = new ConcurrentHashMap<>();
    private volatile CompiledPolicy basePolicy;

    private PolicyBundle(String name, String version, Config base, Map<String, Config> tenants,
                         Map<String, Config> jurisdictions, Set<String> taxonomy, Messages messages) {
        this.name = name;
        this.version = version;
        this.base = base;
        this.tenants = tenants;
        this.jurisdictions = jurisdictions;
        this.taxonomy = taxonomy;
        this.messages = messages;
    }

    /**
     * Reads, validates and compiles a policy.
     *
     * @param source where the files are
     * @return the policy
     * @throws PolicyException with every problem, by file and line
     */
    public static PolicyBundle load(PolicySource source) {
        List<PolicyFile> files = source.read();
        List<String> problems = new ArrayList<>();
        Config base = null;
        Map<String, Config> tenants = new TreeMap<>();
        Map<String, Config> jurisdictions = new TreeMap<>();
        Map<String, Config> messageFiles = new LinkedHashMap<>();
        for (PolicyFile file : files) {
            String path = file.path();
            if (path.equals(BASE)) {
                base = file.config();
            } else if (path.startsWith("tenants/") && path.indexOf('/', 8) < 0) {
                tenants.put(stem(path), file.config());
            } else if (path.startsWith("jurisdictions/") && path.indexOf('/', 14) < 0) {
                jurisdictions.put(stem(path), file.config());
            } else if (path.startsWith("messages/") && path.indexOf('/', 9) < 0) {
                messageFiles.put(Messages.languageOf(path), file.config());
            } else {
                problems.add(source.describe() + "/" + path + ": not a policy file (expected policy.conf, tenants/*.conf, "
                        + "jurisdictions/*.conf, messages/*.conf or tests/…)");
            }
        }
        if (base == null) {
            problems.add(source.describe() + "/" + BASE + ": missing; every policy has a base file");
            throw new PolicyException(problems);
        }
        Set<String> taxonomy = PolicyCompiler.taxonomy(base, problems);
        String name = base.hasPath("name") ? base.getString("name") : "policy";
        String version = name + "@" + hash(files);
        PolicyBundle bundle = new PolicyBundle(name, version, base, tenants, jurisdictions, taxonomy,
                new Messages(messageFiles));

        // Compile the base and each overlay on it: every file is validated now, not on first use.
        PolicyCompiler compiler = new PolicyCompiler(taxonomy);
        compiler.checkKeys(base, PolicyCompiler.BASE_KEYS, "the base policy");
        tenants.values().forEach(o -> compiler.checkKeys(o, PolicyCompiler.OVERLAY_KEYS, "a tenant overlay"));
        jurisdictions.values().forEach(o -> compiler.checkKeys(o, PolicyCompiler.OVERLAY_KEYS, "a jurisdiction overlay"));
        Set<String> templates = new java.util.TreeSet<>();
        List<CompiledPolicy> compiled = new ArrayList<>();
        try {
            compiled.add(bundle.compile(compiler, NONE, NONE));
            tenants.keySet().forEach(t -> compiled.add(bundle.compile(compiler, t, NONE)));
            jurisdictions.keySet().forEach(j -> compiled.add(bundle.compile(compiler, NONE, j)));
        } catch (ConfigException e) {
            problems.add(PolicyException.describe(e));
        }
        problems.addAll(compiler.problems());
        compiled.forEach(p -> p.rules().stream().map(PolicyRule::template).filter(t -> !t.isEmpty()).forEach(templates::add));
        problems.addAll(Messages.validate(messageFiles, templates));
        if (!problems.isEmpty()) {
            // the base is compiled with every overlay: one mistake in it would be reported once per overlay
            throw new PolicyException(List.copyOf(new java.util.LinkedHashSet<>(problems)));
        }
        return bundle;
    }

    /**
     * The policy's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The policy's name and content hash.
     *
     * @return e.g. {@code veto-baseline@3f2a9c1d0b7e}
     */
    public String version() {
        return version;
    }

    /**
     * The categories the policy knows.
     *
     * @return category ids
     */
    public Set<String> taxonomy() {
        return taxonomy;
    }

    /**
     * The user-facing texts.
     *
     * @return the messages
     */
    public Messages messages() {
        return messages;
    }

    /**
     * The tenants and jurisdictions with an overlay.
     *
     * @return {@code tenant:<id>} and {@code jurisdiction:<code>} entries
     */
    public List<String> overlays() {
        List<String> overlays = new ArrayList<>();
        tenants.keySet().forEach(t -> overlays.add("tenant:" + t));
        jurisdictions.keySet().forEach(j -> overlays.add("jurisdiction:" + j));
        return overlays;
    }

    /**
     * Decides on one stage's findings under the policy that applies to the request's context.
     *
     * @param stage   the stage
     * @param request the request
     * @param signals the signals
     * @param calls   the stage's component calls
     * @return the outcome
     */
    public PolicyOutcome decide(Stage stage, Request request, List<Signal> signals, List<ComponentCall> calls) {
        return policyFor(request).decide(stage, request, signals, calls);
    }

    /**
     * Whether the effective policy for this request asks for the input cascade's second tier whatever the
     * first tier found ({@code second-tier = always}, e.g. in a tenant overlay).
     *
     * @param request the request
     * @return true to run the second tier
     */
    public boolean requiresSecondTier(Request request) {
        return policyFor(request).secondTierAlways();
    }

    /**
     * Whether a rule of the effective policy waits for another classifier's reading of these signals'
     * text ({@code unconfirmed-by}).
     *
     * @param request the request
     * @param signals the first tier's signals
     * @return true to run the second tier although the first has decided
     */
    public boolean awaitsConfirmation(Request request, List<Signal> signals) {
        return policyFor(request).awaitsConfirmation(request, signals);
    }

    /**
     * The verdict that applies to this request's escalated case when nobody decides it in time
     * ({@code on-escalation-expiry}, e.g. per tenant).
     *
     * @param request the request
     * @return ALLOW, CONSTRAIN or REFUSE
     */
    public Verdict escalationExpiry(Request request) {
        return policyFor(request).expiryVerdict();
    }

    /** The effective policy for a request's tenant and jurisdiction. */
    CompiledPolicy policyFor(Request request) {
        String tenant = tenants.containsKey(request.context().tenant()) ? request.context().tenant() : NONE;
        String jurisdiction = jurisdictions.containsKey(request.context().jurisdiction()) ? request.context().jurisdiction() : NONE;
        if (tenant.isEmpty() && jurisdiction.isEmpty()) {
            CompiledPolicy base = basePolicy;
            if (base == null) {
                base = effective.computeIfAbsent(NONE + '\u0000' + NONE, k -> compile(new PolicyCompiler(taxonomy), NONE, NONE));
                basePolicy = base;
            }
            return base;
        }
        String key = tenant + '\u0000' + jurisdiction;
        CompiledPolicy policy = effective.get(key);
        if (policy == null) {
            PolicyCompiler compiler = new PolicyCompiler(taxonomy);
            policy = effective.computeIfAbsent(key, k -> compile(compiler, tenant, jurisdiction));
        }
        return policy;
    }

    /** Every compiled combination the bundle validated (base, base + each overlay), for the linter. */
    List<CompiledPolicy> validatedPolicies() {
        List<CompiledPolicy> all = new ArrayList<>();
        PolicyCompiler compiler = new PolicyCompiler(taxonomy);
        all.add(compile(compiler, NONE, NONE));
        tenants.keySet().forEach(t -> all.add(compile(compiler, t, NONE)));
        jurisdictions.keySet().forEach(j -> all.add(compile(compiler, NONE, j)));
        return all;
    }

    private CompiledPolicy compile(PolicyCompiler compiler, String tenant, String jurisdiction) {
        Config merged = base.withoutPath("rules");
        List<PolicyCompiler.RuleList> rules = new ArrayList<>();
        if (!tenant.isEmpty()) {
            Config overlay = tenants.get(tenant);
            merged = overlay.withoutPath("rules").withFallback(merged);
            rules.add(0, new PolicyCompiler.RuleList(overlay, "tenant:" + tenant));
        }
        if (!jurisdiction.isEmpty()) {
            Config overlay = jurisdictions.get(jurisdiction);
            merged = overlay.withoutPath("rules").withFallback(merged);
            rules.add(0, new PolicyCompiler.RuleList(overlay, "jurisdiction:" + jurisdiction));
        }
        rules.add(new PolicyCompiler.RuleList(base, NONE));
        if (!merged.hasPath("thresholds")) {
            merged = merged.withFallback(ConfigFactory.parseString("thresholds { constrain = 0.5, escalate = off, refuse = 0.8 }"));
        }
        return compiler.compile(name, version, merged.resolve(), rules).withMessages(messages);
    }

    private static String stem(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        return file.substring(0, file.length() - ".conf".length());
    }

    private static String hash(List<PolicyFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<PolicyFile> sorted = new ArrayList<>(files);
            sorted.sort(java.util.Comparator.comparing(PolicyFile::path));
            for (PolicyFile file : sorted) {
                digest.update(file.path().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.content().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
