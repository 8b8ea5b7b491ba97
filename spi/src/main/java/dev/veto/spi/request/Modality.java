package dev.veto.spi.request;

/** The kind of content a request carries; policies and classifiers may treat each differently. */
public enum Modality {
    /** Natural-language chat or completion text. */
    TEXT,
    /** Source code or a request about code, typically from an IDE assistant. */
    CODE,
    /** A prompt for an image-generation model. */
    IMAGE_PROMPT,
    /** A transcript of spoken audio. */
    AUDIO_TRANSCRIPT
}
