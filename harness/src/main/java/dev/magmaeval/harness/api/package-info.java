/**
 * The thin contract between the engine and its plugins: the records that cross stages ({@link
 * dev.magmaeval.harness.api.Doc}, {@link dev.magmaeval.harness.api.Request}, {@link
 * dev.magmaeval.harness.api.Response}) and the service interfaces found with {@link java.util.ServiceLoader}:
 *
 * <ul>
 *   <li>{@link dev.magmaeval.harness.api.ModelProvider}: a model backend, chosen with {@code --model NAME};
 *   <li>{@link dev.magmaeval.harness.api.TaskFunctions}: the Java functions that task YAMLs name with
 *       {@code !function module.name};
 *   <li>{@link dev.magmaeval.harness.api.CliCommand}: a subcommand of {@code ./eval} ({@code report}, {@code gate}).
 * </ul>
 *
 * <p>Values inside docs and per-doc metric results follow Python's data model so that scoring matches lmms-eval
 * exactly: {@code Long} for int, {@code Double} for float, {@code Boolean} for bool (an int in sums), {@code
 * String}, {@code List} and {@code Map} (insertion-ordered) for list and dict, and {@code null} for None. This
 * package depends on the JDK alone.
 */
package dev.magmaeval.harness.api;
