package dev.veto.training;

/**
 * One labelled prompt in the format of the shared sets (../shared/data/README.md).
 *
 * @param id       unique id
 * @param prompt   the text
 * @param unsafe   whether the label is {@code unsafe}
 * @param category the source's own category
 * @param lang     ISO 639-1 language code
 * @param source   the set it came from
 */
record LabelledRow(String id, String prompt, boolean unsafe, String category, String lang, String source) {

    /**
     * The group a row is split with: translations of one MultiJail prompt, and the two halves of one of the
     * project's matched pairs, must never land on both sides of the train / held-out line.
     *
     * @return the group key
     */
    String group() {
        if (id.startsWith("multijail-")) {
            return id.substring(0, id.lastIndexOf('-'));
        }
        if (id.startsWith("veto-pair-") && (id.endsWith("-u") || id.endsWith("-s"))) {
            return id.substring(0, id.length() - 2);
        }
        return id;
    }
}
