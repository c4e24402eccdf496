/**
 * Video frames for model backends: {@link dev.magmaeval.harness.media.VideoFrameSampler} decodes the frames lmms-eval
 * would sample ({@link dev.magmaeval.harness.media.FrameIndices}) with FFmpeg through JavaCPP's presets, seeking
 * instead of decoding whole videos. Only the linux-x86_64 FFmpeg natives are on the classpath (root pom,
 * {@code javacpp.platform}).
 */
package dev.magmaeval.harness.media;
