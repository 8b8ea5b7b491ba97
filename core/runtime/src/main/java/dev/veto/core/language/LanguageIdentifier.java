package dev.veto.core.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import com.typesafe.config.Config;
import dev.veto.core.config.VetoConfigException;
import dev.veto.spi.classifier.ClassificationInput;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;

/**
 * Tells which language a text is written in, offline, with Lingua (n-gram models of each candidate
 * language, loaded at start-up so no request pays for loading them). Used when a request names no
 * locale: classifiers and the reply then follow the user's language. Thread-safe.
 *
 * <p>The models (about a second to load) are read on a thread of their own while the host goes on starting
 * its plugins; the first text that needs them waits for the rest of the load, and texts settled by their
 * script, as plain English or as unaccented Vietnamese never do.
 */
@Singleton
public final class LanguageIdentifier {

    /**
     * A language and how sure the identifier is.
     *
     * @param language   ISO 639-1 code, or {@code und}
     * @param confidence 0 to 1
     */
    public record Identified(String language, double confidence) {

        /** Nothing identified. */
        public static final Identified UNDETERMINED = new Identified(ClassificationInput.UNDETERMINED, 0);
    }

    /** When the chain identifies the language of a request that names none. */
    public enum Mode {
        /** Before classification: classifiers see the language. Costs about a millisecond per Latin-script prompt. */
        ALWAYS,
        /** Only when a reply is written (not ALLOW, or a completion): allowed checks pay nothing. */
        FOR_REPLIES,
        /** Never: requests without a locale get English replies. */
        NEVER
    }

    private final Mode mode;
    private final CompletableFuture<LanguageDetector> detector;
    private final java.util.Set<String> candidates = new java.util.HashSet<>();
    private final double minConfidence;
    private final int minWords;
    private final int maxChars;

    /**
     * Builds the identifier from {@code veto.language}.
     *
     * @param config the host configuration
     * @throws VetoConfigException if a candidate is not a language Lingua knows
     */
    @Inject
    public LanguageIdentifier(@Named("veto") Config config) {
        Config settings = config.getConfig("veto.language");
        this.minConfidence = settings.getDouble("min-confidence");
        this.minWords = settings.getInt("min-words");
        if (minWords < 1) {
            throw VetoConfigException.at(settings.getValue("min-words").origin(), "veto.language.min-words",
                    "must be at least 1, was " + minWords);
        }
        this.maxChars = settings.getInt("max-chars");
        String mode = settings.getString("identify");
        this.mode = switch (mode) {
            case "always" -> Mode.ALWAYS;
            case "for-replies" -> Mode.FOR_REPLIES;
            case "never" -> Mode.NEVER;
            default -> throw VetoConfigException.at(settings.getValue("identify").origin(), "veto.language.identify",
                    "must be always, for-replies or never, was '" + mode + "'");
        };
        if (this.mode == Mode.NEVER) {
            this.detector = null;
            return;
        }
        List<Language> languages = new ArrayList<>();
        for (String code : settings.getStringList("candidates")) {
            if (!WORDS_ONLY.contains(code.toLowerCase(Locale.ROOT))) {
                languages.add(language(code, settings));
            }
            candidates.add(code.toLowerCase(Locale.ROOT));
        }
        if (languages.size() < 2) {
            throw VetoConfigException.at(settings.getValue("candidates").origin(), "veto.language.candidates",
                    "name at least two languages to choose between besides those told by their words alone "
                            + WORDS_ONLY.stream().sorted().toList());
        }
        LanguageDetectorBuilder builder = LanguageDetectorBuilder.fromLanguages(languages.toArray(Language[]::new))
                .withPreloadedLanguageModels();
        String accuracy = settings.getString("accuracy");
        switch (accuracy) {
            case "low" -> builder.withLowAccuracyMode();
            case "high" -> { }
            default -> throw VetoConfigException.at(settings.getValue("accuracy").origin(), "veto.language.accuracy",
                    "must be low or high, was '" + accuracy + "'");
        }
        this.detector = new CompletableFuture<>();
        Thread loader = new Thread(() -> {
            try {
                detector.complete(builder.build());
            } catch (RuntimeException | Error e) {
                detector.completeExceptionally(e);
            }
        }, "veto-language-models");
        loader.setDaemon(true);
        loader.start();
    }

    /**
     * When the chain asks for identification.
     *
     * @return the configured mode
     */
    public Mode mode() {
        return mode;
    }

    /**
     * Identifies the language of a text.
     *
     * @param text the (normalized) text
     * @return the language, or {@link Identified#UNDETERMINED} when unsure or switched off
     */
    public Identified identify(String text) {
        if (detector == null || text.isBlank()) {
            return Identified.UNDETERMINED;
        }
        String sample = sample(text);
        int words = words(sample);
        Identified shortcut = shortcut(sample, words);
        if (shortcut != null) {
            return shortcut;
        }
        if (words < minWords) {
            return Identified.UNDETERMINED; // "hello" reads as French, "anything" as Swahili: a reply in English
        }
        SortedMap<Language, Double> confidences = detector.join().computeLanguageConfidenceValues(sample);
        if (confidences.isEmpty()) {
            return Identified.UNDETERMINED;
        }
        Map.Entry<Language, Double> best = confidences.entrySet().iterator().next();
        for (Map.Entry<Language, Double> entry : confidences.entrySet()) {
            if (entry.getValue() > best.getValue()) {
                best = entry;
            }
        }
        if (best.getValue() < minConfidence || best.getKey() == Language.UNKNOWN) {
            return Identified.UNDETERMINED;
        }
        return new Identified(best.getKey().getIsoCode639_1().name().toLowerCase(Locale.ROOT), best.getValue());
    }

    /**
     * Words, counting each char of a script written without spaces (Han, kana, Thai…) as one: n-gram models
     * cannot tell a language from a word or two.
     */
    static int words(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                inWord = false;
            } else if (UNSPACED.contains(Character.UnicodeScript.of(cp))) {
                words++;
                inWord = false;
            } else if (!inWord) {
                words++;
                inWord = true;
            }
        }
        return words;
    }

    private static final Set<Character.UnicodeScript> UNSPACED = java.util.EnumSet.of(Character.UnicodeScript.HAN,
            Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA, Character.UnicodeScript.THAI,
            Character.UnicodeScript.LAO, Character.UnicodeScript.KHMER, Character.UnicodeScript.MYANMAR);

    /**
     * Identifies a language only where no model is needed — a script one candidate alone is written in, plain
     * English, Vietnamese without diacritics — the shortcuts {@link #identify} takes first, with the same
     * answers. Costs microseconds, so classifiers can be told the language of most requests even where the
     * model runs only for replies: a lexicon's Italian "come" (how) then no longer counts in "where does the
     * name … come from?".
     *
     * @param text the (normalized) text
     * @return the language, or {@link Identified#UNDETERMINED} when the model would be needed (or it is off)
     */
    public Identified identifyWithoutModel(String text) {
        if (detector == null || text.isBlank()) {
            return Identified.UNDETERMINED;
        }
        String sample = sample(text);
        Identified shortcut = shortcut(sample, words(sample));
        return shortcut == null ? Identified.UNDETERMINED : shortcut;
    }

    private String sample(String text) {
        int cut = Math.min(text.length(), maxChars);
        if (cut < text.length() && Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--; // never split a surrogate pair
        }
        return text.substring(0, cut);
    }

    /** The script and word shortcuts, or {@code null} when the model must decide. */
    private Identified shortcut(String sample, int words) {
        String byScript = singleLanguageScript(sample);
        if (byScript != null && candidates.contains(byScript)
                && SAME_SCRIPT.getOrDefault(byScript, Set.of()).stream().noneMatch(candidates::contains)) {
            return new Identified(byScript, 1.0); // a script only one candidate is written in needs no model
        }
        if (words < minWords) {
            return null;
        }
        if (candidates.contains("en") && plainEnglish(sample)) {
            return new Identified("en", WORD_SHORTCUT_CONFIDENCE); // the most common case, without the model
        }
        if (candidates.contains("vi") && unaccentedVietnamese(sample)) {
            return new Identified("vi", WORD_SHORTCUT_CONFIDENCE); // the model reads it as French or Swahili
        }
        if (candidates.contains("jv") && javanese(sample)) {
            return new Identified("jv", WORD_SHORTCUT_CONFIDENCE); // Lingua has no Javanese: it answered Swahili
        }
        return null;
    }

    /** The confidence reported for a text a word shortcut recognised (plain English, unaccented Vietnamese). */
    static final double WORD_SHORTCUT_CONFIDENCE = 0.9;

    /**
     * English function words that are not words of the other usual Latin-script candidates (no "is", "was",
     * "in", "die", "me", "do", "am", "as", "an", "on", "or", "a", "so", "also").
     */
    private static final Set<String> ENGLISH_WORDS = Set.of("the", "and", "of", "you", "your", "how", "what", "why",
            "when", "which", "who", "with", "this", "that", "for", "from", "have", "has", "can", "could", "would",
            "should", "does", "my", "it", "its", "been", "about", "into", "they", "their", "them", "there", "these",
            "those", "not", "but", "if", "at", "are", "were", "be", "any", "some", "get", "give", "make", "tell",
            "write", "explain", "please", "i", "we", "our", "he", "she", "his", "her", "where", "best", "way", "to", "all",
            "by", "up", "out", "just", "than", "must", "need", "want");

    /**
     * Plain English: ASCII letters only, at least four words, and at least a fifth of them (and three at
     * least) English function words. Lingua costs about a millisecond per sentence; most prompts are this.
     */
    static boolean plainEnglish(String text) {
        return asciiWithCues(text, ENGLISH_WORDS, 5);
    }

    /**
     * Vietnamese words as typed without diacritics that no other Latin-script candidate writes alone ("khong",
     * "nguoi", "duoc"); not those that are words elsewhere too ("de", "la", "con", "sao", "nao", "noi", "oi").
     */
    private static final Set<String> UNACCENTED_VIETNAMESE_WORDS = Set.of("khong", "nguoi", "duoc", "nhung", "cua",
            "voi", "toi", "minh", "lam", "cach", "nhieu", "biet", "muon", "mot", "cac", "neu", "vay", "roi", "dang",
            "phai", "chung", "nhat", "trong", "thi", "gi", "nhu", "nay", "khi", "giup", "xin", "nha", "ngay",
            "truoc", "duong", "tien", "thang", "nhe", "anh", "ong", "cung", "lai", "xuong", "hieu", "viet", "dieu",
            "duoi", "thuoc", "giet", "chet", "bao");

    /**
     * Vietnamese typed without its diacritics, as users often do: ASCII letters only, at least three of the
     * words above and a quarter of all. Lingua reads such text as French, Swahili or Dutch, and the reply
     * would follow.
     */
    static boolean unaccentedVietnamese(String text) {
        return asciiWithCues(text, UNACCENTED_VIETNAMESE_WORDS, 4);
    }

    /** Candidates Lingua has no model of, told by their words alone. */
    private static final Set<String> WORDS_ONLY = Set.of("jv");

    /**
     * Javanese words, ngoko and krama, that Indonesian and Malay do not use ("ora", "piye", "mboten"); not those
     * they share ("aku", "apa", "lagi") nor English words ("sing", "to", "ben").
     */
    private static final Set<String> JAVANESE_WORDS = Set.of("ora", "kowe", "piye", "carane", "neng", "ning",
            "karo", "wis", "wes", "arep", "iki", "kuwi", "kui", "mergo", "amarga", "lan", "dhewe", "kanggo", "ngene",
            "ngono", "saka", "seko", "marang", "sampeyan", "panjenengan", "kula", "mboten", "menapa", "pripun",
            "dereng", "sampun", "nggih", "inggih", "mawon", "wae", "nek", "ojo", "iso", "durung", "dadi", "ngerti",
            "opo", "sopo", "endi", "ngendi", "tenan", "akeh", "sithik", "luwih", "gawe", "gawekke", "awakmu", "omahe",
            "bengi", "saiki", "mengko", "wingi", "kudu", "pengin", "kepengin", "ngopo", "ngapa", "mulih", "lunga",
            "nggawa", "njupuk", "dhuwit", "duwit", "sego", "nyolong");

    /**
     * Javanese: ASCII letters only, at least three of the words above and a quarter of all. Lingua knows no
     * Javanese and read it as Swahili, so the reply came in Swahili.
     */
    static boolean javanese(String text) {
        return asciiWithCues(text, JAVANESE_WORDS, 4);
    }

    /** ASCII letters only, at least four words, three of them cues and at least one in {@code oneIn}. */
    private static boolean asciiWithCues(String text, Set<String> cues, int oneIn) {
        int words = 0;
        int cueWords = 0;
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (c > 0x7f && Character.isLetter(c)) {
                return false; // accented or other scripts: leave it to the model
            }
            boolean letter = c < 0x80 && (Character.isLetter(c) || c == '\'');
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                words++;
                if (cues.contains(text.substring(start, i).toLowerCase(Locale.ROOT))) {
                    cueWords++;
                }
                start = -1;
            }
        }
        return words >= 4 && cueWords >= 3 && cueWords * oneIn >= words;
    }

    /** Other languages Lingua knows that share the shortcut's script: with one of them a candidate, the model decides. */
    private static final Map<String, Set<String>> SAME_SCRIPT = Map.of("ar", Set.of("fa", "ur"));

    /**
     * The language of a text whose letters are mostly of a script that, among the usual candidates, one
     * language alone is written in (Hangul, Thai, Bengali, Arabic, kana); Han without kana is Chinese.
     */
    private static String singleLanguageScript(String text) {
        int letters = 0;
        int[] counts = new int[6]; // hangul, thai, bengali, arabic, kana, han
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            letters++;
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            switch (script) {
                case HANGUL -> counts[0]++;
                case THAI -> counts[1]++;
                case BENGALI -> counts[2]++;
                case ARABIC -> counts[3]++;
                case HIRAGANA, KATAKANA -> counts[4]++;
                case HAN -> counts[5]++;
                default -> { }
            }
        }
        if (letters == 0) {
            return null;
        }
        String[] languages = {"ko", "th", "bn", "ar", "ja", "zh"};
        for (int k = 0; k < 5; k++) {
            if (counts[k] * 2 > letters) {
                return languages[k];
            }
        }
        return counts[4] == 0 && counts[5] * 2 > letters ? "zh" : null;
    }

    private static Language language(String code, Config settings) {
        for (Language language : Language.values()) {
            if (language != Language.UNKNOWN && language.getIsoCode639_1() != IsoCode639_1.NONE
                    && language.getIsoCode639_1().name().equalsIgnoreCase(code)) {
                return language;
            }
        }
        throw VetoConfigException.at(settings.getValue("candidates").origin(), "veto.language.candidates",
                "'" + code + "' is not an ISO 639-1 code of a language the identifier knows");
    }
}
