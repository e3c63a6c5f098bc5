package dev.integrity.scoring.model;

import java.util.List;

/** The authenticity model's view of an account: probability of fake, at threshold or not, and why. */
public record ModelResult(String modelId, double probability, boolean flagged, List<String> reasons) {
}
