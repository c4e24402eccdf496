package dev.magmaeval.adapters.magma;

/**
 * The prompt text Magma's lmms-eval wrapper (tools/lmms-eval-magma/magma.py) builds: one {@code "<image>\n"} per
 * image or video frame before the task's context, the system message, the checkpoint's Llama-3 chat template (every
 * message content trimmed, {@code <|begin_of_text|>} before the first message, the assistant generation prompt),
 * then every {@code <image>} replaced by {@code <image_start><image><image_end>} when the config says
 * {@code mm_use_image_start_end}. The tokenizer adds a second {@code <|begin_of_text|>} when encoding, as the
 * upstream processor does.
 */
public record ChatPrompt(MagmaConfig.Tokens tokens, String systemPrompt, boolean imageStartEnd) {

  public String generation(String context, int images) {
    return chat(context, images) + header("assistant");
  }

  /** The prompt followed by an assistant turn holding {@code answer}, for scoring a continuation. */
  public String withAnswer(String context, int images, String answer) {
    return generation(context, images) + PyStrings.strip(answer) + str("eot");
  }

  private String chat(String context, int images) {
    String user = (str("image") + "\n").repeat(images) + context;
    String text = str("bos") + header("system") + PyStrings.strip(systemPrompt) + str("eot")
        + header("user") + PyStrings.strip(user) + str("eot");
    if (imageStartEnd) {
      text = text.replace(str("image"), str("image_start") + str("image") + str("image_end"));
    }
    return text;
  }

  private String header(String role) {
    return str("start_header") + role + str("end_header") + "\n\n";
  }

  private String str(String key) {
    return tokens.strings().get(key);
  }
}
