package dev.veto.spi.classifier;

/** Where in the chain a classifier runs. */
public enum Stage {
    /** Before generation, on the user's request. */
    INPUT,
    /** After or during generation, on the model's output (possibly one window of a stream). */
    OUTPUT
}
