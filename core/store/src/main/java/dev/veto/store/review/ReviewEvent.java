package dev.veto.store.review;

import java.time.Instant;

/**
 * One step in a case's history: opened, claimed, released, approved, denied, edited, expired.
 *
 * @param caseId the case
 * @param at     when
 * @param actor  the reviewer, or {@code system}
 * @param action what happened
 * @param note   the reviewer's note, possibly empty
 */
public record ReviewEvent(String caseId, Instant at, String actor, String action, String note) {
}
