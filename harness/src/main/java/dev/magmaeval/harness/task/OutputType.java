package dev.magmaeval.harness.task;

import java.util.Arrays;

/** lmms-eval's {@code output_type}s that this harness runs. */
public enum OutputType {
  GENERATE_UNTIL("generate_until"),
  MULTIPLE_CHOICE("multiple_choice"),
  LOGLIKELIHOOD("loglikelihood");

  private final String yamlName;

  OutputType(String yamlName) {
    this.yamlName = yamlName;
  }

  public String yamlName() {
    return yamlName;
  }

  static OutputType parse(String name) {
    return Arrays.stream(values()).filter(t -> t.yamlName.equals(name)).findFirst().orElse(null);
  }
}
