package dev.magmaeval.reports.published;

/** A table of the paper; {@code fineTuned} when its Magma rows come from fine-tuned, unreleased checkpoints. */
public record PublishedTable(String id, String title, boolean fineTuned) {}
