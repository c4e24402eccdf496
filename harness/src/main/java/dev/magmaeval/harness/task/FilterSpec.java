package dev.magmaeval.harness.task;

import dev.magmaeval.harness.api.TaskFunction;
import java.util.List;

/** One {@code filter_list} ensemble: its name (the part after the comma in metric keys) and its steps. */
public record FilterSpec(String name, List<TaskFunction.Filter> steps) {}
