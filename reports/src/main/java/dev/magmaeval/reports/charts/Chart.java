package dev.magmaeval.reports.charts;

/** A rendered chart: a PNG and the text that goes with it ({@code id} is unique within a report). */
public record Chart(String id, String title, String caption, byte[] png) {}
