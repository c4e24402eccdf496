/**
 * Leaderboards and the CI regression gate over lmms-eval v0.7.2 results files: {@code ./eval report} (CSV, a
 * self-contained HTML page with charts, published numbers beside each cell) and {@code ./eval gate} (a verdict with an
 * exit code, Markdown, JUnit XML and a per-sample diff). Stages: {@code results} (read runs) then {@code published}
 * (paper numbers) then {@code leaderboard}/{@code charts}/{@code html} or {@code gate}; {@code cli} holds the two
 * subcommands.
 */
package dev.magmaeval.reports;
