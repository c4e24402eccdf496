package dev.magmaeval.harness.media;

/**
 * What a video stream holds, as the sampler sees it.
 *
 * @param frameCount the number of video frames: the stream's packet count, which is decord's {@code len(VideoReader)}
 *     and, for MP4, PyAV's {@code stream.frames}
 * @param frameRate the average frame rate (frames per second), or 0 when the container does not say
 * @param width coded width in pixels
 * @param height coded height in pixels
 * @param codec FFmpeg's decoder name, e.g. {@code h264}
 * @param keyframeCount keyframes (seek points) among the frames; a sampled frame costs at most the decoding of the
 *     frames from the keyframe before it
 */
public record VideoInfo(long frameCount, double frameRate, int width, int height, String codec, long keyframeCount) {}
